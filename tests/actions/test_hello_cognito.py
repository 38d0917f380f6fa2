# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""hello_cognito: the first program lists the pools of the Region."""

from __future__ import annotations

import sys

import boto3
from botocore.stub import Stubber
from cognito_idp import hello_cognito


def test_lists_every_pool_with_name_and_id(run_cli, cognito, user_pool):
    name = cognito.describe_user_pool(UserPoolId=user_pool)["UserPool"]["Name"]
    proc = run_cli("hello_cognito")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Hello, Amazon Cognito!")
    assert any(name in line and user_pool in line for line in proc.stdout.splitlines())
    pages = cognito.get_paginator("list_user_pools").paginate(PaginationConfig={"PageSize": 60})
    count = sum(len(page["UserPools"]) for page in pages)
    assert f"You have {count} user pool" in proc.stdout


def test_unreachable_endpoint_is_a_one_line_error(monkeypatch, capsys):
    """In-process (the subprocess run is the test above): exit 2 and one line, no traceback."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    monkeypatch.setattr(sys, "argv", ["hello_cognito.py"])
    assert hello_cognito.main() == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert len(err.strip().splitlines()) == 1


def test_a_refused_call_prints_cognitos_error_and_exits_1(monkeypatch, capsys):
    """AccessDenied is an error no emulator makes, so it is stubbed."""
    client = boto3.client("cognito-idp", region_name="us-east-1")
    stubber = Stubber(client)
    stubber.add_client_error(
        "list_user_pools", "AccessDeniedException", "not allowed to list user pools"
    )
    monkeypatch.setattr(hello_cognito.boto3, "client", lambda *args, **kwargs: client)
    monkeypatch.setattr(sys, "argv", ["hello_cognito.py"])
    with stubber:
        assert hello_cognito.main() == 1
    err = capsys.readouterr().err
    assert err == "error: AccessDeniedException: not allowed to list user pools\n"
