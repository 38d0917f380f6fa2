# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Checks that only mean something against a real AWS account (``pytest --aws``; never in CI)."""

import subprocess
import sys
from pathlib import Path

import pytest

HELLO = Path(__file__).resolve().parents[1] / "python" / "cognito_idp" / "hello_cognito.py"


@pytest.mark.aws
def test_hello_cognito_reaches_the_configured_account(emulator_env, cognito):
    """The first program a reader runs lists the same pools the account has."""
    pages = cognito.get_paginator("list_user_pools").paginate(PaginationConfig={"PageSize": 60})
    expected = sum(len(page["UserPools"]) for page in pages)
    done = subprocess.run(
        [sys.executable, str(HELLO)], env=emulator_env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert f"You have {expected} user pool(s)" in done.stdout
