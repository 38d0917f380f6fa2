# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""create-user-pool.sh: a pool that verifies e-mail (and tracks devices when asked)."""

from __future__ import annotations

from cli.expect import printed_response, refused


def test_creates_pool_that_tracks_devices(run_script, cognito, unique_name):
    result = run_script("create-user-pool", "--pool-name", f"p-{unique_name}", "--remember-devices")
    pool = printed_response(result, "CreateUserPool")["UserPool"]
    try:
        described = cognito.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
        assert described["Name"] == f"p-{unique_name}"
        assert described["AutoVerifiedAttributes"] == ["email"]
        assert described["DeviceConfiguration"] == {
            "ChallengeRequiredOnNewDevice": True,
            "DeviceOnlyRememberedOnUserPrompt": False,
        }
        assert pool["Id"] == described["Id"]
    finally:
        cognito.delete_user_pool(UserPoolId=pool["Id"])


def test_pool_without_device_tracking(run_script, cognito, unique_name):
    result = run_script("create-user-pool", "--pool-name", f"p-{unique_name}")
    pool = printed_response(result, "CreateUserPool")["UserPool"]
    try:
        assert "DeviceConfiguration" not in pool
    finally:
        cognito.delete_user_pool(UserPoolId=pool["Id"])


def test_invalid_name(run_script, cognito):
    result = run_script("create-user-pool", "--pool-name", "no/slashes")
    refused(result, "InvalidParameterException", "The name must have 1 to 128 letters")
    names = [p["Name"] for p in cognito.list_user_pools(MaxResults=60)["UserPools"]]
    assert "no/slashes" not in names
