# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""set-user-pool-mfa-config.sh: MFA by authenticator app, required or optional."""

from __future__ import annotations

from cli.expect import printed_response, refused


def test_requires_totp_mfa(run_script, cognito, user_pool):
    result = run_script("set-user-pool-mfa-config", "--user-pool-id", user_pool)
    response = printed_response(result, "SetUserPoolMfaConfig")
    assert response["MfaConfiguration"] == "ON"
    stored = cognito.get_user_pool_mfa_config(UserPoolId=user_pool)
    assert stored["MfaConfiguration"] == "ON"
    assert stored["SoftwareTokenMfaConfiguration"] == {"Enabled": True}


def test_optional(run_script, cognito, user_pool):
    result = run_script(
        "set-user-pool-mfa-config", "--user-pool-id", user_pool, "--mfa-configuration", "OPTIONAL"
    )
    assert printed_response(result, "SetUserPoolMfaConfig")["MfaConfiguration"] == "OPTIONAL"
    assert cognito.get_user_pool_mfa_config(UserPoolId=user_pool)["MfaConfiguration"] == "OPTIONAL"


def test_unknown_pool(run_script):
    result = run_script("set-user-pool-mfa-config", "--user-pool-id", "us-east-1_missing")
    refused(result, "ResourceNotFoundException", "There is no user pool with that ID")


def test_configuration_checked_before_calling(run_script, cognito, user_pool):
    result = run_script(
        "set-user-pool-mfa-config", "--user-pool-id", user_pool, "--mfa-configuration", "MAYBE"
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "set-user-pool-mfa-config.sh: --mfa-configuration is ON, OPTIONAL or OFF, not MAYBE"
        " (see --help)"
    )
    assert cognito.get_user_pool_mfa_config(UserPoolId=user_pool)["MfaConfiguration"] == "OFF"
