# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""get_user: the signed-in user from an access token; NotAuthorizedException otherwise."""

from __future__ import annotations

import json
import logging

import pytest
from botocore.exceptions import ClientError
from cognito_idp.get_user import get_user


def test_gets_the_signed_in_user(cognito, signed_in_user, caplog):
    caplog.set_level(logging.DEBUG, logger="cognito_idp")
    user = get_user(cognito, signed_in_user["access_token"])
    assert user["Username"] == signed_in_user["username"]
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attributes["email"] == f"{signed_in_user['username']}@example.com"
    assert "ResponseMetadata" not in user
    assert signed_in_user["access_token"] not in caplog.text


def test_garbage_token(cognito, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        get_user(cognito, "not-a-token")
    check_error(excinfo, "NotAuthorizedException")
    assert "sign in again" in caplog.text
    assert "not-a-token" not in caplog.text


def test_token_revoked_by_global_sign_out(cognito, signed_in_user, check_error):
    cognito.global_sign_out(AccessToken=signed_in_user["access_token"])
    with pytest.raises(ClientError) as excinfo:
        get_user(cognito, signed_in_user["access_token"])
    check_error(excinfo, "NotAuthorizedException")


def test_cli(run_cli, signed_in_user):
    token = signed_in_user["access_token"]
    proc = run_cli("get_user", "--access-token", token)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["Username"] == signed_in_user["username"]
    assert token not in proc.stderr
