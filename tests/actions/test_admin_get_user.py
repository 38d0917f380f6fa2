# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin_get_user: a user's attributes and status, or UserNotFoundException."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.admin_get_user import admin_get_user


def test_gets_user(cognito, user_pool, confirmed_user):
    user = admin_get_user(cognito, user_pool, confirmed_user)
    assert user["Username"] == confirmed_user
    assert user["UserStatus"] == "CONFIRMED"
    assert user["Enabled"] is True
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attributes["email"] == f"{confirmed_user}@example.com"
    assert "ResponseMetadata" not in user


def test_status_follows_changes(cognito, user_pool, unconfirmed_user):
    assert admin_get_user(cognito, user_pool, unconfirmed_user)["UserStatus"] == "UNCONFIRMED"
    cognito.admin_confirm_sign_up(UserPoolId=user_pool, Username=unconfirmed_user)
    assert admin_get_user(cognito, user_pool, unconfirmed_user)["UserStatus"] == "CONFIRMED"


def test_unknown_user(cognito, user_pool, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        admin_get_user(cognito, user_pool, "nobody-here")
    check_error(excinfo, "UserNotFoundException")
    assert f"User nobody-here is not in user pool {user_pool}" in caplog.text


def test_missing_pool(cognito, check_error):
    with pytest.raises(ClientError) as excinfo:
        admin_get_user(cognito, "us-east-1_NoSuchPool", "ana")
    check_error(excinfo, "ResourceNotFoundException")


def test_cli(run_cli, user_pool, confirmed_user):
    proc = run_cli("admin_get_user", "--user-pool-id", user_pool, "--username", confirmed_user)
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    assert printed["Username"] == confirmed_user
    assert printed["UserStatus"] == "CONFIRMED"
