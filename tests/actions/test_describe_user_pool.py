# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""describe_user_pool: the settings of a pool, or ResourceNotFoundException."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp import describe_user_pool as describe_module
from cognito_idp.describe_user_pool import describe_user_pool


def test_describes_pool(cognito, user_pool):
    pool = describe_user_pool(cognito, user_pool)
    assert pool["Id"] == user_pool
    assert pool["AutoVerifiedAttributes"] == ["email"]
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 8


def test_counts_users(cognito, user_pool, confirmed_user):
    assert describe_user_pool(cognito, user_pool)["EstimatedNumberOfUsers"] == 1


def test_missing_pool(cognito, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        describe_user_pool(cognito, "us-east-1_NoSuchPool")
    check_error(excinfo, "ResourceNotFoundException")
    assert "There is no user pool us-east-1_NoSuchPool" in caplog.text


def test_cli(run_cli, user_pool):
    proc = run_cli("describe_user_pool", "--user-pool-id", user_pool)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["Id"] == user_pool


def test_main_missing_pool_exits_1(monkeypatch, cognito, capsys, caplog):
    """In-process (the subprocess run is test_cli): exit 1, the error logged, nothing printed."""
    monkeypatch.setattr(describe_module.boto3, "client", lambda service: cognito)
    assert describe_module.main(["--user-pool-id", "us-east-1_NoSuchPool"]) == 1
    assert capsys.readouterr().out == ""
    assert "ResourceNotFoundException" in caplog.text
