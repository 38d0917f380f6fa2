# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""create_user_pool: a pool with e-mail verification and optional device tracking."""

from __future__ import annotations

import json
import logging

import pytest
from botocore.exceptions import ClientError
from cognito_idp.create_user_pool import create_user_pool


@pytest.fixture
def created(cognito):
    pool_ids = []
    yield pool_ids
    for pool_id in pool_ids:
        cognito.delete_user_pool(UserPoolId=pool_id)


def test_creates_pool_that_verifies_email(cognito, created, unique_name):
    pool = create_user_pool(cognito, f"pool-{unique_name}")
    created.append(pool["Id"])
    described = cognito.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
    assert described["Name"] == f"pool-{unique_name}"
    assert described["AutoVerifiedAttributes"] == ["email"]
    assert "ResponseMetadata" not in pool


def test_device_configuration_and_no_auto_verify(cognito, created, unique_name):
    devices = {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True}
    pool = create_user_pool(
        cognito, f"pool-{unique_name}", auto_verify_email=False, device_configuration=devices
    )
    created.append(pool["Id"])
    described = cognito.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
    assert described["DeviceConfiguration"] == devices
    assert not described.get("AutoVerifiedAttributes")


def test_invalid_name_is_invalid_parameter(cognito, check_error):
    with pytest.raises(ClientError) as excinfo:
        create_user_pool(cognito, "not/a valid;name" * 20)
    check_error(excinfo, "InvalidParameterException")


def test_quota_reached_gives_advice(stubbed, check_error, caplog):
    client = stubbed("create_user_pool", "LimitExceededException")
    with pytest.raises(ClientError) as excinfo:
        create_user_pool(client, "pool")
    check_error(excinfo, "LimitExceededException")
    assert "quota of user pools" in caplog.text


def test_logs_the_new_id(cognito, created, unique_name, caplog):
    caplog.set_level(logging.INFO, logger="cognito_idp.create_user_pool")
    pool = create_user_pool(cognito, f"pool-{unique_name}")
    created.append(pool["Id"])
    assert pool["Id"] in caplog.text


def test_cli_creates_pool(run_cli, cognito, created, unique_name):
    proc = run_cli(
        "create_user_pool", "--pool-name", f"cli-{unique_name}", "--remember-devices", "always"
    )
    assert proc.returncode == 0, proc.stderr
    pool = json.loads(proc.stdout)
    created.append(pool["Id"])
    described = cognito.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
    assert described["Name"] == f"cli-{unique_name}"
    assert described["DeviceConfiguration"]["DeviceOnlyRememberedOnUserPrompt"] is False
