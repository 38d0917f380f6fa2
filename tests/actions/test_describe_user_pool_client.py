# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""describe_user_pool_client: the settings of an app client."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.describe_user_pool_client import describe_user_pool_client


def test_describes_client(cognito, user_pool, app_client):
    described = describe_user_pool_client(cognito, user_pool, app_client)
    assert described["ClientId"] == app_client
    assert described["UserPoolId"] == user_pool
    assert "ALLOW_USER_PASSWORD_AUTH" in described["ExplicitAuthFlows"]


def test_missing_client(cognito, user_pool, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        describe_user_pool_client(cognito, user_pool, "1nosuchclient2345678901234")
    check_error(excinfo, "ResourceNotFoundException")
    assert f"in user pool {user_pool}" in caplog.text


def test_cli_masks_the_secret(run_cli, user_pool, secret_app_client):
    proc = run_cli(
        "describe_user_pool_client",
        "--user-pool-id",
        user_pool,
        "--client-id",
        secret_app_client["client_id"],
    )
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    secret = secret_app_client["client_secret"]
    assert printed["ClientId"] == secret_app_client["client_id"]
    assert printed["ClientSecret"] == f"{secret[:4]}...{secret[-4:]}"
    assert secret not in proc.stdout
