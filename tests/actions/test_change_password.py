# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""ChangePassword: the signed-in user replaces their password."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.change_password import change_password
from cognito_users import NEW_PASSWORD, TEST_PASSWORD, admin_sign_in
from mfa_fixtures import (
    error_code,
)


def test_new_password_signs_in_and_the_old_one_fails(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, optional_user: dict[str, str]
) -> None:
    change_password(cognito, optional_user["access_token"], TEST_PASSWORD, NEW_PASSWORD)

    username = optional_user["username"]
    assert admin_sign_in(cognito, optional_mfa_pool, optional_app_client, username, NEW_PASSWORD)[
        "AuthenticationResult"
    ]["AccessToken"]
    with pytest.raises(ClientError) as exc_info:
        admin_sign_in(cognito, optional_mfa_pool, optional_app_client, username, TEST_PASSWORD)
    assert error_code(exc_info) == "NotAuthorizedException"


def test_wrong_current_password_is_not_authorized(
    cognito: Any, optional_user: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        change_password(cognito, optional_user["access_token"], "Wrong-Guess-3!", NEW_PASSWORD)

    assert error_code(exc_info) == "NotAuthorizedException"

    assert "NotAuthorizedException" in caplog.text
    assert "current password is wrong" in caplog.text
    assert "Wrong-Guess-3!" not in caplog.text
    assert NEW_PASSWORD not in caplog.text


def test_weak_new_password_is_refused(
    cognito: Any, optional_user: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        change_password(cognito, optional_user["access_token"], TEST_PASSWORD, "short")

    assert error_code(exc_info) == "InvalidPasswordException"

    assert "InvalidPasswordException" in caplog.text
    assert "password policy" in caplog.text


def test_too_many_changes_get_their_own_advice(
    stubbed: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = stubbed("change_password", "LimitExceededException")

    with pytest.raises(ClientError) as exc_info:
        change_password(client, "t" * 40, TEST_PASSWORD, NEW_PASSWORD)

    assert error_code(exc_info) == "LimitExceededException"

    assert "LimitExceededException" in caplog.text
    assert "Too many password changes" in caplog.text


def test_command_line_changes_the_password(
    run_cli: Any,
    cognito: Any,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    run = run_cli(
        "change_password",
        "--access-token",
        optional_user["access_token"],
        "--previous-password",
        TEST_PASSWORD,
        "--proposed-password",
        NEW_PASSWORD,
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"PasswordChanged": True}
    output = run.stdout + run.stderr
    assert TEST_PASSWORD not in output and NEW_PASSWORD not in output
    assert optional_user["access_token"] not in output
    username = optional_user["username"]
    assert admin_sign_in(cognito, optional_mfa_pool, optional_app_client, username, NEW_PASSWORD)
