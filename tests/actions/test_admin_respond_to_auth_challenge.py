# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""AdminRespondToAuthChallenge: TOTP codes and MFA_SETUP from a back end."""

from __future__ import annotations

import json
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError
from cognito_idp.admin_respond_to_auth_challenge import admin_respond_to_auth_challenge
from cognito_users import admin_sign_in
from mfa_fixtures import (
    TotpUser,
    assert_json_masked,
    error_code,
    signed_in_as,
)


def test_right_totp_code_signs_the_user_in(
    cognito: Any, mfa_pool: str, mfa_app_client: str, totp_user: TotpUser
) -> None:
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, totp_user.username)
    assert started["ChallengeName"] == "SOFTWARE_TOKEN_MFA"

    result = admin_respond_to_auth_challenge(
        cognito,
        mfa_pool,
        mfa_app_client,
        "SOFTWARE_TOKEN_MFA",
        started["Session"],
        {"USERNAME": totp_user.username, "SOFTWARE_TOKEN_MFA_CODE": totp_user.code()},
    )

    access_token = result["AuthenticationResult"]["AccessToken"]
    assert cognito.get_user(AccessToken=access_token)["Username"] == totp_user.username


def test_wrong_totp_code_is_a_code_mismatch(
    cognito: Any,
    mfa_pool: str,
    mfa_app_client: str,
    totp_user: TotpUser,
    caplog: pytest.LogCaptureFixture,
) -> None:
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, totp_user.username)

    with pytest.raises(ClientError) as exc_info:
        admin_respond_to_auth_challenge(
            cognito,
            mfa_pool,
            mfa_app_client,
            "SOFTWARE_TOKEN_MFA",
            started["Session"],
            {"USERNAME": totp_user.username, "SOFTWARE_TOKEN_MFA_CODE": totp_user.wrong_code()},
        )

    assert error_code(exc_info) == "CodeMismatchException"
    assert "CodeMismatchException" in caplog.text


def test_mfa_setup_registers_totp_as_the_users_mfa(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str
) -> None:
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, mfa_user)
    associated = cognito.associate_software_token(Session=started["Session"])
    totp = pyotp.TOTP(associated["SecretCode"])
    verified = cognito.verify_software_token(Session=associated["Session"], UserCode=totp.now())

    result = admin_respond_to_auth_challenge(
        cognito, mfa_pool, mfa_app_client, "MFA_SETUP", verified["Session"], {"USERNAME": mfa_user}
    )

    assert result["AuthenticationResult"]["RefreshToken"]
    assert signed_in_as(cognito, result) == mfa_user
    again = admin_sign_in(cognito, mfa_pool, mfa_app_client, mfa_user)
    assert again["ChallengeName"] == "SOFTWARE_TOKEN_MFA"


def test_made_up_session_is_refused(
    cognito: Any,
    mfa_pool: str,
    mfa_app_client: str,
    totp_user: TotpUser,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(ClientError) as exc_info:
        admin_respond_to_auth_challenge(
            cognito,
            mfa_pool,
            mfa_app_client,
            "SOFTWARE_TOKEN_MFA",
            "AYABeInvented-session-value-0123456789",
            {"USERNAME": totp_user.username, "SOFTWARE_TOKEN_MFA_CODE": totp_user.code()},
        )

    assert error_code(exc_info) == "NotAuthorizedException"
    assert "NotAuthorizedException" in caplog.text


def test_command_line_answers_with_a_code(
    run_cli: Any,
    cognito: Any,
    mfa_pool: str,
    mfa_app_client: str,
    totp_user: TotpUser,
) -> None:
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, totp_user.username)

    run = run_cli(
        "admin_respond_to_auth_challenge",
        "--user-pool-id",
        mfa_pool,
        "--client-id",
        mfa_app_client,
        "--challenge-name",
        "SOFTWARE_TOKEN_MFA",
        f"--session={started['Session']}",  # = : a value may start with "-"
        "--username",
        totp_user.username,
        "--code",
        totp_user.code(),
    )

    assert run.returncode == 0, run.stderr
    assert assert_json_masked(json.loads(run.stdout)) == 3
    assert started["Session"] not in run.stdout + run.stderr
