# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin_confirm_sign_up: UNCONFIRMED becomes CONFIRMED without a code."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.admin_confirm_sign_up import admin_confirm_sign_up


def test_confirms(cognito, user_pool, unconfirmed_user, status_of):
    admin_confirm_sign_up(cognito, user_pool, unconfirmed_user)
    assert status_of(user_pool, unconfirmed_user) == "CONFIRMED"


def test_unknown_user(cognito, user_pool, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        admin_confirm_sign_up(cognito, user_pool, "nobody-here")
    check_error(excinfo, "UserNotFoundException")
    assert f"User nobody-here is not in user pool {user_pool}" in caplog.text


def test_already_confirmed(cognito, user_pool, confirmed_user, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        admin_confirm_sign_up(cognito, user_pool, confirmed_user)
    check_error(excinfo, "NotAuthorizedException")
    assert "confirmed already" in caplog.text


def test_cli(run_cli, user_pool, unconfirmed_user, status_of):
    proc = run_cli(
        "admin_confirm_sign_up", "--user-pool-id", user_pool, "--username", unconfirmed_user
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["Confirmed"] is True
    assert status_of(user_pool, unconfirmed_user) == "CONFIRMED"
