# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""cli/scenarios/signup_user_with_mfa.sh --auto, held to scenarios/SPECIFICATION.md.

The specification's markers, each step's calls and its transcript checks come from the shared
harness (``tests/scenarios/spec_harness.py``), which ``nox -s cli`` also runs on this port
(``tests/scenarios/test_spec.py``); these tests add what only this port promises: step 7
skipped, no code resent, the QR code's account and issuer, the order of the removals, its own
usage messages. The runs use the session's emulator through ``--endpoint``; ``nox -s cli``
also runs the scenario once without it, starting its own emulator.
"""

from __future__ import annotations

import signal
import subprocess
import time
from typing import Any

import pyotp
import pytest
from spec_harness import (
    APP_CLIENT,
    CODE,
    MASKED_TOKEN,
    REMOVED,
    SETUP_KEY,
    USER_POOL,
    Emulator,
    PortRunner,
    Transcript,
    decode_terminal_qr,
)

from cli.conftest import REPO_ROOT, SCENARIO


def run_scenario(*args: str, env: dict[str, str], timeout: int = 240) -> Any:
    return subprocess.run(
        ["bash", str(SCENARIO), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=timeout,
        check=False,
    )


def test_auto_run_follows_the_specification(emulator: Emulator) -> None:
    before = emulator.user_pools()
    result = PortRunner(["bash", str(SCENARIO)], emulator, timeout=240).run_auto()
    transcript = result.transcript
    assert result.status == 0, result.describe()
    assert result.err == ""
    # what the specification promises every port (the harness's checks)
    transcript.check_steps_in_order()
    transcript.check_calls()  # a skipped step 7 makes no call
    transcript.check_markers()
    transcript.check_masking()
    transcript.check_width()
    transcript.check_qr()

    # what this port promises besides
    steps = transcript.steps()
    assert steps[6].skipped, steps[6].title  # no SRP maths in bash
    assert steps[1].calls() == ["SignUp", "ConfirmSignUp"]  # --auto resends no code
    lines = transcript.lines
    assert max(len(line) for line in lines) <= 80  # no file path to exempt either
    [pool_id], [client_id] = steps[0].all(USER_POOL), steps[0].all(APP_CLIENT)
    assert steps[1].all(CODE)
    [qr_lines] = Transcript("\n".join(steps[3].lines)).qr_blocks()
    assert 15 <= len(qr_lines) <= 21
    [setup_key] = steps[3].all(SETUP_KEY)
    username = next(
        line.split(": ")[1].split()[0] for line in lines if line.startswith("User name")
    )
    uri = decode_terminal_qr(qr_lines)
    assert uri, "the QR code on the screen doesn't decode"
    totp = pyotp.parse_uri(uri)  # the otpauth:// URI of the secret
    assert isinstance(totp, pyotp.TOTP)
    assert (totp.secret, totp.name, totp.issuer) == (
        setup_key.replace(" ", ""),
        username,
        "CognitoMfaScenario",
    )
    tokens = [m for m in map(MASKED_TOKEN.match, lines) if m]
    assert [t.group(1) for t in tokens] == ["IdToken", "AccessToken", "RefreshToken"] * 2
    assert all(int(t.group(4)) > 100 for t in tokens)

    removed = steps[7].all(REMOVED)
    assert removed[0].startswith("user cli-")
    assert removed[1:] == [f"app client {client_id}", f"user pool {pool_id}"]
    assert emulator.user_pools() == before  # nothing left behind


def test_starts_no_interactive_mode(emulator_env):
    result = run_scenario(env=emulator_env, timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "signup_user_with_mfa: the AWS CLI port runs only with --auto:"
        " bash cli/scenarios/signup_user_with_mfa.sh --auto\n"
    )


@pytest.mark.parametrize(
    ("args", "ci", "message"),
    [
        (["--auto", "--target", "aws"], "true", "--target aws never runs in CI (CI is set)."),
        (["--auto", "--target", "aws"], "", "--target aws needs the interactive mode"),
        (["--auto", "--user-pool-id", "us-east-1_x"], "", "go with --target aws"),
        (["--auto", "--endpoint", "localhost"], "", "--endpoint needs a URL"),
        (["--auto", "--frobnicate"], "", "unknown option --frobnicate"),
    ],
)
def test_usage_mistakes(emulator_env, args, ci, message):
    env = {**emulator_env, "CI": ci}
    result = run_scenario(*args, env=env, timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("signup_user_with_mfa: ")
    assert message in result.stderr


def test_missing_emulator_is_one_line(emulator_env, tmp_path):
    env = {**emulator_env, "COGNITO_EMULATOR": str(tmp_path / "no-such-emulator")}
    result = run_scenario("--auto", env=env, timeout=30)
    assert result.returncode == 1
    assert "Nothing to remove" in result.stdout
    assert result.stderr == (
        f"signup_user_with_mfa: {tmp_path / 'no-such-emulator'} not found: install the project"
        " (pip install -e .) or set COGNITO_EMULATOR\n"
    )


# What an AWS CLI that ignores AWS_ENDPOINT_URL prints (v2 before 2.13.0 with no network):
# a stand-in, since the tests' own CLIs read the variable.
AWS_CALLING_AWS = """#!/bin/sh
echo >&2
echo 'Could not connect to the endpoint URL: "https://cognito-idp.us-east-1.amazonaws.com/"' >&2
exit 255
"""


def test_an_aws_cli_ignoring_the_endpoint_is_named(emulator, emulator_env, tmp_path):
    (tmp_path / "aws").write_text(AWS_CALLING_AWS)
    (tmp_path / "aws").chmod(0o755)
    env = {**emulator_env, "PATH": f"{tmp_path}:{emulator_env['PATH']}"}
    result = run_scenario("--auto", "--endpoint", emulator.url, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("signup_user_with_mfa: CreateUserPool failed: Could not")
    assert "ignores AWS_ENDPOINT_URL" in result.stderr and "v2 2.13.0 or later" in result.stderr


@pytest.mark.parametrize(("sent", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_cleans_up(emulator, emulator_env, sent, status):
    """Stopped after the app client exists: everything is removed, and the status says why."""
    before = emulator.user_pools()
    process = subprocess.Popen(
        ["bash", str(SCENARIO), "--auto", "--endpoint", emulator.url],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=emulator_env,
        cwd=REPO_ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + 120
    for line in process.stdout:
        seen.append(line)
        if APP_CLIENT.match(line.rstrip("\n")) or time.monotonic() > deadline:
            break
    process.send_signal(sent)
    rest, errors = process.communicate(timeout=120)
    transcript = Transcript("".join(seen) + rest, errors)
    assert process.returncode == status, transcript.out + errors
    transcript.check_steps_in_order(completed=False)  # steps 1..k, then 8: the clean-up
    transcript.check_markers(completed=False)  # the user pool among the removals
    [client_id] = transcript.all(APP_CLIENT)
    assert f"app client {client_id}" in transcript.all(REMOVED)
    assert "Done: " not in transcript.out
    assert errors.startswith("signup_user_with_mfa: ") and len(errors.splitlines()) == 1
    assert emulator.user_pools() == before
