# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""delete-user-pool-client.sh: the app client is gone, the pool stays."""

from __future__ import annotations

import pytest

from cli.expect import printed_response, refused


def test_deletes_client(run_script, cognito, user_pool, app_client):
    result = run_script(
        "delete-user-pool-client", "--user-pool-id", user_pool, "--client-id", app_client
    )
    printed_response(result, "DeleteUserPoolClient")
    with pytest.raises(cognito.exceptions.ResourceNotFoundException):
        cognito.describe_user_pool_client(UserPoolId=user_pool, ClientId=app_client)
    assert cognito.describe_user_pool(UserPoolId=user_pool)["UserPool"]["Id"] == user_pool


def test_unknown_client(run_script, user_pool):
    result = run_script(
        "delete-user-pool-client", "--user-pool-id", user_pool, "--client-id", "1example2345678"
    )
    refused(result, "ResourceNotFoundException", "deleted already?")
