# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin-get-user.sh: a user's status, attributes and MFA settings."""

from __future__ import annotations

from cli.expect import printed_response, refused


def test_gets_user(run_script, user_pool, confirmed_user):
    result = run_script("admin-get-user", "--user-pool-id", user_pool, "--username", confirmed_user)
    user = printed_response(result, "AdminGetUser")
    assert user["Username"] == confirmed_user
    assert user["UserStatus"] == "CONFIRMED"
    assert user["Enabled"] is True
    assert "UserMFASettingList" not in user or user["UserMFASettingList"] == []


def test_shows_authenticator_app(run_script, mfa_pool, totp_user):
    result = run_script(
        "admin-get-user", "--user-pool-id", mfa_pool, "--username", totp_user.username
    )
    user = printed_response(result, "AdminGetUser")
    assert user["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"]


def test_unknown_user(run_script, user_pool, unique_name):
    result = run_script(
        "admin-get-user", "--user-pool-id", user_pool, "--username", f"nobody-{unique_name}"
    )
    refused(result, "UserNotFoundException", "There is no user of that name")
