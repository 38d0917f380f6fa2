# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""RevokeToken: one session's refresh token and its access tokens stop working."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.revoke_token import revoke_token
from cognito_users import TEST_PASSWORD, admin_sign_in
from mfa_fixtures import (
    error_code,
    make_app_client,
    secret_hash,
)


def _get_user_code(cognito: Any, access_token: str) -> str:
    with pytest.raises(ClientError) as exc_info:
        cognito.get_user(AccessToken=access_token)
    return error_code(exc_info)


def test_access_and_refresh_tokens_fail_afterwards(
    cognito: Any, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    revoke_token(cognito, optional_app_client, optional_user["refresh_token"])

    assert _get_user_code(cognito, optional_user["access_token"]) == "NotAuthorizedException"
    with pytest.raises(ClientError) as exc_info:
        cognito.initiate_auth(
            ClientId=optional_app_client,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": optional_user["refresh_token"]},
        )
    assert error_code(exc_info) == "NotAuthorizedException"


def test_other_sessions_keep_working(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    other = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, optional_user["username"]
    )

    revoke_token(cognito, optional_app_client, optional_user["refresh_token"])

    token = other["AuthenticationResult"]["AccessToken"]
    assert cognito.get_user(AccessToken=token)["Username"] == optional_user["username"]


def test_client_with_secret_sends_the_secret(
    cognito: Any, optional_mfa_pool: str, optional_user: dict[str, str]
) -> None:
    app = make_app_client(cognito, optional_mfa_pool, generate_secret=True)
    username = optional_user["username"]
    tokens = cognito.admin_initiate_auth(
        UserPoolId=optional_mfa_pool,
        ClientId=app["ClientId"],
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={
            "USERNAME": username,
            "PASSWORD": TEST_PASSWORD,
            "SECRET_HASH": secret_hash(username, app["ClientId"], app["ClientSecret"]),
        },
    )["AuthenticationResult"]

    revoke_token(
        cognito, app["ClientId"], tokens["RefreshToken"], client_secret=app["ClientSecret"]
    )

    assert _get_user_code(cognito, tokens["AccessToken"]) == "NotAuthorizedException"


def test_access_token_is_not_a_revocable_token(
    cognito: Any,
    optional_app_client: str,
    optional_user: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(ClientError) as exc_info:
        revoke_token(cognito, optional_app_client, optional_user["access_token"])

    assert error_code(exc_info) == "UnsupportedTokenTypeException"

    assert "UnsupportedTokenTypeException" in caplog.text
    assert "Only refresh tokens can be revoked" in caplog.text
    assert optional_user["access_token"] not in caplog.text


def test_command_line_revokes_a_token(
    run_cli: Any,
    cognito: Any,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    refresh = optional_user["refresh_token"]

    run = run_cli(
        "revoke_token",
        "--client-id",
        optional_app_client,
        f"--refresh-token={refresh}",  # = : a random token may start with "-"
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"Revoked": True}
    assert refresh not in run.stdout + run.stderr
    assert _get_user_code(cognito, optional_user["access_token"]) == "NotAuthorizedException"
