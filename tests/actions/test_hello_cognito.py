"""hello_cognito: the first program lists the pools of the Region."""

from __future__ import annotations

import sys

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
