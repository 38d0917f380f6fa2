# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH): challenges and errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.admin_initiate_auth import admin_initiate_auth
from cognito_users import TEST_PASSWORD
from mfa_fixtures import (
    TotpUser,
    assert_json_masked,
    error_code,
    signed_in_as,
)


def test_new_user_of_mfa_pool_is_asked_to_set_up_mfa(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str
) -> None:
    result = admin_initiate_auth(cognito, mfa_pool, mfa_app_client, mfa_user, TEST_PASSWORD)

    assert result["ChallengeName"] == "MFA_SETUP"
    assert result["Session"]
    assert "AuthenticationResult" not in result
    assert "ResponseMetadata" not in result


def test_user_with_totp_is_asked_for_the_code(
    cognito: Any, mfa_pool: str, mfa_app_client: str, totp_user: TotpUser
) -> None:
    result = admin_initiate_auth(
        cognito, mfa_pool, mfa_app_client, totp_user.username, TEST_PASSWORD
    )

    assert result["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    answered = cognito.admin_respond_to_auth_challenge(
        UserPoolId=mfa_pool,
        ClientId=mfa_app_client,
        ChallengeName="SOFTWARE_TOKEN_MFA",
        Session=result["Session"],
        ChallengeResponses={
            "USERNAME": totp_user.username,
            "SOFTWARE_TOKEN_MFA_CODE": totp_user.code(),
        },
    )
    assert signed_in_as(cognito, answered) == totp_user.username


def test_wrong_password_is_not_authorized(
    cognito: Any,
    mfa_pool: str,
    mfa_app_client: str,
    mfa_user: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(ClientError) as exc_info:
        admin_initiate_auth(cognito, mfa_pool, mfa_app_client, mfa_user, "Not-The-One-2!")

    assert error_code(exc_info) == "NotAuthorizedException"
    assert "NotAuthorizedException" in caplog.text
    assert "Wrong user name or password" in caplog.text
    assert "Not-The-One-2!" not in caplog.text


def test_client_without_admin_password_auth_is_told_to_allow_it(
    cognito: Any,
    optional_mfa_pool: str,
    optional_user: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    client_id = cognito.create_user_pool_client(
        UserPoolId=optional_mfa_pool,
        ClientName="srp-only",
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]["ClientId"]

    with pytest.raises(ClientError) as exc_info:
        admin_initiate_auth(
            cognito, optional_mfa_pool, client_id, optional_user["username"], TEST_PASSWORD
        )

    assert error_code(exc_info) == "InvalidParameterException"
    assert "Here's why: InvalidParameterException" in caplog.text
    assert "add ALLOW_ADMIN_USER_PASSWORD_AUTH" in caplog.text
    assert TEST_PASSWORD not in caplog.text


def test_unknown_user_is_not_found(
    cognito: Any, mfa_pool: str, mfa_app_client: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        admin_initiate_auth(cognito, mfa_pool, mfa_app_client, "nobody-here", TEST_PASSWORD)

    assert error_code(exc_info) == "UserNotFoundException"

    assert "UserNotFoundException" in caplog.text
    assert "is not in user pool" in caplog.text


def test_user_whose_password_was_reset_must_reset_it(
    cognito: Any,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    username = optional_user["username"]
    cognito.admin_reset_user_password(UserPoolId=optional_mfa_pool, Username=username)

    with pytest.raises(ClientError) as exc_info:
        admin_initiate_auth(
            cognito, optional_mfa_pool, optional_app_client, username, TEST_PASSWORD
        )

    assert error_code(exc_info) == "PasswordResetRequiredException"

    assert "PasswordResetRequiredException" in caplog.text
    assert "must reset the password first" in caplog.text


def test_command_line_prints_the_challenge_with_the_session_masked(
    run_cli: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str
) -> None:
    run = run_cli(
        "admin_initiate_auth",
        "--user-pool-id",
        mfa_pool,
        "--client-id",
        mfa_app_client,
        "--username",
        mfa_user,
        "--password",
        TEST_PASSWORD,
    )

    assert run.returncode == 0, run.stderr
    printed = json.loads(run.stdout)
    assert printed["ChallengeName"] == "MFA_SETUP"
    assert assert_json_masked(printed) == 1
    assert "asks" in run.stderr and "MFA_SETUP" in run.stderr
