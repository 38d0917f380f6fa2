# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin_set_user_password: permanent (CONFIRMED) or temporary (FORCE_CHANGE_PASSWORD)."""

from __future__ import annotations

import json
import logging

import pytest
from botocore.exceptions import ClientError
from cognito_idp import admin_set_user_password as module
from cognito_idp.admin_set_user_password import admin_set_user_password
from cognito_users import NEW_PASSWORD, TEST_PASSWORD


def _sign_in(cognito, pool_id, client_id, username, password):
    return cognito.admin_initiate_auth(
        UserPoolId=pool_id,
        ClientId=client_id,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )


def test_permanent_password_confirms_and_signs_in(
    cognito, user_pool, app_client, unconfirmed_user, status_of
):
    admin_set_user_password(cognito, user_pool, unconfirmed_user, NEW_PASSWORD)
    assert status_of(user_pool, unconfirmed_user) == "CONFIRMED"
    answer = _sign_in(cognito, user_pool, app_client, unconfirmed_user, NEW_PASSWORD)
    assert "AccessToken" in answer["AuthenticationResult"]


def test_temporary_password(cognito, user_pool, app_client, confirmed_user, status_of):
    admin_set_user_password(cognito, user_pool, confirmed_user, NEW_PASSWORD, permanent=False)
    assert status_of(user_pool, confirmed_user) == "FORCE_CHANGE_PASSWORD"
    answer = _sign_in(cognito, user_pool, app_client, confirmed_user, NEW_PASSWORD)
    assert answer["ChallengeName"] == "NEW_PASSWORD_REQUIRED"


def test_weak_password(cognito, user_pool, app_client, confirmed_user, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        admin_set_user_password(cognito, user_pool, confirmed_user, "weakpass")
    check_error(excinfo, "InvalidPasswordException")
    assert "weakpass" not in caplog.text
    # the old password still works
    assert _sign_in(cognito, user_pool, app_client, confirmed_user, TEST_PASSWORD)[
        "AuthenticationResult"
    ]


def test_unknown_user(cognito, user_pool, check_error, caplog):
    caplog.set_level(logging.INFO)
    with pytest.raises(ClientError) as excinfo:
        admin_set_user_password(cognito, user_pool, "nobody-here", NEW_PASSWORD)
    check_error(excinfo, "UserNotFoundException")
    assert NEW_PASSWORD not in caplog.text


def test_main_without_password_and_terminal_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(SystemExit) as excinfo:
        module.main(["--user-pool-id", "us-east-1_EXAMPLE", "--username", "ana"])
    assert excinfo.value.code == 2
    assert "--password is required" in capsys.readouterr().err


def test_main_asks_for_the_password_on_a_terminal(monkeypatch, cognito, user_pool, confirmed_user):
    """With a terminal, getpass asks for the password: it never shows on the command line."""
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    prompts = []
    monkeypatch.setattr(
        module.getpass, "getpass", lambda prompt: prompts.append(prompt) or NEW_PASSWORD
    )
    monkeypatch.setattr(module.boto3, "client", lambda service: cognito)
    code = module.main(["--user-pool-id", user_pool, "--username", confirmed_user, "--temporary"])
    assert code == 0
    assert prompts == [f"New password for {confirmed_user}: "]
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=confirmed_user)
    assert user["UserStatus"] == "FORCE_CHANGE_PASSWORD"


def test_cli(run_cli, cognito, user_pool, app_client, unconfirmed_user, status_of):
    proc = run_cli(
        "admin_set_user_password",
        "--user-pool-id",
        user_pool,
        "--username",
        unconfirmed_user,
        "--password",
        NEW_PASSWORD,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"Username": unconfirmed_user, "Permanent": True}
    assert NEW_PASSWORD not in proc.stdout + proc.stderr
    assert status_of(user_pool, unconfirmed_user) == "CONFIRMED"
