# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The scripts keep the password off every command line (where `ps` shows it to anyone).

A spy named ``aws`` (and one named ``jq``) first on PATH writes down the arguments it was
started with, then runs the real program: the call works, and the password is in no argument.
"""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from cognito_users import TEST_PASSWORD

from cli.expect import printed_response


@pytest.fixture
def spied_env(emulator_env: dict[str, str], tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose ``aws`` and ``jq`` record their arguments in ``argv.log``."""
    log = tmp_path / "argv.log"
    spies = tmp_path / "bin"
    spies.mkdir()
    for program in ("aws", "jq"):
        real = shutil.which(program, path=emulator_env["PATH"])
        assert real, f"{program} not found"
        spy = spies / program
        spy.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{log}"\nexec "{real}" "$@"\n')
        spy.chmod(spy.stat().st_mode | stat.S_IXUSR)
    return {**emulator_env, "PATH": f"{spies}:{emulator_env['PATH']}"}, log


def test_sign_up(run_script, app_client, unique_name, spied_env):
    env, log = spied_env
    username = f"ana-{unique_name}"
    result = run_script(
        "sign-up",
        *("--client-id", app_client, "--username", username, "--email", "ana@example.com"),
        stdin=TEST_PASSWORD + "\n",
        env=env,
    )
    assert printed_response(result, "SignUp")["UserConfirmed"] is False
    arguments = log.read_text()
    assert "sign-up" in arguments and username in arguments  # the spy saw the call
    assert TEST_PASSWORD not in arguments


@pytest.mark.parametrize("script", ["admin-initiate-auth", "initiate-auth"])
def test_sign_in(run_script, user_pool, app_client, confirmed_user, spied_env, script):
    env, log = spied_env
    pool = ("--user-pool-id", user_pool) if script.startswith("admin") else ()
    result = run_script(
        script,
        *pool,
        *("--client-id", app_client, "--username", confirmed_user),
        stdin=TEST_PASSWORD + "\n",
        env=env,
    )
    operation = "".join(part.capitalize() for part in script.split("-"))
    assert "AuthenticationResult" in printed_response(result, operation)
    arguments = log.read_text()
    assert script in arguments and "USERNAME" in arguments  # the spies saw aws and jq
    assert TEST_PASSWORD not in arguments
