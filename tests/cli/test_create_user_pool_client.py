# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""create-user-pool-client.sh: an app client without a secret and the flows asked for."""

from __future__ import annotations

from cli.expect import printed_response, refused


def test_creates_client_with_flows(run_script, cognito, user_pool):
    result = run_script(
        "create-user-pool-client",
        "--user-pool-id",
        user_pool,
        "--client-name",
        "web",
        "--auth-flow",
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "--auth-flow",
        "ALLOW_REFRESH_TOKEN_AUTH",
    )
    client = printed_response(result, "CreateUserPoolClient")["UserPoolClient"]
    stored = cognito.describe_user_pool_client(UserPoolId=user_pool, ClientId=client["ClientId"])
    stored = stored["UserPoolClient"]
    assert stored["ClientName"] == "web"
    assert sorted(stored["ExplicitAuthFlows"]) == [
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
    ]
    assert "ClientSecret" not in stored


def test_default_flows(run_script, user_pool):
    result = run_script(
        "create-user-pool-client", "--user-pool-id", user_pool, "--client-name", "app"
    )
    client = printed_response(result, "CreateUserPoolClient")["UserPoolClient"]
    assert sorted(client["ExplicitAuthFlows"]) == [
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_USER_SRP_AUTH",
    ]


def test_unknown_pool(run_script):
    result = run_script(
        "create-user-pool-client", "--user-pool-id", "us-east-1_missing", "--client-name", "app"
    )
    refused(result, "ResourceNotFoundException", "There is no user pool with that ID")
