# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""ForgotPassword: a reset code is delivered; the password doesn't change yet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.forgot_password import forgot_password
from cognito_users import TEST_PASSWORD, admin_sign_in
from mfa_fixtures import (
    error_code,
    signed_in_as,
)

from cognito_emulator import latest_code


def test_code_is_delivered_by_email_and_the_old_password_still_works(
    cognito: Any,
    outbox: Path,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    username = optional_user["username"]

    details = forgot_password(cognito, optional_app_client, username)

    assert details["DeliveryMedium"] == "EMAIL"
    assert details["AttributeName"] == "email"
    assert f"{username}@example.com" not in details["Destination"]  # partly hidden
    code = latest_code(outbox, username, optional_mfa_pool)
    assert code is not None and code.isdigit()
    signed_in = admin_sign_in(
        cognito, optional_mfa_pool, optional_app_client, username, TEST_PASSWORD
    )
    assert signed_in_as(cognito, signed_in) == username


def test_unknown_user_is_not_found(
    cognito: Any, optional_app_client: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ClientError) as exc_info:
        forgot_password(cognito, optional_app_client, "nobody-here")

    assert error_code(exc_info) == "UserNotFoundException"

    assert "UserNotFoundException" in caplog.text
    assert "doesn't exist" in caplog.text


def test_user_without_a_verified_address_cannot_reset(
    cognito: Any,
    optional_mfa_pool: str,
    optional_app_client: str,
    unique_name: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    username = f"hal-{unique_name}"
    cognito.admin_create_user(
        UserPoolId=optional_mfa_pool,
        Username=username,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
        MessageAction="SUPPRESS",
    )
    cognito.admin_set_user_password(
        UserPoolId=optional_mfa_pool, Username=username, Password=TEST_PASSWORD, Permanent=True
    )

    with pytest.raises(ClientError) as exc_info:
        forgot_password(cognito, optional_app_client, username)

    assert error_code(exc_info) == "InvalidParameterException"

    assert "InvalidParameterException" in caplog.text
    assert "no verified e-mail address" in caplog.text


def test_too_many_resets_get_their_own_advice(
    stubbed: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = stubbed("forgot_password", "LimitExceededException")

    with pytest.raises(ClientError) as exc_info:
        forgot_password(client, "1example23456789", "ana")

    assert error_code(exc_info) == "LimitExceededException"
    assert "wait a while before asking again" in caplog.text
    assert "LimitExceededException" in caplog.text


def test_command_line_sends_a_code(
    run_cli: Any,
    outbox: Path,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    username = optional_user["username"]

    run = run_cli(
        "forgot_password",
        "--client-id",
        optional_app_client,
        "--username",
        username,
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    assert latest_code(outbox, username, optional_mfa_pool) is not None
