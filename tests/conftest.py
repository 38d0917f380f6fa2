# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: an isolated environment and the embedded Cognito emulator.

Every test talks only to 127.0.0.1. AWS credentials, region and config files of the
machine are hidden, so a developer's real ``~/.aws`` can never be used by accident.
Real AWS is an explicit opt-in: ``pytest --aws`` (never in CI). Then the ``cognito`` client and
the examples' command lines use the account and Region boto3 is configured for; tests that need
the emulator's outbox, clock or internals are skipped with that reason; tests marked ``aws`` run.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from cognito_users import create_confirmed_user, signed_in
from totp_app import TotpApp, WallClock

from cognito_emulator import EmulatorServer

pytest_plugins = ["mfa_fixtures"]  # MFA pools, users with an authenticator app, devices

REGION = "us-east-1"

_AWS_ENV_TO_HIDE = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--aws",
        action="store_true",
        default=False,
        help="also run the tests marked 'aws' against the real AWS account boto3 is configured for",
    )
    spec = parser.getgroup(
        "spec", "the scenario specification harness (tests/scenarios/test_spec.py)"
    )
    spec.addoption(
        "--port-command",
        default=None,
        help="the scenario port to test, as a shell-quoted command run from the repository root "
        "(default: the Python scenario)",
    )
    spec.addoption(
        "--port-modes",
        default="auto,interactive",
        help="comma-separated modes the port supports: auto, interactive (default: both)",
    )
    spec.addoption(
        "--port-timeout",
        default="180",
        help="seconds one run of the port may take (default: 180)",
    )
    parser.addoption(
        "--browser",
        action="store_true",
        default=False,
        help="also run the tests marked 'browser' (headless /usr/bin/chromium: nox -s browser)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--aws"):
        return
    for name in _AWS_ENV_TO_HIDE:
        os.environ.pop(name, None)
    os.environ["AWS_ACCESS_KEY_ID"] = "testing"
    os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"  # a dummy for the emulator
    os.environ["AWS_DEFAULT_REGION"] = REGION
    os.environ["AWS_REGION"] = REGION
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    _allow_only_loopback()


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX and other non-IP families
        return True
    host = str(address[0]).split("%", 1)[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: only loopback names may be resolved and reached
        return False


def _allow_only_loopback() -> None:
    """Every socket this test process opens goes to 127.0.0.1 (or ::1): anything else fails."""
    if getattr(socket.socket, "_loopback_only", False):
        return
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def check(address: Any) -> None:
        if not _is_loopback(address):
            raise AssertionError(f"a test tried to reach {address!r}: tests talk only to loopback")

    def guarded_connect(self: socket.socket, address: Any) -> None:
        check(address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return connect_ex(self, address)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.socket._loopback_only = True  # type: ignore[attr-defined]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--browser"):
        reason = "drives Chromium: run with --browser (nox -s browser)"
        skip_browser = pytest.mark.skip(reason=reason)
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip_browser)
    if config.getoption("--aws"):
        return
    skip = pytest.mark.skip(reason="needs a real AWS account: run with --aws (never in CI)")
    for item in items:
        if "aws" in item.keywords:
            item.add_marker(skip)


def _on_aws(config: pytest.Config) -> bool:
    return bool(config.getoption("--aws"))


@pytest.fixture(scope="session")
def emulator(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmulatorServer]:
    """One cognito-emulator per test worker, on a free loopback port."""
    if _on_aws(request.config):
        pytest.skip("uses the emulator's outbox, clock or internals: not available with --aws")
    outbox = tmp_path_factory.mktemp("outbox")
    with EmulatorServer(host="127.0.0.1", port=0, outbox=outbox) as server:
        yield server


@pytest.fixture(scope="session")
def emulator_env(request: pytest.FixtureRequest) -> dict[str, str]:
    """Environment for a subprocess (an example's command line): the emulator, or with
    ``--aws`` the account and Region boto3 is configured for."""
    if _on_aws(request.config):
        return dict(os.environ)
    server: EmulatorServer = request.getfixturevalue("emulator")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL=server.url,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",  # a dummy for the emulator
        AWS_DEFAULT_REGION=REGION,
        AWS_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
    )
    return env


@pytest.fixture(scope="session")
def cognito(request: pytest.FixtureRequest) -> Any:
    """A boto3 ``cognito-idp`` client: the emulator, or with ``--aws`` the real service."""
    if _on_aws(request.config):
        return boto3.client("cognito-idp")
    server: EmulatorServer = request.getfixturevalue("emulator")
    return boto3.client("cognito-idp", endpoint_url=server.url, region_name=REGION)


@pytest.fixture
def outbox(emulator: EmulatorServer) -> Path:
    """The folder where the emulator delivers codes (one JSON file per message)."""
    return emulator.outbox


@pytest.fixture
def emulator_clock(emulator: EmulatorServer) -> Iterator[Callable[[float], None]]:
    """``shift(seconds)``: the emulator's time runs that far ahead of the real clock (codes and
    sessions expire) until the test ends. TOTP codes keep working: they follow the same shift
    only if computed for it, so shift before the codes you need or by whole hours."""
    clock = emulator.clock
    saved = clock.offset

    def shift(seconds: float) -> None:
        clock.offset = seconds

    yield shift
    clock.offset = saved


@pytest.fixture
def totp_app(request: pytest.FixtureRequest) -> Iterator[Callable[[str], TotpApp]]:
    """``totp_app(secret)``: an authenticator app reading the emulator's clock, which it moves
    to the next 30-second step rather than reuse a code (real time with ``--aws``). The clock
    is put back when the test ends."""
    if _on_aws(request.config):
        yield lambda secret: TotpApp(secret, WallClock())
        return
    clock = request.getfixturevalue("emulator").clock
    saved = clock.offset
    yield lambda secret: TotpApp(secret, clock)
    clock.offset = saved


@pytest.fixture
def unique_name() -> str:
    """A short name nobody else in this run uses."""
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture
def user_pool(cognito: Any, unique_name: str) -> Iterator[str]:
    """A fresh user pool (e-mail auto-verified, MFA off); its id. Deleted afterwards."""
    pool_id: str = cognito.create_user_pool(
        PoolName=f"pool-{unique_name}", AutoVerifiedAttributes=["email"]
    )["UserPool"]["Id"]
    yield pool_id
    with contextlib.suppress(cognito.exceptions.ResourceNotFoundException):
        cognito.delete_user_pool(UserPoolId=pool_id)


@pytest.fixture
def app_client(cognito: Any, user_pool: str) -> str:
    """An app client without a secret that allows every password flow; its id."""
    client_id: str = cognito.create_user_pool_client(
        UserPoolId=user_pool,
        ClientName="app",
        ExplicitAuthFlows=[
            "ALLOW_ADMIN_USER_PASSWORD_AUTH",
            "ALLOW_USER_PASSWORD_AUTH",
            "ALLOW_USER_SRP_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH",
        ],
    )["UserPoolClient"]["ClientId"]
    return client_id


@pytest.fixture
def confirmed_user(cognito: Any, user_pool: str, unique_name: str) -> str:
    """A CONFIRMED user with password ``TEST_PASSWORD`` (e-mail not verified); its user name."""
    return create_confirmed_user(cognito, user_pool, f"user-{unique_name}", email_verified=False)


@pytest.fixture
def signed_in_user(
    cognito: Any, user_pool: str, app_client: str, confirmed_user: str
) -> dict[str, str]:
    """A confirmed user signed in with a password (MFA off); user name and tokens."""
    return signed_in(cognito, user_pool, app_client, confirmed_user)
