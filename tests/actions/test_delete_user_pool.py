# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""delete_user_pool: the pool is gone afterwards."""

from __future__ import annotations

import contextlib
import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.delete_user_pool import delete_user_pool


def test_deletes_pool(cognito, user_pool):
    delete_user_pool(cognito, user_pool)
    with pytest.raises(ClientError) as excinfo:
        cognito.describe_user_pool(UserPoolId=user_pool)
    assert excinfo.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_missing_pool(cognito, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        delete_user_pool(cognito, "us-east-1_NoSuchPool")
    check_error(excinfo, "ResourceNotFoundException")
    assert "deleted already" in caplog.text


def test_deletion_protection(cognito, user_pool, check_error, caplog):
    cognito.update_user_pool(
        UserPoolId=user_pool, AutoVerifiedAttributes=["email"], DeletionProtection="ACTIVE"
    )
    try:
        with pytest.raises(ClientError) as excinfo:
            delete_user_pool(cognito, user_pool)
        check_error(excinfo, "InvalidParameterException")
        assert "deletion protection" in caplog.text
        assert cognito.describe_user_pool(UserPoolId=user_pool)["UserPool"]["Id"] == user_pool
    finally:
        with contextlib.suppress(cognito.exceptions.ResourceNotFoundException):
            cognito.update_user_pool(
                UserPoolId=user_pool,
                AutoVerifiedAttributes=["email"],
                DeletionProtection="INACTIVE",
            )


def test_cli(run_cli, cognito, user_pool):
    proc = run_cli("delete_user_pool", "--user-pool-id", user_pool)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"UserPoolId": user_pool, "Deleted": True}
    pools = cognito.list_user_pools(MaxResults=60)["UserPools"]
    assert user_pool not in [p["Id"] for p in pools]
