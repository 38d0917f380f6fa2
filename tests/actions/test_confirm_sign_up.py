# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""confirm_sign_up: the delivered code confirms; a wrong one is CodeMismatchException."""

from __future__ import annotations

import json
import logging

import pytest
from botocore.exceptions import ClientError
from cognito_idp.confirm_sign_up import confirm_sign_up
from cognito_idp.secret_hash import compute_secret_hash
from cognito_users import TEST_PASSWORD

from cognito_emulator import latest_code


def _wrong(code: str | None) -> str:
    return "000000" if code != "000000" else "111111"


def test_delivered_code_confirms(
    cognito, user_pool, app_client, unconfirmed_user, outbox, status_of
):
    code = latest_code(outbox, unconfirmed_user, user_pool)
    assert code, "no confirmation code was delivered"
    confirm_sign_up(cognito, app_client, unconfirmed_user, code)
    assert status_of(user_pool, unconfirmed_user) == "CONFIRMED"
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=unconfirmed_user)
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attributes["email_verified"] == "true"


def test_wrong_code(
    cognito, user_pool, app_client, unconfirmed_user, outbox, check_error, caplog, status_of
):
    wrong = _wrong(latest_code(outbox, unconfirmed_user, user_pool))
    with pytest.raises(ClientError) as excinfo:
        confirm_sign_up(cognito, app_client, unconfirmed_user, wrong)
    check_error(excinfo, "CodeMismatchException")
    assert "ResendConfirmationCode" in caplog.text
    assert wrong not in caplog.text  # codes are never logged
    assert status_of(user_pool, unconfirmed_user) == "UNCONFIRMED"


def test_unknown_user(cognito, app_client, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        confirm_sign_up(cognito, app_client, "nobody-here", "123456")
    check_error(excinfo, "UserNotFoundException")
    assert "There is no user nobody-here" in caplog.text


def test_confirmed_user_cannot_be_confirmed_again(
    cognito, user_pool, app_client, unconfirmed_user, outbox, check_error
):
    code = latest_code(outbox, unconfirmed_user, user_pool)
    confirm_sign_up(cognito, app_client, unconfirmed_user, code)
    with pytest.raises(ClientError) as excinfo:
        confirm_sign_up(cognito, app_client, unconfirmed_user, code)
    check_error(excinfo, "NotAuthorizedException")


def test_with_secret_hash(
    cognito, user_pool, secret_app_client, outbox, unique_name, status_of, check_error
):
    client_id, secret = secret_app_client["client_id"], secret_app_client["client_secret"]
    username = f"sec-{unique_name}"
    secret_hash = compute_secret_hash(username, client_id, secret)
    cognito.sign_up(
        ClientId=client_id,
        Username=username,
        Password=TEST_PASSWORD,
        SecretHash=secret_hash,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )
    code = latest_code(outbox, username, user_pool)
    with pytest.raises(ClientError) as excinfo:
        confirm_sign_up(cognito, client_id, username, code)  # the hash is missing
    check_error(excinfo, "NotAuthorizedException")
    confirm_sign_up(cognito, client_id, username, code, secret_hash=secret_hash)
    assert status_of(user_pool, username) == "CONFIRMED"


def test_expired_code_gives_advice(
    cognito,
    user_pool,
    app_client,
    unconfirmed_user,
    outbox,
    emulator_clock,
    check_error,
    caplog,
    status_of,
):
    """A sign-up code is valid for 24 hours; the emulator's clock makes them pass."""
    code = latest_code(outbox, unconfirmed_user, user_pool)
    emulator_clock(24 * 3600 + 60)
    with pytest.raises(ClientError) as excinfo:
        confirm_sign_up(cognito, app_client, unconfirmed_user, code)
    check_error(excinfo, "ExpiredCodeException")
    assert "has expired: ask for a new one" in caplog.text
    assert status_of(user_pool, unconfirmed_user) == "UNCONFIRMED"


def test_logs_success_without_the_code(
    cognito, user_pool, app_client, unconfirmed_user, outbox, caplog
):
    caplog.set_level(logging.INFO, logger="cognito_idp")
    code = latest_code(outbox, unconfirmed_user, user_pool)
    confirm_sign_up(cognito, app_client, unconfirmed_user, code)
    assert f"Confirmed the sign-up of {unconfirmed_user}" in caplog.text
    assert code not in caplog.text


def test_cli(run_cli, user_pool, app_client, unconfirmed_user, outbox, status_of):
    code = latest_code(outbox, unconfirmed_user, user_pool)
    assert code, "no confirmation code was delivered"
    proc = run_cli(
        "confirm_sign_up",
        "--client-id",
        app_client,
        "--username",
        unconfirmed_user,
        "--confirmation-code",
        code,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"Username": unconfirmed_user, "Confirmed": True}
    assert status_of(user_pool, unconfirmed_user) == "CONFIRMED"
