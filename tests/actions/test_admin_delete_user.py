# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin_delete_user: the user is gone afterwards."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.admin_delete_user import admin_delete_user
from cognito_users import TEST_PASSWORD


def _gone(cognito, pool_id, username):
    with pytest.raises(ClientError) as excinfo:
        cognito.admin_get_user(UserPoolId=pool_id, Username=username)
    return excinfo.value.response["Error"]["Code"] == "UserNotFoundException"


def test_deletes_user(cognito, user_pool, confirmed_user, unconfirmed_user):
    admin_delete_user(cognito, user_pool, confirmed_user)
    assert _gone(cognito, user_pool, confirmed_user)
    remaining = [u["Username"] for u in cognito.list_users(UserPoolId=user_pool)["Users"]]
    assert remaining == [unconfirmed_user]


def test_deleted_user_cannot_sign_in(cognito, user_pool, app_client, confirmed_user):
    admin_delete_user(cognito, user_pool, confirmed_user)
    with pytest.raises(ClientError) as excinfo:
        cognito.admin_initiate_auth(
            UserPoolId=user_pool,
            ClientId=app_client,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": confirmed_user, "PASSWORD": TEST_PASSWORD},
        )
    # The app client was created without PreventUserExistenceErrors (LEGACY), so Cognito says
    # which users don't exist; with ENABLED it would answer NotAuthorizedException instead.
    assert excinfo.value.response["Error"]["Code"] == "UserNotFoundException"


def test_unknown_user(cognito, user_pool, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        admin_delete_user(cognito, user_pool, "nobody-here")
    check_error(excinfo, "UserNotFoundException")
    assert "deleted already" in caplog.text


def test_cli(run_cli, cognito, user_pool, confirmed_user):
    proc = run_cli("admin_delete_user", "--user-pool-id", user_pool, "--username", confirmed_user)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"Username": confirmed_user, "Deleted": True}
    assert _gone(cognito, user_pool, confirmed_user)
