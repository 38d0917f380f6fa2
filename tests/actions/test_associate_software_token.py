# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""AssociateSoftwareToken: a per-user TOTP secret, during sign-in or for a signed-in user."""

from __future__ import annotations

import base64
import json
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError
from cognito_idp.associate_software_token import associate_software_token
from cognito_users import admin_sign_in
from mfa_fixtures import (
    assert_json_masked,
    error_code,
    make_user,
)


def test_mfa_setup_session_gets_a_secret_and_a_new_session(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str
) -> None:
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, mfa_user)

    result = associate_software_token(cognito, session=started["Session"])

    assert (
        len(base64.b32decode(result["SecretCode"] + "=" * (-len(result["SecretCode"]) % 8))) >= 10
    )
    assert result["Session"] and result["Session"] != started["Session"]


def test_signed_in_user_gets_a_secret_but_no_mfa_yet(
    cognito: Any, optional_mfa_pool: str, optional_user: dict[str, str]
) -> None:
    result = associate_software_token(cognito, access_token=optional_user["access_token"])

    secret = result["SecretCode"]
    assert base64.b32decode(secret)  # a base32 key an authenticator app accepts
    assert "Session" not in result
    user = cognito.admin_get_user(UserPoolId=optional_mfa_pool, Username=optional_user["username"])
    assert "SOFTWARE_TOKEN_MFA" not in user.get("UserMFASettingList", [])
    # the secret is real: a code made from it verifies
    verified = cognito.verify_software_token(
        AccessToken=optional_user["access_token"], UserCode=pyotp.TOTP(secret).now()
    )
    assert verified["Status"] == "SUCCESS"


def test_every_user_gets_a_different_secret(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str, unique_name: str
) -> None:
    other = make_user(cognito, mfa_pool, f"eve-{unique_name}")
    secrets = {
        associate_software_token(
            cognito, session=admin_sign_in(cognito, mfa_pool, mfa_app_client, name)["Session"]
        )["SecretCode"]
        for name in (mfa_user, other)
    }
    assert len(secrets) == 2


def test_needs_exactly_one_of_session_and_access_token(cognito: Any) -> None:
    with pytest.raises(ValueError):
        associate_software_token(cognito)
    with pytest.raises(ValueError):
        associate_software_token(cognito, session="s" * 20, access_token="t" * 20)


def test_revoked_access_token_is_not_authorized(
    cognito: Any, optional_user: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    cognito.global_sign_out(AccessToken=optional_user["access_token"])

    with pytest.raises(ClientError) as exc_info:
        associate_software_token(cognito, access_token=optional_user["access_token"])

    assert error_code(exc_info) == "NotAuthorizedException"

    assert "NotAuthorizedException" in caplog.text
    assert "sign in again" in caplog.text
    assert optional_user["access_token"] not in caplog.text


def test_command_line_shows_the_secret_and_masks_the_session(
    run_cli: Any,
    cognito: Any,
    mfa_pool: str,
    mfa_app_client: str,
    mfa_user: str,
) -> None:
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, mfa_user)

    run = run_cli("associate_software_token", f"--session={started['Session']}")

    assert run.returncode == 0, run.stderr
    printed = json.loads(run.stdout)
    assert len(printed["SecretCode"]) >= 16  # in full, on purpose
    assert "authenticator app" in run.stderr
    assert assert_json_masked(printed) == 1
    assert started["Session"] not in run.stdout
