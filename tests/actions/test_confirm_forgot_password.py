# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""ConfirmForgotPassword: the new password signs in, the old one no longer does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.confirm_forgot_password import confirm_forgot_password
from cognito_users import NEW_PASSWORD, TEST_PASSWORD, admin_sign_in
from mfa_fixtures import (
    error_code,
    signed_in_as,
)

from cognito_emulator import latest_code


def _reset_code(cognito: Any, outbox: Path, pool: str, client_id: str, username: str) -> str:
    cognito.forgot_password(ClientId=client_id, Username=username)
    code = latest_code(outbox, username, pool)
    assert code is not None
    return code


def test_new_password_signs_in_and_the_old_one_fails(
    cognito: Any,
    outbox: Path,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    username = optional_user["username"]
    code = _reset_code(cognito, outbox, optional_mfa_pool, optional_app_client, username)

    confirm_forgot_password(cognito, optional_app_client, username, code, NEW_PASSWORD)

    signed_in = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, username, NEW_PASSWORD
    )
    assert signed_in_as(cognito, signed_in) == username
    with pytest.raises(ClientError) as exc_info:
        admin_sign_in(cognito, optional_mfa_pool, optional_app_client, username, TEST_PASSWORD)
    assert error_code(exc_info) == "NotAuthorizedException"


def test_wrong_code_is_a_code_mismatch(
    cognito: Any,
    outbox: Path,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    username = optional_user["username"]
    code = _reset_code(cognito, outbox, optional_mfa_pool, optional_app_client, username)
    wrong = "000000" if code != "000000" else "111111"

    with pytest.raises(ClientError) as exc_info:
        confirm_forgot_password(cognito, optional_app_client, username, wrong, NEW_PASSWORD)

    assert error_code(exc_info) == "CodeMismatchException"

    assert "CodeMismatchException" in caplog.text
    assert "ask the user to type it again" in caplog.text
    assert NEW_PASSWORD not in caplog.text
    # The password is unchanged.
    assert admin_sign_in(cognito, optional_mfa_pool, optional_app_client, username, TEST_PASSWORD)


def test_weak_new_password_is_refused(
    cognito: Any,
    outbox: Path,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    username = optional_user["username"]
    code = _reset_code(cognito, outbox, optional_mfa_pool, optional_app_client, username)

    with pytest.raises(ClientError) as exc_info:
        confirm_forgot_password(cognito, optional_app_client, username, code, "short")

    assert error_code(exc_info) == "InvalidPasswordException"

    assert "InvalidPasswordException" in caplog.text
    assert "doesn't meet the pool's policy" in caplog.text


def test_expired_code_gets_its_own_advice(
    cognito: Any,
    outbox: Path,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
    emulator_clock: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A reset code is valid for one hour; the emulator's clock makes it pass."""
    username = optional_user["username"]
    code = _reset_code(cognito, outbox, optional_mfa_pool, optional_app_client, username)
    emulator_clock(3600 + 60)

    with pytest.raises(ClientError) as exc_info:
        confirm_forgot_password(cognito, optional_app_client, username, code, NEW_PASSWORD)

    assert error_code(exc_info) == "ExpiredCodeException"
    assert "ExpiredCodeException" in caplog.text
    assert "call ForgotPassword to send a new one" in caplog.text


def test_command_line_resets_the_password(
    run_cli: Any,
    cognito: Any,
    outbox: Path,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    username = optional_user["username"]
    code = _reset_code(cognito, outbox, optional_mfa_pool, optional_app_client, username)

    run = run_cli(
        "confirm_forgot_password",
        "--client-id",
        optional_app_client,
        "--username",
        username,
        "--code",
        code,
        "--password",
        NEW_PASSWORD,
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"Username": username, "PasswordReset": True}
    assert NEW_PASSWORD not in run.stdout + run.stderr
    assert admin_sign_in(cognito, optional_mfa_pool, optional_app_client, username, NEW_PASSWORD)
