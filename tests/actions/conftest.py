# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures of the action tests (tests/actions/).

Set-up talks to the emulator with the plain boto3 ``cognito`` client, so a broken example
never hides behind a fixture error. The MFA, device and password fixtures live in
``tests/mfa_fixtures.py`` (registered for every folder by ``tests/conftest.py``).
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from cognito_users import sign_up_user

REPO_ROOT = Path(__file__).resolve().parents[2]
ACTIONS_DIR = REPO_ROOT / "python" / "cognito_idp"
CLI_TIMEOUT = 60


@pytest.fixture
def run_cli(emulator_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python python/cognito_idp/<module>.py ARGS`` against the emulator."""

    def run(
        module: str, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ACTIONS_DIR / f"{module}.py"), *args],
            env=emulator_env if env is None else env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT,
            cwd=REPO_ROOT,
            check=False,
        )

    return run


@pytest.fixture
def check_error(
    caplog: pytest.LogCaptureFixture,
) -> Callable[[pytest.ExceptionInfo[ClientError], str], None]:
    """Assert that a ``ClientError`` carries Cognito's ``code`` and that the code was logged."""

    def check(excinfo: pytest.ExceptionInfo[ClientError], code: str) -> None:
        assert excinfo.value.response["Error"]["Code"] == code
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert any(code in r.getMessage() and "Here's why" in r.getMessage() for r in errors), (
            caplog.text
        )

    return check


@pytest.fixture
def stubbed() -> Iterator[Callable[..., Any]]:
    """``stubbed(operation, code, message=...)``: a client whose next ``operation`` call fails
    with Cognito's error ``code`` (errors no emulator makes: throttling, limits)."""
    stubbers: list[Stubber] = []

    def make(operation: str, code: str, message: str | None = None) -> Any:
        client = boto3.client("cognito-idp", region_name="us-east-1")
        stubber = Stubber(client)
        stubber.add_client_error(
            operation,
            service_error_code=code,
            service_message=message or f"{code}!",
            http_status_code=400,
        )
        stubber.activate()
        stubbers.append(stubber)
        return client

    yield make
    for stubber in stubbers:
        stubber.assert_no_pending_responses()
        stubber.deactivate()


@pytest.fixture
def secret_app_client(cognito: Any, user_pool: str) -> dict[str, str]:
    """An app client with a client secret; its id and secret."""
    created = cognito.create_user_pool_client(
        UserPoolId=user_pool,
        ClientName="app-with-secret",
        GenerateSecret=True,
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]
    return {"client_id": created["ClientId"], "client_secret": created["ClientSecret"]}


@pytest.fixture
def unconfirmed_user(cognito: Any, app_client: str, unique_name: str) -> str:
    """A user who signed up through ``app_client`` and hasn't confirmed yet; its user name."""
    return sign_up_user(cognito, app_client, f"new-{unique_name}")


def user_status(cognito: Any, user_pool_id: str, username: str) -> str:
    """The user's status as Cognito reports it (read with the plain client)."""
    status: str = cognito.admin_get_user(UserPoolId=user_pool_id, Username=username)["UserStatus"]
    return status


@pytest.fixture
def status_of(cognito: Any) -> Callable[[str, str], str]:
    """``status_of(user_pool_id, username)``: the user's ``UserStatus``."""
    return lambda user_pool_id, username: user_status(cognito, user_pool_id, username)
