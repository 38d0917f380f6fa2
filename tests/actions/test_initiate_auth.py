# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""InitiateAuth (USER_PASSWORD_AUTH): challenges, direct sign-in and its errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.initiate_auth import initiate_auth, main
from cognito_users import TEST_PASSWORD
from mfa_fixtures import (
    TotpUser,
    assert_json_masked,
    error_code,
    make_app_client,
    make_user,
    secret_hash,
)


def test_new_user_of_mfa_pool_is_asked_to_set_up_mfa(
    cognito: Any, mfa_app_client: str, mfa_user: str
) -> None:
    result = initiate_auth(cognito, mfa_app_client, mfa_user, TEST_PASSWORD)

    assert result["ChallengeName"] == "MFA_SETUP"
    assert len(result["Session"]) >= 20
    assert "AuthenticationResult" not in result
    assert "SOFTWARE_TOKEN_MFA" in result["ChallengeParameters"]["MFAS_CAN_SETUP"]


def test_user_with_totp_is_asked_for_the_code_and_can_answer(
    cognito: Any, mfa_app_client: str, totp_user: TotpUser
) -> None:
    result = initiate_auth(cognito, mfa_app_client, totp_user.username, TEST_PASSWORD)

    assert result["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    answered = cognito.respond_to_auth_challenge(
        ClientId=mfa_app_client,
        ChallengeName="SOFTWARE_TOKEN_MFA",
        Session=result["Session"],
        ChallengeResponses={
            "USERNAME": totp_user.username,
            "SOFTWARE_TOKEN_MFA_CODE": totp_user.code(),
        },
    )
    access_token = answered["AuthenticationResult"]["AccessToken"]
    assert cognito.get_user(AccessToken=access_token)["Username"] == totp_user.username


def test_user_without_mfa_in_optional_pool_signs_in_at_once(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, unique_name: str
) -> None:
    username = make_user(cognito, optional_mfa_pool, f"cy-{unique_name}")

    result = initiate_auth(cognito, optional_app_client, username, TEST_PASSWORD)

    assert "ChallengeName" not in result
    tokens = result["AuthenticationResult"]
    assert tokens["TokenType"] == "Bearer"
    assert cognito.get_user(AccessToken=tokens["AccessToken"])["Username"] == username


def test_wrong_password_is_not_authorized_and_logged(
    cognito: Any, mfa_app_client: str, mfa_user: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        initiate_auth(cognito, mfa_app_client, mfa_user, "Wrong-Password-1!")

    assert error_code(exc_info) == "NotAuthorizedException"
    assert "NotAuthorizedException" in caplog.text
    assert "Wrong user name or password" in caplog.text
    assert "Wrong-Password-1!" not in caplog.text


def test_unconfirmed_user_is_told_to_confirm(
    cognito: Any, optional_app_client: str, unique_name: str, caplog: pytest.LogCaptureFixture
) -> None:
    username = f"dee-{unique_name}"
    cognito.sign_up(
        ClientId=optional_app_client,
        Username=username,
        Password=TEST_PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )

    with pytest.raises(ClientError) as exc_info:
        initiate_auth(cognito, optional_app_client, username, TEST_PASSWORD)

    assert error_code(exc_info) == "UserNotConfirmedException"

    assert "UserNotConfirmedException" in caplog.text
    assert "hasn't confirmed the sign-up" in caplog.text


def test_client_with_secret_needs_the_secret_hash(
    cognito: Any,
    optional_mfa_pool: str,
    optional_user: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = make_app_client(cognito, optional_mfa_pool, generate_secret=True)
    username = optional_user["username"]

    with pytest.raises(ClientError) as exc_info:
        initiate_auth(cognito, app["ClientId"], username, TEST_PASSWORD)
    assert error_code(exc_info) == "NotAuthorizedException"
    assert "secret_hash is missing or wrong" in caplog.text

    result = initiate_auth(
        cognito,
        app["ClientId"],
        username,
        TEST_PASSWORD,
        secret_hash=secret_hash(username, app["ClientId"], app["ClientSecret"]),
    )
    assert "AccessToken" in result["AuthenticationResult"]


def test_client_without_user_password_auth_is_told_to_allow_it(
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
        initiate_auth(cognito, client_id, optional_user["username"], TEST_PASSWORD)

    assert error_code(exc_info) == "InvalidParameterException"
    assert "Here's why: InvalidParameterException" in caplog.text
    assert "add ALLOW_USER_PASSWORD_AUTH" in caplog.text
    assert TEST_PASSWORD not in caplog.text


def test_throttling_gets_its_own_advice(stubbed: Any, caplog: pytest.LogCaptureFixture) -> None:
    client = stubbed("initiate_auth", "TooManyRequestsException")

    with pytest.raises(ClientError) as exc_info:
        initiate_auth(client, "1example23456789", "ana", TEST_PASSWORD)

    assert error_code(exc_info) == "TooManyRequestsException"

    assert "TooManyRequestsException" in caplog.text
    assert "wait a little" in caplog.text


def test_command_line_needs_a_password_without_a_terminal() -> None:
    with pytest.raises(SystemExit) as exc_info:
        main(["--client-id", "1example23456789", "--username", "ana"])
    assert exc_info.value.code == 2


def test_command_line_prints_masked_tokens(
    run_cli: Any,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    run = run_cli(
        "initiate_auth",
        "--client-id",
        optional_app_client,
        "--username",
        optional_user["username"],
        "--password",
        TEST_PASSWORD,
    )

    assert run.returncode == 0, run.stderr
    printed = json.loads(run.stdout)
    assert assert_json_masked(printed) == 3  # access, ID and refresh token
    assert TEST_PASSWORD not in run.stdout + run.stderr
