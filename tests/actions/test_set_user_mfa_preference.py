# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""SetUserMFAPreference: a verified authenticator turns on the SOFTWARE_TOKEN_MFA challenge."""

from __future__ import annotations

import json
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError
from cognito_idp.set_user_mfa_preference import set_user_mfa_preference
from cognito_users import admin_sign_in
from mfa_fixtures import (
    error_code,
)


def _verify_totp(cognito: Any, access_token: str) -> None:
    secret = cognito.associate_software_token(AccessToken=access_token)["SecretCode"]
    status = cognito.verify_software_token(
        AccessToken=access_token, UserCode=pyotp.TOTP(secret).now()
    )["Status"]
    assert status == "SUCCESS"


def test_after_verify_and_preference_sign_in_asks_for_the_totp_code(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    _verify_totp(cognito, optional_user["access_token"])

    set_user_mfa_preference(cognito, optional_user["access_token"])

    user = cognito.admin_get_user(UserPoolId=optional_mfa_pool, Username=optional_user["username"])
    assert user["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"
    assert "SOFTWARE_TOKEN_MFA" in user["UserMFASettingList"]
    started = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, optional_user["username"]
    )
    assert started["ChallengeName"] == "SOFTWARE_TOKEN_MFA"


def test_disabling_totp_again_lets_the_user_sign_in_with_the_password(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    _verify_totp(cognito, optional_user["access_token"])
    set_user_mfa_preference(cognito, optional_user["access_token"])

    set_user_mfa_preference(
        cognito,
        optional_user["access_token"],
        software_token_enabled=False,
        software_token_preferred=False,
    )

    started = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, optional_user["username"]
    )
    assert "ChallengeName" not in started
    assert started["AuthenticationResult"]["AccessToken"]


def test_enabling_before_verifying_an_authenticator_is_refused(
    cognito: Any, optional_user: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        set_user_mfa_preference(cognito, optional_user["access_token"])

    assert error_code(exc_info) == "InvalidParameterException"

    assert "InvalidParameterException" in caplog.text
    assert "verify an authenticator app first" in caplog.text


def test_revoked_access_token_is_not_authorized(
    cognito: Any, optional_user: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    cognito.global_sign_out(AccessToken=optional_user["access_token"])

    with pytest.raises(ClientError) as exc_info:
        set_user_mfa_preference(cognito, optional_user["access_token"])

    assert error_code(exc_info) == "NotAuthorizedException"
    assert "NotAuthorizedException" in caplog.text


def test_command_line_enables_totp(
    run_cli: Any,
    cognito: Any,
    optional_mfa_pool: str,
    optional_user: dict[str, str],
) -> None:
    _verify_totp(cognito, optional_user["access_token"])

    run = run_cli(
        "set_user_mfa_preference",
        "--access-token",
        optional_user["access_token"],
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["SoftwareTokenMfaSettings"] == {
        "Enabled": True,
        "PreferredMfa": True,
    }
    assert optional_user["access_token"] not in run.stdout + run.stderr
    user = cognito.admin_get_user(UserPoolId=optional_mfa_pool, Username=optional_user["username"])
    assert user["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"
