# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""delete_user_pool_client: the app client is gone, the users stay."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.delete_user_pool_client import delete_user_pool_client
from cognito_users import TEST_PASSWORD


def _client_ids(cognito, pool_id):
    clients = cognito.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)
    return [c["ClientId"] for c in clients["UserPoolClients"]]


def test_deletes_client_keeps_users(cognito, user_pool, app_client, confirmed_user):
    delete_user_pool_client(cognito, user_pool, app_client)
    assert app_client not in _client_ids(cognito, user_pool)
    with pytest.raises(ClientError) as excinfo:
        cognito.initiate_auth(
            ClientId=app_client,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": confirmed_user, "PASSWORD": TEST_PASSWORD},
        )
    assert excinfo.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert cognito.admin_get_user(UserPoolId=user_pool, Username=confirmed_user)


def test_missing_client(cognito, user_pool, app_client, check_error, caplog):
    delete_user_pool_client(cognito, user_pool, app_client)
    with pytest.raises(ClientError) as excinfo:
        delete_user_pool_client(cognito, user_pool, app_client)
    check_error(excinfo, "ResourceNotFoundException")
    assert "deleted already" in caplog.text


def test_cli(run_cli, cognito, user_pool, app_client):
    proc = run_cli(
        "delete_user_pool_client", "--user-pool-id", user_pool, "--client-id", app_client
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"ClientId": app_client, "Deleted": True}
    assert app_client not in _client_ids(cognito, user_pool)
