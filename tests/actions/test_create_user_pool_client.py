# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""create_user_pool_client: app clients with and without a secret."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.create_user_pool_client import create_user_pool_client

FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]


def test_creates_client_without_secret(cognito, user_pool):
    created = create_user_pool_client(cognito, user_pool, "web", explicit_auth_flows=FLOWS)
    assert "ClientSecret" not in created
    described = cognito.describe_user_pool_client(
        UserPoolId=user_pool, ClientId=created["ClientId"]
    )["UserPoolClient"]
    assert described["ClientName"] == "web"
    assert sorted(described["ExplicitAuthFlows"]) == sorted(FLOWS)


def test_creates_client_with_secret(cognito, user_pool):
    created = create_user_pool_client(cognito, user_pool, "backend", generate_secret=True)
    assert len(created["ClientSecret"]) > 8
    described = cognito.describe_user_pool_client(
        UserPoolId=user_pool, ClientId=created["ClientId"]
    )["UserPoolClient"]
    assert described["ClientSecret"] == created["ClientSecret"]


def test_secret_is_not_logged(cognito, user_pool, caplog):
    caplog.set_level("INFO")
    created = create_user_pool_client(cognito, user_pool, "backend", generate_secret=True)
    assert created["ClientId"] in caplog.text
    assert created["ClientSecret"] not in caplog.text


def test_missing_pool(cognito, check_error):
    with pytest.raises(ClientError) as excinfo:
        create_user_pool_client(cognito, "us-east-1_NoSuchPool", "web")
    check_error(excinfo, "ResourceNotFoundException")


def test_unknown_flow_is_invalid_parameter(cognito, user_pool, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        create_user_pool_client(
            cognito, user_pool, "web", explicit_auth_flows=["ALLOW_EVERYTHING_AUTH"]
        )
    check_error(excinfo, "InvalidParameterException")
    assert "names of the auth flows" in caplog.text


def test_cli_masks_the_secret(run_cli, cognito, user_pool):
    proc = run_cli(
        "create_user_pool_client",
        "--user-pool-id",
        user_pool,
        "--client-name",
        "cli",
        "--generate-secret",
        "--explicit-auth-flow",
        "ALLOW_USER_PASSWORD_AUTH",
        "--explicit-auth-flow",
        "ALLOW_REFRESH_TOKEN_AUTH",
    )
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    secret = cognito.describe_user_pool_client(UserPoolId=user_pool, ClientId=printed["ClientId"])[
        "UserPoolClient"
    ]["ClientSecret"]
    assert printed["ClientSecret"] == f"{secret[:4]}...{secret[-4:]}"
    assert secret not in proc.stdout + proc.stderr
    assert sorted(printed["ExplicitAuthFlows"]) == sorted(FLOWS)
