# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""list_users: every user with status, across pages."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.list_users import list_users


def test_lists_users_with_status(cognito, user_pool, confirmed_user, unconfirmed_user):
    users = {u["Username"]: u for u in list_users(cognito, user_pool)}
    assert set(users) == {confirmed_user, unconfirmed_user}
    assert users[confirmed_user]["UserStatus"] == "CONFIRMED"
    assert users[unconfirmed_user]["UserStatus"] == "UNCONFIRMED"


def test_empty_pool(cognito, user_pool):
    assert list_users(cognito, user_pool) == []


def test_follows_pages(cognito, user_pool):
    """61 users: more than one page of 60 (the largest page ListUsers returns)."""
    names = {f"u{i:02d}" for i in range(61)}
    for name in names:
        cognito.admin_create_user(UserPoolId=user_pool, Username=name, MessageAction="SUPPRESS")
    assert "PaginationToken" in cognito.list_users(UserPoolId=user_pool, Limit=60)
    listed = [u["Username"] for u in list_users(cognito, user_pool)]
    assert sorted(listed) == sorted(names)


def test_missing_pool(cognito, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        list_users(cognito, "us-east-1_NoSuchPool")
    check_error(excinfo, "ResourceNotFoundException")
    assert "There is no user pool us-east-1_NoSuchPool" in caplog.text


def test_cli(run_cli, user_pool, confirmed_user):
    proc = run_cli("list_users", "--user-pool-id", user_pool)
    assert proc.returncode == 0, proc.stderr
    users = json.loads(proc.stdout)
    assert [(u["Username"], u["UserStatus"]) for u in users] == [(confirmed_user, "CONFIRMED")]
