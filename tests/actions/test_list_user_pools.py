# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""list_user_pools: every pool, across pages."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.list_user_pools import list_user_pools


@pytest.fixture
def many_pools(cognito, unique_name):
    ids = [
        cognito.create_user_pool(PoolName=f"many-{unique_name}-{i}")["UserPool"]["Id"]
        for i in range(61)  # one more than a page of 60
    ]
    yield ids
    for pool_id in ids:
        cognito.delete_user_pool(UserPoolId=pool_id)


def test_lists_new_pool(cognito, user_pool):
    pools = list_user_pools(cognito)
    assert user_pool in [p["Id"] for p in pools]
    assert all("Name" in p for p in pools)


def test_follows_pages(cognito, many_pools):
    """More pools than fit in one page of 60: all of them are listed, each once."""
    assert "NextToken" in cognito.list_user_pools(MaxResults=60)  # the backend really pages
    ids = [p["Id"] for p in list_user_pools(cognito)]
    assert set(many_pools) <= set(ids)
    assert len(ids) == len(set(ids))


def test_throttled_gives_advice(stubbed, check_error, caplog):
    client = stubbed("list_user_pools", "TooManyRequestsException")
    with pytest.raises(ClientError) as excinfo:
        list_user_pools(client)
    check_error(excinfo, "TooManyRequestsException")
    assert "wait a little" in caplog.text


def test_cli(run_cli, user_pool):
    proc = run_cli("list_user_pools")
    assert proc.returncode == 0, proc.stderr
    assert user_pool in [p["Id"] for p in json.loads(proc.stdout)]
