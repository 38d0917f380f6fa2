# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""AdminSetUserMFAPreference: an administrator turns a user's TOTP MFA on or off."""

from __future__ import annotations

import json
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError
from cognito_idp.admin_set_user_mfa_preference import admin_set_user_mfa_preference
from cognito_users import admin_sign_in
from mfa_fixtures import (
    TotpUser,
    error_code,
    signed_in_as,
)


def test_enabling_a_verified_authenticator_makes_sign_in_ask_for_it(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    token = optional_user["access_token"]
    secret = cognito.associate_software_token(AccessToken=token)["SecretCode"]
    cognito.verify_software_token(AccessToken=token, UserCode=pyotp.TOTP(secret).now())

    admin_set_user_mfa_preference(cognito, optional_mfa_pool, optional_user["username"])

    user = cognito.admin_get_user(UserPoolId=optional_mfa_pool, Username=optional_user["username"])
    assert user["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"
    started = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, optional_user["username"]
    )
    assert started["ChallengeName"] == "SOFTWARE_TOKEN_MFA"


def test_disabling_lets_the_user_sign_in_with_the_password_alone(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    token = optional_user["access_token"]
    secret = cognito.associate_software_token(AccessToken=token)["SecretCode"]
    cognito.verify_software_token(AccessToken=token, UserCode=pyotp.TOTP(secret).now())
    admin_set_user_mfa_preference(cognito, optional_mfa_pool, optional_user["username"])

    admin_set_user_mfa_preference(
        cognito,
        optional_mfa_pool,
        optional_user["username"],
        software_token_enabled=False,
        software_token_preferred=False,
    )

    started = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, optional_user["username"]
    )
    assert "ChallengeName" not in started
    assert signed_in_as(cognito, started) == optional_user["username"]


def test_unknown_user_is_not_found(
    cognito: Any, mfa_pool: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        admin_set_user_mfa_preference(cognito, mfa_pool, "nobody-here")

    assert error_code(exc_info) == "UserNotFoundException"
    assert "is not in user pool" in caplog.text
    assert "UserNotFoundException" in caplog.text


def test_enabling_without_an_authenticator_is_refused(
    cognito: Any, mfa_pool: str, mfa_user: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        admin_set_user_mfa_preference(cognito, mfa_pool, mfa_user)

    assert error_code(exc_info) == "InvalidParameterException"

    assert "InvalidParameterException" in caplog.text
    assert "must verify an authenticator app first" in caplog.text


def test_command_line_disables_totp(
    run_cli: Any, cognito: Any, mfa_pool: str, totp_user: TotpUser
) -> None:
    run = run_cli(
        "admin_set_user_mfa_preference",
        "--user-pool-id",
        mfa_pool,
        "--username",
        totp_user.username,
        "--disable",
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["SoftwareTokenMfaSettings"]["Enabled"] is False
    user = cognito.admin_get_user(UserPoolId=mfa_pool, Username=totp_user.username)
    assert "SOFTWARE_TOKEN_MFA" not in user.get("UserMFASettingList", [])
