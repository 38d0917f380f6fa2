# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""delete_user: a signed-in user deletes their own account; the user is gone afterwards."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.delete_user import delete_user


def _gone(cognito, pool_id, username):
    with pytest.raises(ClientError) as excinfo:
        cognito.admin_get_user(UserPoolId=pool_id, Username=username)
    return excinfo.value.response["Error"]["Code"] == "UserNotFoundException"


def test_deletes_own_account(cognito, user_pool, signed_in_user):
    delete_user(cognito, signed_in_user["access_token"])
    assert _gone(cognito, user_pool, signed_in_user["username"])


def test_token_stops_working(cognito, signed_in_user):
    delete_user(cognito, signed_in_user["access_token"])
    with pytest.raises(ClientError) as excinfo:
        cognito.get_user(AccessToken=signed_in_user["access_token"])
    assert excinfo.value.response["Error"]["Code"] in (
        "NotAuthorizedException",
        "UserNotFoundException",
    )


def test_garbage_token(cognito, user_pool, confirmed_user, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        delete_user(cognito, "not-a-token")
    check_error(excinfo, "NotAuthorizedException")
    assert "not-a-token" not in caplog.text
    assert cognito.admin_get_user(UserPoolId=user_pool, Username=confirmed_user)


def test_cli(run_cli, cognito, user_pool, signed_in_user):
    proc = run_cli("delete_user", "--access-token", signed_in_user["access_token"])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"Deleted": True}
    assert _gone(cognito, user_pool, signed_in_user["username"])
