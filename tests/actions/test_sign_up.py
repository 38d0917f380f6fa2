# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""sign_up: an UNCONFIRMED user, a code e-mailed, and the errors a sign-up form must handle."""

from __future__ import annotations

import json
import logging

import pytest
from botocore.exceptions import ClientError
from cognito_idp import sign_up as sign_up_module
from cognito_idp.secret_hash import compute_secret_hash
from cognito_idp.sign_up import sign_up
from cognito_users import TEST_PASSWORD

from cognito_emulator import latest_code


def test_signs_up_unconfirmed_user(cognito, user_pool, app_client, unique_name, status_of):
    username = f"ana-{unique_name}"
    result = sign_up(cognito, app_client, username, TEST_PASSWORD, f"{username}@example.com")
    assert result["UserConfirmed"] is False
    assert "ResponseMetadata" not in result
    assert status_of(user_pool, username) == "UNCONFIRMED"
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=username)
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attributes["email"] == f"{username}@example.com"
    assert attributes["sub"] == result["UserSub"]


def test_code_is_emailed(cognito, user_pool, app_client, outbox, unique_name):
    username = f"ana-{unique_name}"
    result = sign_up(cognito, app_client, username, TEST_PASSWORD, f"{username}@example.com")
    delivery = result["CodeDeliveryDetails"]
    assert delivery["DeliveryMedium"] == "EMAIL"
    assert delivery["AttributeName"] == "email"
    assert delivery["Destination"] != f"{username}@example.com"  # Cognito masks it
    assert latest_code(outbox, username, user_pool)


def test_password_is_never_logged(cognito, app_client, unique_name, caplog):
    caplog.set_level(logging.DEBUG, logger="cognito_idp")
    username = f"ana-{unique_name}"
    sign_up(cognito, app_client, username, TEST_PASSWORD, f"{username}@example.com")
    assert username in caplog.text
    assert TEST_PASSWORD not in caplog.text


def test_taken_user_name(cognito, app_client, unconfirmed_user, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        sign_up(cognito, app_client, unconfirmed_user, TEST_PASSWORD, "other@example.com")
    check_error(excinfo, "UsernameExistsException")
    assert f"User name {unconfirmed_user} is taken" in caplog.text


def test_weak_password(cognito, user_pool, app_client, unique_name, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        sign_up(cognito, app_client, unique_name, "password", f"{unique_name}@example.com")
    check_error(excinfo, "InvalidPasswordException")
    assert "password policy" in caplog.text
    assert cognito.list_users(UserPoolId=user_pool)["Users"] == []


def test_client_with_secret_needs_secret_hash(
    cognito, secret_app_client, unique_name, check_error, caplog
):
    with pytest.raises(ClientError) as excinfo:
        sign_up(
            cognito,
            secret_app_client["client_id"],
            unique_name,
            TEST_PASSWORD,
            f"{unique_name}@example.com",
        )
    check_error(excinfo, "NotAuthorizedException")
    assert "pass secret_hash" in caplog.text


def test_wrong_secret_hash(cognito, secret_app_client, unique_name, check_error):
    wrong = compute_secret_hash(unique_name, secret_app_client["client_id"], "not-the-secret")
    with pytest.raises(ClientError) as excinfo:
        sign_up(
            cognito,
            secret_app_client["client_id"],
            unique_name,
            TEST_PASSWORD,
            f"{unique_name}@example.com",
            secret_hash=wrong,
        )
    check_error(excinfo, "NotAuthorizedException")


def test_throttled_gives_advice(stubbed, check_error, caplog):
    client = stubbed("sign_up", "TooManyRequestsException")
    with pytest.raises(ClientError) as excinfo:
        sign_up(client, "1example23456789", "ana", TEST_PASSWORD, "ana@example.com")
    check_error(excinfo, "TooManyRequestsException")
    assert "wait a little" in caplog.text


def test_main_without_password_and_terminal_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(SystemExit) as excinfo:
        sign_up_module.main(["--client-id", "c", "--username", "u", "--email", "u@example.com"])
    assert excinfo.value.code == 2
    assert "--password is required" in capsys.readouterr().err


def test_cli(run_cli, user_pool, app_client, unique_name, status_of):
    username = f"cli-{unique_name}"
    proc = run_cli(
        "sign_up",
        "--client-id",
        app_client,
        "--username",
        username,
        "--email",
        f"{username}@example.com",
        "--password",
        TEST_PASSWORD,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["UserConfirmed"] is False
    assert TEST_PASSWORD not in proc.stdout + proc.stderr
    assert status_of(user_pool, username) == "UNCONFIRMED"
