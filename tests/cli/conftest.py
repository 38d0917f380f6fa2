"""Fixtures of the AWS CLI tests (tests/cli/): one `cognito-emulator` process, the scripts' runner.

Like every language port, the CLI's tests start ONE ``cognito-emulator`` console script for
the run (``$COGNITO_EMULATOR``, else the one on ``PATH``: ``nox -s cli`` puts its venv's ``bin``
first) with ``--port 0`` and read its URL from the ready line. It replaces the in-process
``emulator`` of ``tests/conftest.py``, so the shared fixtures (``cognito``, ``emulator_env``,
``user_pool``, ``app_client``, ``confirmed_user``) talk to that process. Set-up uses the plain
boto3 client, so a broken script never hides behind a fixture error.

These tests need the AWS CLI (``awscli``), ``jq``, ``curl`` and ``oathtool``: ``nox -s cli``
installs the first and checks for the others. ``nox -s tests`` leaves this folder out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from cognito_users import admin_sign_in, sign_up_user
from mfa_fixtures import TotpUser

# The scripts run `aws` and the scenario runs `cognito-emulator`: take both from the
# environment these tests run in (`.nox/cli/bin/pytest tests/cli` works without nox too).
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"

REPO_ROOT = Path(__file__).resolve().parents[2]
ACTIONS_DIR = REPO_ROOT / "cli" / "actions"
SCENARIO = REPO_ROOT / "cli" / "scenarios" / "signup_user_with_mfa.sh"
READY = re.compile(r"^cognito-emulator listening on (http://\S+), outbox (.+)$")
SCRIPT_TIMEOUT = 60

# The MFA fixtures of tests/mfa_fixtures.py (mfa_pool, mfa_app_client, mfa_user, totp_user)
# are registered for every folder by tests/conftest.py; totp_user's authenticator app reads
# this process emulator's clock through its control seam (``emulator.clock``).


class SeamClock:
    """The emulator's clock over its control seam (``/_emulator/clock``): ``now()``,
    ``advance(seconds)`` and ``offset`` (seconds ahead of real time), like the in-process
    emulator's ``clock``."""

    def __init__(self, url: str) -> None:
        self.url = f"{url}/_emulator/clock"

    def _reading(self, body: dict[str, float] | None = None) -> dict[str, float]:
        if body is None:
            response = requests.get(self.url, timeout=10)
        else:
            response = requests.post(self.url, json=body, timeout=10)
        response.raise_for_status()
        reading: dict[str, float] = response.json()
        return reading

    def now(self) -> float:
        return float(self._reading()["now"])

    def advance(self, seconds: float) -> None:
        self._reading({"advance": seconds})

    @property
    def offset(self) -> float:
        return float(self._reading()["offset"])

    @offset.setter
    def offset(self, seconds: float) -> None:
        self._reading({"offset": seconds})


@dataclass
class EmulatorProcess:
    """A running ``cognito-emulator`` console script."""

    url: str
    outbox: Path
    process: subprocess.Popen[str]

    @property
    def clock(self) -> SeamClock:
        return SeamClock(self.url)

    def messages(self, username: str, user_pool_id: str) -> list[dict[str, Any]]:
        """What the emulator 'sent' to the user, oldest first (its control seam, not the outbox)."""
        response = requests.get(
            f"{self.url}/_emulator/messages",
            params={"username": username, "user_pool_id": user_pool_id},
            timeout=10,
        )
        response.raise_for_status()
        messages: list[dict[str, Any]] = response.json()["messages"]
        return messages

    def code_for(self, username: str, user_pool_id: str) -> str:
        """The newest code the emulator 'sent' to the user."""
        messages = self.messages(username, user_pool_id)
        assert messages, f"the emulator sent no message to {username}"
        return str(messages[-1]["code"])


def emulator_command() -> list[str]:
    """``$COGNITO_EMULATOR`` or the ``cognito-emulator`` on PATH."""
    named = os.environ.get("COGNITO_EMULATOR")
    found = named or shutil.which("cognito-emulator")
    if not found:
        pytest.exit("cognito-emulator not found: run `nox -s cli`, or set COGNITO_EMULATOR", 2)
    return [found]


@pytest.fixture(scope="session")
def emulator() -> Iterator[EmulatorProcess]:
    """ONE ``cognito-emulator --port 0`` process for the run (per xdist worker)."""
    outbox = Path(tempfile.mkdtemp(prefix="cli-tests-outbox-"))
    process = subprocess.Popen(
        [*emulator_command(), "--port", "0", "--outbox", str(outbox)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()  # the ready line, or "" when it died
        match = READY.match(line)
        if match is None:
            raise RuntimeError(f"cognito-emulator did not start: {line!r}")
        yield EmulatorProcess(match.group(1), outbox, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(outbox, ignore_errors=True)


@pytest.fixture
def run_script(emulator_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``bash cli/actions/<name>.sh ARGS`` against the emulator, as a reader would;
    ``stdin`` is what the script reads (the password), nothing when left out."""

    def run(
        name: str, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", str(ACTIONS_DIR / f"{name}.sh"), *args],
            input=stdin if stdin is not None else "",
            env=emulator_env if env is None else env,
            capture_output=True,
            text=True,
            timeout=SCRIPT_TIMEOUT,
            cwd=REPO_ROOT,
            check=False,
        )

    return run


@pytest.fixture
def later(emulator: EmulatorProcess) -> Iterator[Callable[[float], None]]:
    """``later(seconds)``: make that much time pass on the emulator (codes and sessions
    expire); its clock is put back when the test ends."""
    clock = emulator.clock
    saved = clock.offset
    yield clock.advance
    clock.offset = saved


@pytest.fixture
def signed_up(cognito: Any, app_client: str, unique_name: str) -> str:
    """A user who signed up through ``app_client`` (UNCONFIRMED, a code 'e-mailed'); its name."""
    return sign_up_user(cognito, app_client, f"ana-{unique_name}")


@pytest.fixture
def mfa_setup_session(cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str) -> str:
    """The Session of ``mfa_user``'s MFA_SETUP challenge (a first sign-in with a password)."""
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, mfa_user)
    assert started["ChallengeName"] == "MFA_SETUP"
    return str(started["Session"])


def totp_challenge(cognito: Any, pool_id: str, client_id: str, user: TotpUser) -> str:
    """Sign ``user`` in with a password; the Session of its SOFTWARE_TOKEN_MFA challenge."""
    started = admin_sign_in(cognito, pool_id, client_id, user.username)
    assert started["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    return str(started["Session"])
