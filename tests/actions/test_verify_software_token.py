# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""VerifySoftwareToken: the first code of the new authenticator app is checked for real."""

from __future__ import annotations

import json
import time
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError
from cognito_idp.verify_software_token import verify_software_token
from cognito_users import admin_sign_in
from mfa_fixtures import (
    error_code,
    make_user,
)


def _wrong(totp: pyotp.TOTP) -> str:
    valid = {totp.at(time.time() + step) for step in (-60, -30, 0, 30, 60)}
    return next(c for c in ("000000", "123456", "999999") if c not in valid)


def _setup_session(
    cognito: Any, pool: str, client_id: str, username: str
) -> tuple[str, pyotp.TOTP]:
    started = admin_sign_in(cognito, pool, client_id, username)
    associated = cognito.associate_software_token(Session=started["Session"])
    return associated["Session"], pyotp.TOTP(associated["SecretCode"])


def test_right_code_during_sign_in_succeeds_with_a_session(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str
) -> None:
    session, totp = _setup_session(cognito, mfa_pool, mfa_app_client, mfa_user)

    result = verify_software_token(
        cognito, totp.now(), session=session, friendly_device_name="Ana's phone"
    )

    assert result["Status"] == "SUCCESS"
    finished = cognito.respond_to_auth_challenge(
        ClientId=mfa_app_client,
        ChallengeName="MFA_SETUP",
        Session=result["Session"],
        ChallengeResponses={"USERNAME": mfa_user},
    )
    assert finished["AuthenticationResult"]["AccessToken"]


def test_wrong_code_is_refused(
    cognito: Any,
    mfa_pool: str,
    mfa_app_client: str,
    mfa_user: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    session, totp = _setup_session(cognito, mfa_pool, mfa_app_client, mfa_user)

    with pytest.raises(ClientError) as exc_info:
        verify_software_token(cognito, _wrong(totp), session=session)

    assert error_code(exc_info) == "EnableSoftwareTokenMFAException"
    assert "EnableSoftwareTokenMFAException" in caplog.text
    assert "phone's clock" in caplog.text


def test_code_of_another_users_secret_is_refused(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str, unique_name: str
) -> None:
    other = make_user(cognito, mfa_pool, f"fay-{unique_name}")
    session, _ = _setup_session(cognito, mfa_pool, mfa_app_client, mfa_user)
    _, other_totp = _setup_session(cognito, mfa_pool, mfa_app_client, other)

    with pytest.raises(ClientError) as exc_info:
        verify_software_token(cognito, other_totp.now(), session=session)

    assert error_code(exc_info) == "EnableSoftwareTokenMFAException"


def test_signed_in_user_verifies_with_the_access_token(
    cognito: Any, optional_mfa_pool: str, optional_user: dict[str, str]
) -> None:
    token = optional_user["access_token"]
    secret = cognito.associate_software_token(AccessToken=token)["SecretCode"]

    result = verify_software_token(cognito, pyotp.TOTP(secret).now(), access_token=token)

    assert result["Status"] == "SUCCESS"
    # Verified, so Cognito now accepts TOTP as the user's MFA method.
    cognito.set_user_mfa_preference(
        AccessToken=token, SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True}
    )
    user = cognito.admin_get_user(UserPoolId=optional_mfa_pool, Username=optional_user["username"])
    assert user["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"


def test_needs_exactly_one_of_session_and_access_token(cognito: Any) -> None:
    with pytest.raises(ValueError):
        verify_software_token(cognito, "123456")


def test_command_line_verifies_a_code(
    run_cli: Any, cognito: Any, optional_user: dict[str, str]
) -> None:
    token = optional_user["access_token"]
    secret = cognito.associate_software_token(AccessToken=token)["SecretCode"]

    run = run_cli(
        "verify_software_token",
        "--access-token",
        token,
        "--code",
        pyotp.TOTP(secret).now(),
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["Status"] == "SUCCESS"
    assert token not in run.stdout + run.stderr
    assert secret not in run.stdout + run.stderr
