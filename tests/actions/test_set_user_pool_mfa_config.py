# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""set_user_pool_mfa_config: MFA with authenticator apps on, optional or off."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.set_user_pool_mfa_config import set_user_pool_mfa_config


def test_turns_totp_mfa_on(cognito, user_pool):
    result = set_user_pool_mfa_config(cognito, user_pool)
    assert result["MfaConfiguration"] == "ON"
    assert result["SoftwareTokenMfaConfiguration"] == {"Enabled": True}
    assert "ResponseMetadata" not in result
    stored = cognito.get_user_pool_mfa_config(UserPoolId=user_pool)
    assert stored["MfaConfiguration"] == "ON"
    assert stored["SoftwareTokenMfaConfiguration"] == {"Enabled": True}
    assert cognito.describe_user_pool(UserPoolId=user_pool)["UserPool"]["MfaConfiguration"] == "ON"


def test_optional_then_off(cognito, user_pool):
    set_user_pool_mfa_config(cognito, user_pool, mfa_configuration="OPTIONAL")
    assert cognito.get_user_pool_mfa_config(UserPoolId=user_pool)["MfaConfiguration"] == (
        "OPTIONAL"
    )
    # Cognito refuses OFF together with a factor setting: the function leaves it out.
    set_user_pool_mfa_config(cognito, user_pool, mfa_configuration="OFF")
    assert cognito.get_user_pool_mfa_config(UserPoolId=user_pool)["MfaConfiguration"] == "OFF"


def test_required_mfa_without_a_factor(cognito, user_pool, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        set_user_pool_mfa_config(cognito, user_pool, software_token_enabled=False)
    check_error(excinfo, "InvalidParameterException")
    assert "needs at least one factor" in caplog.text
    assert cognito.get_user_pool_mfa_config(UserPoolId=user_pool)["MfaConfiguration"] == "OFF"


def test_missing_pool(cognito, check_error):
    with pytest.raises(ClientError) as excinfo:
        set_user_pool_mfa_config(cognito, "us-east-1_NoSuchPool")
    check_error(excinfo, "ResourceNotFoundException")


def test_cli(run_cli, cognito, user_pool):
    proc = run_cli(
        "set_user_pool_mfa_config", "--user-pool-id", user_pool, "--mfa-configuration", "OPTIONAL"
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["MfaConfiguration"] == "OPTIONAL"
    assert cognito.get_user_pool_mfa_config(UserPoolId=user_pool)["MfaConfiguration"] == (
        "OPTIONAL"
    )
