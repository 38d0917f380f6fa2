# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Command line, targets and the script itself: --target aws (on the emulator), tty, --auto."""

from __future__ import annotations

import io
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import signup_user_with_mfa as scenario
from cognito_users import TEST_PASSWORD
from mfa_scenario.targets import local_client
from mfa_scenario.totp_setup import remove_qr_png
from scripted_user import ScriptedUser

from cognito_emulator import latest_code

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scenarios" / "signup_user_with_mfa.py"


@pytest.fixture
def aws_is_the_emulator(emulator: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """--target aws, with 'the account' played by the emulator (codes come by 'e-mail')."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(scenario, "aws_client", lambda: local_client(emulator.url))


def emailed_code(emulator: Any, username: str) -> Any:
    def read_the_email(user: ScriptedUser) -> str:
        code = latest_code(emulator.outbox, username)
        assert code is not None
        return code

    return read_the_email


@pytest.fixture
def mfa_pool_with_secret(cognito: Any, unique_name: str) -> Iterator[tuple[str, str]]:
    """An existing pool set up for the scenario, and an app client with a secret."""
    pool_id = cognito.create_user_pool(
        PoolName=f"existing-{unique_name}",
        AutoVerifiedAttributes=["email"],
        DeviceConfiguration={"ChallengeRequiredOnNewDevice": True},
    )["UserPool"]["Id"]
    cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="ON", SoftwareTokenMfaConfiguration={"Enabled": True}
    )
    client_id = cognito.create_user_pool_client(
        UserPoolId=pool_id,
        ClientName="with-secret",
        GenerateSecret=True,
        ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]["ClientId"]
    yield pool_id, client_id
    cognito.delete_user_pool(UserPoolId=pool_id)


@pytest.mark.usefixtures("aws_is_the_emulator", "nothing_left")
def test_aws_says_what_it_creates_asks_first_and_deletes_it(play: Any, emulator: Any) -> None:
    result = play(
        ["--target", "aws"],
        answers={
            "User name": ["aws-ana"],
            "[y/N]": ["y"],
            "Confirmation code": [emailed_code(emulator, "aws-ana")],
        },
    )

    assert result.status == 0, result.err
    assert "may charge" in result.out and "deletes both at the end" in result.out
    assert "Look for the e-mail from Cognito" in result.out
    assert "ok Removed user pool" in result.out


@pytest.mark.usefixtures("aws_is_the_emulator", "nothing_left")
def test_aws_creates_nothing_when_the_user_declines(play: Any) -> None:
    result = play(["--target", "aws"], answers={"[y/N]": ["n"]})

    assert result.status == 1
    assert "nothing created" in result.err
    assert "Nothing to remove" in result.out


@pytest.mark.usefixtures("aws_is_the_emulator")
def test_aws_with_a_given_pool_and_a_client_secret(
    play: Any, emulator: Any, cognito: Any, mfa_pool_with_secret: tuple[str, str]
) -> None:
    pool_id, client_id = mfa_pool_with_secret

    result = play(
        ["--target", "aws", "--user-pool-id", pool_id, "--client-id", client_id],
        answers={
            "User name": ["given-ana"],
            "Confirmation code": [emailed_code(emulator, "given-ana")],
        },
    )

    assert result.status == 0, result.err
    assert "(with a secret: calls carry a SECRET_HASH)" in result.out
    assert "ok Removed user given-ana" in result.out
    assert "Removed user pool" not in result.out  # not the scenario's to delete
    assert cognito.list_users(UserPoolId=pool_id)["Users"] == []


@pytest.mark.usefixtures("aws_is_the_emulator")
def test_aws_with_a_given_pool_checks_that_pools_password_policy(
    play: Any, emulator: Any, cognito: Any, mfa_pool_with_secret: tuple[str, str]
) -> None:
    pool_id, client_id = mfa_pool_with_secret
    cognito.update_user_pool(
        UserPoolId=pool_id,
        Policies={"PasswordPolicy": {"MinimumLength": 20, "RequireSymbols": False}},
        AutoVerifiedAttributes=["email"],
        MfaConfiguration="ON",
        DeviceConfiguration={"ChallengeRequiredOnNewDevice": True},  # what isn't given is reset
    )

    result = play(
        ["--target", "aws", "--user-pool-id", pool_id, "--client-id", client_id],
        answers={
            "User name": ["strict-ana"],
            "Password": [TEST_PASSWORD, "Long-enough-password-42"],
            "Confirmation code": [emailed_code(emulator, "strict-ana")],
        },
    )

    assert result.status == 0, result.err
    flat = " ".join(result.out.split())
    assert "The pool's password policy: at least 20 characters, with an upper-case" in flat
    assert "refuses this password: it needs at least 20 characters (this one has 16)" in flat


@pytest.mark.usefixtures("aws_is_the_emulator")
def test_aws_refuses_a_pool_without_totp_mfa(play: Any, user_pool: str, app_client: str) -> None:
    result = play(["--target", "aws", "--user-pool-id", user_pool, "--client-id", app_client])

    assert result.status == 1
    assert result.err == (
        f"signup_user_with_mfa: user pool {user_pool} must require MFA (ON) with software tokens\n"
    )


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["--target", "aws", "--auto"], {}, "--auto runs only on --target local"),
        (["--target", "aws"], {"CI": "true"}, "--target aws never runs in CI"),
    ],
)
def test_refusals_are_one_line(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], env: dict[str, str], message: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    err = io.StringIO()

    status = scenario.run(argv, out=io.StringIO(), err=err, ask=lambda prompt: "")

    assert status == 2
    assert err.getvalue().count("\n") == 1 and message in err.getvalue()


def test_pool_and_client_ids_go_together() -> None:
    with pytest.raises(SystemExit) as exit_info:
        scenario.parse_args(["--target", "aws", "--user-pool-id", "us-east-1_x"])
    assert exit_info.value.code == 2


def script_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "CI"}
    env.update(extra)
    return env


def run_script(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a command as a reader would, from the repository root, without a terminal."""
    return subprocess.run(
        argv,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
        check=False,
    )


def test_without_a_terminal_it_names_the_command_that_works(tmp_path: Path) -> None:
    proc = run_script([sys.executable, str(SCRIPT), "--keep"], script_env(tmp_path))

    assert proc.returncode == 2
    assert proc.stdout == ""
    said, command = proc.stderr.rstrip("\n").split("; run: ")
    assert said == "stdin is not a terminal" and "\n" not in command
    rerun = run_script(shlex.split(command), script_env(tmp_path))  # it works, from there
    assert rerun.returncode == 0, rerun.stderr
    assert "Kept (--keep)" in rerun.stdout  # the options given, plus --auto
    remove_qr_png(Path(rerun.stdout.split("Kept (--keep):\n")[1].split()[0]))


def test_without_a_terminal_under_nox_it_names_the_nox_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NOX_CURRENT_SESSION", "scenario")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    err = io.StringIO()

    status = scenario.run([], out=io.StringIO(), err=err)

    assert status == 2
    assert err.getvalue() == "stdin is not a terminal; run: nox -s scenario -- --auto\n"


def test_auto_from_the_command_line_ignores_the_machines_aws_profile(tmp_path: Path) -> None:
    """A real-looking profile, region and endpoint are configured: the local run ignores them."""
    config = tmp_path / "config"
    config.write_text("[profile dev]\nregion = eu-west-3\n", encoding="utf-8")
    credentials = tmp_path / "credentials"
    credentials.write_text(
        "[dev]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = example\n",
        encoding="utf-8",
    )
    env = script_env(
        tmp_path,
        AWS_PROFILE="dev",
        AWS_CONFIG_FILE=str(config),
        AWS_SHARED_CREDENTIALS_FILE=str(credentials),
        AWS_ENDPOINT_URL="http://127.0.0.1:9",  # nothing listens there
        AWS_EC2_METADATA_DISABLED="true",
    )
    proc = run_script([sys.executable, str(SCRIPT), "--auto"], env)

    assert proc.returncode == 0, proc.stderr + proc.stdout[-2000:]
    assert proc.stderr == ""
    assert "Done:" in proc.stdout
    assert "ok Removed the local backend (stopped) and its outbox folder." in proc.stdout
    # It ran on its own loopback backend, not the configured endpoint, in no profile's Region.
    backend = re.search(r"Local Cognito backend at (http://\S+);", proc.stdout)
    assert backend is not None
    url = urlparse(backend.group(1))
    assert url.hostname == "127.0.0.1" and url.port not in (None, 9)
    assert "eu-west-3" not in proc.stdout
    assert "AKIAEXAMPLE" not in proc.stdout
