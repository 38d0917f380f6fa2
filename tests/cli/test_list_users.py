# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""list-users.sh: every user of the pool, with status and attributes."""

from __future__ import annotations

from cognito_users import create_confirmed_user

from cli.expect import printed_response, refused


def test_lists_users(run_script, cognito, user_pool, confirmed_user, unique_name):
    other = create_confirmed_user(cognito, user_pool, f"ben-{unique_name}")
    result = run_script("list-users", "--user-pool-id", user_pool)
    users = printed_response(result, "ListUsers")["Users"]
    statuses = {user["Username"]: user["UserStatus"] for user in users}
    assert statuses == {confirmed_user: "CONFIRMED", other: "CONFIRMED"}
    emails = {a["Value"] for user in users for a in user["Attributes"] if a["Name"] == "email"}
    assert emails == {f"{confirmed_user}@example.com", f"{other}@example.com"}


def test_unknown_pool(run_script):
    result = run_script("list-users", "--user-pool-id", "us-east-1_missing")
    refused(result, "ResourceNotFoundException", "There is no user pool with that ID")
