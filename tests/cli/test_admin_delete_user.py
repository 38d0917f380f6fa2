# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin-delete-user.sh: the user is gone; deleting it again is explained."""

from __future__ import annotations

import pytest

from cli.expect import printed_response, refused


def test_deletes_user(run_script, cognito, user_pool, confirmed_user):
    result = run_script(
        "admin-delete-user", "--user-pool-id", user_pool, "--username", confirmed_user
    )
    printed_response(result, "AdminDeleteUser")
    assert result.stderr == f"Deleted user {confirmed_user}.\n"
    with pytest.raises(cognito.exceptions.UserNotFoundException):
        cognito.admin_get_user(UserPoolId=user_pool, Username=confirmed_user)


def test_unknown_user(run_script, user_pool, unique_name):
    result = run_script(
        "admin-delete-user", "--user-pool-id", user_pool, "--username", f"nobody-{unique_name}"
    )
    refused(result, "UserNotFoundException", "deleted already?")
    assert "Deleted user" not in result.stderr
