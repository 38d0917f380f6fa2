# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""GlobalSignOut: every token of the user stops working."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.global_sign_out import global_sign_out
from cognito_users import admin_sign_in
from mfa_fixtures import (
    TotpUser,
    error_code,
)


def _get_user_code(cognito: Any, access_token: str) -> str:
    with pytest.raises(ClientError) as exc_info:
        cognito.get_user(AccessToken=access_token)
    return error_code(exc_info)


def test_access_token_fails_afterwards(cognito: Any, totp_user: TotpUser) -> None:
    assert cognito.get_user(AccessToken=totp_user.access_token)["Username"] == totp_user.username

    global_sign_out(cognito, totp_user.access_token)

    assert _get_user_code(cognito, totp_user.access_token) == "NotAuthorizedException"


def test_refresh_token_and_other_sessions_are_revoked_too(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    other = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, optional_user["username"]
    )
    other_token = other["AuthenticationResult"]["AccessToken"]

    global_sign_out(cognito, optional_user["access_token"])

    assert _get_user_code(cognito, other_token) == "NotAuthorizedException"
    with pytest.raises(ClientError) as exc_info:
        cognito.initiate_auth(
            ClientId=optional_app_client,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": optional_user["refresh_token"]},
        )
    assert error_code(exc_info) == "NotAuthorizedException"


def test_signing_out_with_a_revoked_token_is_not_authorized(
    cognito: Any, optional_user: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    global_sign_out(cognito, optional_user["access_token"])

    with pytest.raises(ClientError) as exc_info:
        global_sign_out(cognito, optional_user["access_token"])

    assert error_code(exc_info) == "NotAuthorizedException"

    assert "NotAuthorizedException" in caplog.text
    assert "expired or revoked: get a fresh one" in caplog.text
    assert "AdminUserGlobalSignOut" in caplog.text
    assert optional_user["access_token"] not in caplog.text


def test_command_line_signs_out(run_cli: Any, cognito: Any, optional_user: dict[str, str]) -> None:
    token = optional_user["access_token"]

    run = run_cli("global_sign_out", "--access-token", token)

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"SignedOut": True}
    assert token not in run.stdout + run.stderr
    assert _get_user_code(cognito, token) == "NotAuthorizedException"
