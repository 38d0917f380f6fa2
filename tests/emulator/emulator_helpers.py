# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Helpers shared by the emulator tests (pools, users, a hand-moved clock)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyotp
from cognito_users import create_confirmed_user

from cognito_emulator.clock import Clock
from cognito_emulator.models import EmulatorBackend

PASSWORD = "Correct-Horse-9!"
ALL_FLOWS = [
    "ALLOW_ADMIN_USER_PASSWORD_AUTH",
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
]


class FakeClock(Clock):
    """A clock that stands still until the test moves it (``advance``); starts at real time."""

    def __init__(self) -> None:
        start = time.time()
        super().__init__(source=lambda: start)


def make_pool(
    backend: EmulatorBackend,
    *,
    mfa: str = "OFF",
    devices: dict[str, Any] | None = None,
    secret: bool = False,
) -> tuple[str, str]:
    """A pool (e-mail auto-verified) and an app client allowing every flow: their ids."""
    config: dict[str, Any] = {"AutoVerifiedAttributes": ["email"]}
    if devices is not None:
        config["DeviceConfiguration"] = devices
    pool = backend.create_user_pool("pool", config)
    if mfa != "OFF":
        backend.set_user_pool_mfa_config(pool.id, None, {"Enabled": True}, mfa)
    client = backend.create_user_pool_client(
        pool.id, secret, {"ClientName": "app", "ExplicitAuthFlows": ALL_FLOWS}
    )
    return pool.id, client.id


def make_user(backend: EmulatorBackend, pool_id: str, username: str = "ana") -> str:
    """A CONFIRMED user with password PASSWORD and an e-mail address."""
    backend.admin_create_user(
        pool_id,
        username,
        "SUPPRESS",
        "",
        [
            {"Name": "email", "Value": f"{username}@example.com"},
            {"Name": "email_verified", "Value": "true"},
        ],
    )
    backend.admin_set_user_password(pool_id, username, PASSWORD, True)
    return username


def http_pool(
    cognito: Any,
    name: str,
    *,
    mfa: str = "OFF",
    devices: dict[str, Any] | None = None,
    secret: bool = False,
) -> tuple[str, str, str | None]:
    """Over HTTP: a pool and an app client; (pool id, client id, client secret)."""
    kwargs: dict[str, Any] = {"PoolName": name, "AutoVerifiedAttributes": ["email"]}
    if devices is not None:
        kwargs["DeviceConfiguration"] = devices
    pool_id: str = cognito.create_user_pool(**kwargs)["UserPool"]["Id"]
    if mfa != "OFF":
        cognito.set_user_pool_mfa_config(
            UserPoolId=pool_id,
            SoftwareTokenMfaConfiguration={"Enabled": True},
            MfaConfiguration=mfa,
        )
    client = cognito.create_user_pool_client(
        UserPoolId=pool_id, ClientName="app", ExplicitAuthFlows=ALL_FLOWS, GenerateSecret=secret
    )["UserPoolClient"]
    return pool_id, client["ClientId"], client.get("ClientSecret")


def http_user(cognito: Any, pool_id: str, username: str = "ana") -> str:
    return create_confirmed_user(cognito, pool_id, username, PASSWORD)


def sign_in(
    backend: EmulatorBackend,
    pool_id: str,
    client_id: str,
    username: str = "ana",
    password: str = PASSWORD,
) -> dict[str, Any]:
    """Model level: AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH; the response."""
    params = {"USERNAME": username, "PASSWORD": password}
    return backend.admin_initiate_auth(pool_id, client_id, "ADMIN_USER_PASSWORD_AUTH", params)


def answer_mfa(
    backend: EmulatorBackend, client_id: str, session: str, username: str, code: str
) -> dict[str, Any]:
    """Model level: RespondToAuthChallenge SOFTWARE_TOKEN_MFA with ``code``; the response."""
    responses = {"USERNAME": username, "SOFTWARE_TOKEN_MFA_CODE": code}
    return backend.respond_to_auth_challenge(session, client_id, "SOFTWARE_TOKEN_MFA", responses)


def with_totp(
    backend: EmulatorBackend, pool_id: str, client_id: str, username: str = "ana"
) -> pyotp.TOTP:
    """Model level: take ``username`` (MFA ON pool) through MFA_SETUP; return the authenticator.

    The code it verifies is the current time step's: move the clock 30 s or more before the
    user's next code is due, so that no code is ever sent twice."""
    setup = sign_in(backend, pool_id, client_id, username)
    assert setup["ChallengeName"] == "MFA_SETUP"
    assoc = backend.associate_software_token(None, setup["Session"])
    totp = pyotp.TOTP(assoc["SecretCode"])
    verified = backend.verify_software_token(
        None, assoc["Session"], totp.at(backend.now()), "phone"
    )
    done = backend.respond_to_auth_challenge(
        verified["Session"], client_id, "MFA_SETUP", {"USERNAME": username}
    )
    assert "AccessToken" in done["AuthenticationResult"]
    return totp


def http_with_totp(
    cognito: Any, client_id: str, username: str, now: float, device_name: str | None = "phone"
) -> pyotp.TOTP:
    """Over HTTP: take ``username`` (MFA ON pool) through MFA_SETUP at the emulator's time
    ``now``, naming the authenticator ``device_name`` (None: no name); return the
    authenticator (move the clock 30 s or more before the next code)."""
    setup = cognito.initiate_auth(
        ClientId=client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": PASSWORD},
    )
    assert setup["ChallengeName"] == "MFA_SETUP"
    assoc = cognito.associate_software_token(Session=setup["Session"])
    totp = pyotp.TOTP(assoc["SecretCode"])
    named = {"FriendlyDeviceName": device_name} if device_name is not None else {}
    verified = cognito.verify_software_token(
        Session=assoc["Session"], UserCode=totp.at(now), **named
    )
    done = cognito.respond_to_auth_challenge(
        ClientId=client_id,
        ChallengeName="MFA_SETUP",
        Session=verified["Session"],
        ChallengeResponses={"USERNAME": username},
    )
    assert "AccessToken" in done["AuthenticationResult"]
    return totp


def http_sign_up(cognito: Any, client_id: str, username: str) -> None:
    """Over HTTP: SignUp with PASSWORD and ``<username>@example.com`` (a code is delivered)."""
    cognito.sign_up(
        ClientId=client_id,
        Username=username,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )


def cli_command(*args: str) -> list[str]:
    """The ``cognito-emulator`` console script of this checkout, with ``args``."""
    return [
        sys.executable,
        "-c",
        "from cognito_emulator.cli import main; raise SystemExit(main())",
        *args,
    ]


def cli_env() -> dict[str, str]:
    """The environment for :func:`cli_command`: this checkout's ``src`` first."""
    src = str(Path(__file__).resolve().parents[2] / "src")
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


READY = "cognito-emulator listening on "


@dataclass
class RunningCli:
    """The console script, running: its process, and the URL and outbox of its ready line."""

    process: subprocess.Popen[str]
    url: str
    outbox: Path

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it; its exit status."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=10)


@contextlib.contextmanager
def running_cli(*args: str) -> Iterator[RunningCli]:
    """Run :func:`cli_command` with ``args`` until it printed its ready line; kill it at the
    end if it is still running."""
    process = subprocess.Popen(
        cli_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env()
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "cognito-emulator listening on URL, outbox DIR"
        assert line.startswith(READY), line
        url, outbox = line.rstrip("\n")[len(READY) :].split(", outbox ", 1)
        yield RunningCli(process, url, Path(outbox))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
