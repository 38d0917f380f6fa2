# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""update_user_pool: changes what it is given and keeps every other setting."""

from __future__ import annotations

import contextlib
import json

import boto3
import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from cognito_idp.update_user_pool import update_user_pool


def _pool(cognito, pool_id):
    return cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]


def test_changes_password_policy_and_keeps_the_rest(cognito, user_pool):
    before = _pool(cognito, user_pool)
    update_user_pool(cognito, user_pool, password_policy={"MinimumLength": 12})
    after = _pool(cognito, user_pool)
    policy = after["Policies"]["PasswordPolicy"]
    assert policy["MinimumLength"] == 12
    # the other keys of the policy and the other settings are kept
    assert policy["RequireSymbols"] == before["Policies"]["PasswordPolicy"]["RequireSymbols"]
    assert after["AutoVerifiedAttributes"] == ["email"]


def test_keeps_mfa_configuration(cognito, user_pool):
    cognito.set_user_pool_mfa_config(
        UserPoolId=user_pool,
        MfaConfiguration="OPTIONAL",
        SoftwareTokenMfaConfiguration={"Enabled": True},
    )
    update_user_pool(
        cognito,
        user_pool,
        device_configuration={
            "ChallengeRequiredOnNewDevice": True,
            "DeviceOnlyRememberedOnUserPrompt": False,
        },
    )
    after = _pool(cognito, user_pool)
    assert after["DeviceConfiguration"]["ChallengeRequiredOnNewDevice"] is True
    assert after["MfaConfiguration"] == "OPTIONAL"


def test_deletion_protection_blocks_delete(cognito, user_pool):
    update_user_pool(cognito, user_pool, deletion_protection="ACTIVE")
    try:
        assert _pool(cognito, user_pool)["DeletionProtection"] == "ACTIVE"
        with pytest.raises(ClientError) as excinfo:
            cognito.delete_user_pool(UserPoolId=user_pool)
        assert excinfo.value.response["Error"]["Code"] == "InvalidParameterException"
    finally:
        with contextlib.suppress(ClientError):  # deleted after all: the assertion above tells
            update_user_pool(cognito, user_pool, deletion_protection="INACTIVE")


def test_missing_pool(cognito, check_error):
    with pytest.raises(ClientError) as excinfo:
        update_user_pool(cognito, "us-east-1_NoSuchPool", auto_verified_attributes=[])
    check_error(excinfo, "ResourceNotFoundException")


def test_concurrent_change_gives_advice(check_error, caplog):
    """Two admins updating at once: only AWS can race, so the error is stubbed."""
    client = boto3.client("cognito-idp", region_name="us-east-1")
    with Stubber(client) as stubber:
        stubber.add_response(
            "describe_user_pool", {"UserPool": {"Id": "us-east-1_EXAMPLE", "Name": "pool"}}
        )
        stubber.add_client_error("update_user_pool", "ConcurrentModificationException")
        with pytest.raises(ClientError) as excinfo:
            update_user_pool(client, "us-east-1_EXAMPLE", deletion_protection="ACTIVE")
    check_error(excinfo, "ConcurrentModificationException")
    assert "try again" in caplog.text


def test_cli(run_cli, cognito, user_pool):
    proc = run_cli(
        "update_user_pool", "--user-pool-id", user_pool, "--minimum-password-length", "10"
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["Changed"] == {"PasswordPolicy": {"MinimumLength": 10}}
    assert _pool(cognito, user_pool)["Policies"]["PasswordPolicy"]["MinimumLength"] == 10
