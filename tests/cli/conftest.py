# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Fixtures of the AWS CLI tests (tests/cli/): one `cognito-emulator` process, the scripts' runner.

Like every language port, the CLI's tests start ONE ``cognito-emulator`` console script for
the run (``$COGNITO_EMULATOR``, else the one beside this Python or on ``PATH``: ``nox -s cli``
puts its venv's ``bin`` first) with ``--port 0`` and read its URL from the ready line: the
specification harness's :class:`spec_harness.Emulator`, with its clock and messages over the
control seam. It replaces the in-process ``emulator`` of ``tests/conftest.py``, so the shared
fixtures (``cognito``, ``emulator_env``, ``user_pool``, ``app_client``, ``confirmed_user``) talk
to that process. Set-up uses the plain boto3 client, so a broken script never hides behind a
fixture error.

These tests need the AWS CLI (``awscli``), ``jq``, ``curl`` and ``oathtool``: ``nox -s cli``
installs the first (v1, locked) and checks for the others, then runs the suite again on the
machine's AWS CLI v2 when it has one (``TEST_AWS_CLI``). ``nox -s tests`` leaves this folder
out.
"""

from __future__ import annotations

import atexit
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cognito_users import admin_sign_in, sign_up_user
from mfa_fixtures import TotpUser
from spec_harness import Emulator

# The scripts run `aws` and the scenario runs `cognito-emulator`: take both from the
# environment these tests run in (`.nox/cli/bin/pytest tests/cli` works without nox too).
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
# TEST_AWS_CLI names another `aws` to run the scripts with (nox -s cli: the machine's AWS CLI
# v2, after the locked v1). AWS CLI v2 releases before 2.13.0 (Debian 12's awscli is 2.9.19)
# don't read AWS_ENDPOINT_URL, which the scripts rely on: it gets the URL as --endpoint-url.
AWS_WITH_ENDPOINT = """#!/bin/sh
if [ -n "${{AWS_ENDPOINT_URL:-}}" ]; then
  exec {aws} --endpoint-url "$AWS_ENDPOINT_URL" "$@"
fi
exec {aws} "$@"
"""


def _aws_with_endpoint(aws: str) -> Path:
    """A folder (removed at exit) whose ``aws`` runs ``aws`` as AWS_WITH_ENDPOINT says."""
    folder = Path(tempfile.mkdtemp(prefix="aws-with-endpoint-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    script = folder / "aws"
    script.write_text(AWS_WITH_ENDPOINT.format(aws=shlex.quote(aws)))
    script.chmod(0o755)
    return folder


if os.environ.get("TEST_AWS_CLI"):
    AWS_FOLDER = _aws_with_endpoint(os.environ["TEST_AWS_CLI"])
    os.environ["PATH"] = f"{AWS_FOLDER}{os.pathsep}{os.environ['PATH']}"

REPO_ROOT = Path(__file__).resolve().parents[2]
ACTIONS_DIR = REPO_ROOT / "cli" / "actions"
SCENARIO = REPO_ROOT / "cli" / "scenarios" / "signup_user_with_mfa.sh"
SCRIPT_TIMEOUT = 60

# The MFA fixtures of tests/mfa_fixtures.py (mfa_pool, mfa_app_client, mfa_user, totp_user)
# are registered for every folder by tests/conftest.py; totp_user's authenticator app reads
# this process emulator's clock through its control seam (``emulator.clock``).


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    """ONE ``cognito-emulator --port 0`` process for the run (per xdist worker)."""
    server = Emulator.start()
    try:
        yield server
    finally:
        server.stop()


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
def later(emulator: Emulator) -> Iterator[Callable[[float], None]]:
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
