# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin_create_user: a FORCE_CHANGE_PASSWORD user who must choose a password at sign-in."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.admin_create_user import admin_create_user

TEMPORARY = "Temp-Passw0rd!"


def _attributes(cognito, pool_id, username):
    user = cognito.admin_get_user(UserPoolId=pool_id, Username=username)
    return {a["Name"]: a["Value"] for a in user["UserAttributes"]}


def test_creates_user_who_must_change_password(cognito, user_pool, unique_name, status_of):
    user = admin_create_user(
        cognito,
        user_pool,
        unique_name,
        email=f"{unique_name}@example.com",
        message_action="SUPPRESS",
    )
    assert user["Username"] == unique_name
    assert user["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    assert status_of(user_pool, unique_name) == "FORCE_CHANGE_PASSWORD"
    attributes = _attributes(cognito, user_pool, unique_name)
    assert attributes["email"] == f"{unique_name}@example.com"
    assert attributes.get("email_verified", "false") == "false"


def test_email_verified(cognito, user_pool, unique_name):
    admin_create_user(
        cognito,
        user_pool,
        unique_name,
        email=f"{unique_name}@example.com",
        email_verified=True,
        message_action="SUPPRESS",
    )
    assert _attributes(cognito, user_pool, unique_name)["email_verified"] == "true"


def test_temporary_password_asks_for_new_password(cognito, user_pool, app_client, unique_name):
    admin_create_user(
        cognito, user_pool, unique_name, temporary_password=TEMPORARY, message_action="SUPPRESS"
    )
    answer = cognito.admin_initiate_auth(
        UserPoolId=user_pool,
        ClientId=app_client,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": unique_name, "PASSWORD": TEMPORARY},
    )
    assert answer["ChallengeName"] == "NEW_PASSWORD_REQUIRED"


def test_taken_user_name(cognito, user_pool, confirmed_user, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        admin_create_user(cognito, user_pool, confirmed_user, message_action="SUPPRESS")
    check_error(excinfo, "UsernameExistsException")
    assert "message_action='RESEND'" in caplog.text


def test_weak_temporary_password(cognito, user_pool, unique_name, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        admin_create_user(cognito, user_pool, unique_name, temporary_password="weakpass")
    check_error(excinfo, "InvalidPasswordException")
    assert "weakpass" not in caplog.text
    assert cognito.list_users(UserPoolId=user_pool)["Users"] == []


def test_resend_to_unknown_user(cognito, user_pool, check_error):
    with pytest.raises(ClientError) as excinfo:
        admin_create_user(cognito, user_pool, "nobody-here", message_action="RESEND")
    check_error(excinfo, "UserNotFoundException")


def test_cli(run_cli, cognito, user_pool, unique_name, status_of):
    proc = run_cli(
        "admin_create_user",
        "--user-pool-id",
        user_pool,
        "--username",
        unique_name,
        "--email",
        f"{unique_name}@example.com",
        "--email-verified",
        "--message-action",
        "SUPPRESS",
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    assert status_of(user_pool, unique_name) == "FORCE_CHANGE_PASSWORD"
    assert _attributes(cognito, user_pool, unique_name)["email_verified"] == "true"
