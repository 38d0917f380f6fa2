# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""get_user_pool_mfa_config: what SetUserPoolMfaConfig stored."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.get_user_pool_mfa_config import get_user_pool_mfa_config


def test_new_pool_has_mfa_off(cognito, user_pool):
    result = get_user_pool_mfa_config(cognito, user_pool)
    assert result["MfaConfiguration"] == "OFF"
    assert "ResponseMetadata" not in result


def test_reads_what_was_set(cognito, user_pool):
    cognito.set_user_pool_mfa_config(
        UserPoolId=user_pool,
        MfaConfiguration="ON",
        SoftwareTokenMfaConfiguration={"Enabled": True},
    )
    result = get_user_pool_mfa_config(cognito, user_pool)
    assert result["MfaConfiguration"] == "ON"
    assert result["SoftwareTokenMfaConfiguration"]["Enabled"] is True


def test_missing_pool(cognito, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        get_user_pool_mfa_config(cognito, "us-east-1_NoSuchPool")
    check_error(excinfo, "ResourceNotFoundException")
    assert "There is no user pool us-east-1_NoSuchPool" in caplog.text


def test_cli(run_cli, cognito, user_pool):
    cognito.set_user_pool_mfa_config(
        UserPoolId=user_pool,
        MfaConfiguration="OPTIONAL",
        SoftwareTokenMfaConfiguration={"Enabled": True},
    )
    proc = run_cli("get_user_pool_mfa_config", "--user-pool-id", user_pool)
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    assert printed["MfaConfiguration"] == "OPTIONAL"
    assert printed["SoftwareTokenMfaConfiguration"] == {"Enabled": True}
