# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""delete-user-pool.sh: the pool is gone; deleting it again is explained."""

from __future__ import annotations

import pytest

from cli.expect import printed_response, refused


def test_deletes_pool(run_script, cognito, user_pool, confirmed_user):
    result = run_script("delete-user-pool", "--user-pool-id", user_pool)
    printed_response(result, "DeleteUserPool")
    assert result.stderr == f"Deleted user pool {user_pool}.\n"
    with pytest.raises(cognito.exceptions.ResourceNotFoundException):
        cognito.describe_user_pool(UserPoolId=user_pool)


def test_unknown_pool(run_script):
    result = run_script("delete-user-pool", "--user-pool-id", "us-east-1_missing")
    refused(result, "ResourceNotFoundException", "deleted already?")
