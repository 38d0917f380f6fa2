# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What every script of cli/actions/ promises: --help, its snippet, one-line usage errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli.conftest import ACTIONS_DIR, REPO_ROOT
from cli.output_shape import output_shape

SCRIPTS = sorted(ACTIONS_DIR.glob("*.sh"))


def action_name(script) -> str:
    """``admin-get-user.sh`` -> ``AdminGetUser``."""
    return "".join(part.capitalize() for part in script.stem.split("-"))


def run_bare(script, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a script with nothing but PATH in its environment (no AWS configuration)."""
    return subprocess.run(
        ["bash", str(script), *args],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO_ROOT,
        env={"PATH": os.environ["PATH"]},
        check=False,
    )


def test_at_least_ten_scripts():
    assert len(SCRIPTS) >= 10


def test_the_scripts_run_on_the_aws_cli_under_test(emulator_env):
    """The `aws` the scripts find is the one this run tests: the session's (v1) or the one
    TEST_AWS_CLI names (the machine's v2: nox -s cli runs the suite on both)."""
    under_test = os.environ.get("TEST_AWS_CLI") or str(Path(sys.executable).with_name("aws"))

    def version(command: str, env: dict[str, str] | None) -> str:
        found = subprocess.run([command, "--version"], env=env, capture_output=True, text=True)
        return (found.stdout + found.stderr).split()[0]  # aws-cli/2.9.19

    assert version("aws", emulator_env) == version(under_test, None)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_help(script):
    result = run_bare(script, "--help")  # --help needs no AWS configuration
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{action_name(script)}: ")
    assert f"  cli/actions/{script.name} " in result.stdout  # the usage line
    assert "Output" in result.stdout and "Errors" in result.stdout
    assert max(len(line) for line in lines) <= 100


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_snippet_calls_its_action(script):
    text = script.read_text()
    action = action_name(script)
    # the action names below match the model's spelling (checked so a typo can't slip by)
    output_shape(action)
    tag = re.escape(f"cli.cognito-idp.{action}")
    snippet = re.search(
        rf"^# snippet-start:\[{tag}\]\n(.*?)^# snippet-end:\[{tag}\]$", text, re.S | re.M
    )
    assert snippet, f"{script.name} has no cli.cognito-idp.{action} snippet"
    assert f"aws cognito-idp {script.stem} " in snippet.group(1)
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "\nset -euo pipefail\n" in text
    assert os.access(script, os.X_OK), f"{script.name} is not executable"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_unknown_option_is_one_line(script):
    result = run_bare(script, "--no-such-option")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"{script.name}: unknown option --no-such-option (see --help)\n"


def test_missing_required_option(run_script):
    result = run_script("admin-get-user", "--user-pool-id", "us-east-1_example")
    assert result.returncode == 2
    assert result.stderr == "admin-get-user.sh: missing --username (see --help)\n"


def test_option_without_value(run_script):
    result = run_script("list-users", "--user-pool-id")
    assert result.returncode == 2
    assert result.stderr == "list-users.sh: --user-pool-id needs a value (see --help)\n"


def test_unconfigured_cli_is_explained(tmp_path):
    """No Region and no credentials: the CLI's own complaint, with what the script tried."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    result = subprocess.run(
        ["bash", str(ACTIONS_DIR / "list-users.sh"), "--user-pool-id", "us-east-1_example"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        env=env,
        check=False,
    )
    assert result.returncode not in (0, 2)
    assert result.stdout == ""
    assert "Couldn't list the users of us-east-1_example. Here's why:" in result.stderr
    assert "You must specify a region" in result.stderr
