"""cli/scenarios/signup_user_with_mfa.sh --auto, held to scenarios/SPECIFICATION.md.

The runs use the session's emulator through ``--endpoint``; ``nox -s cli`` also runs the
scenario once without it, starting its own emulator.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from typing import Any

import pyotp
import pytest
import zxingcpp
from PIL import Image

from cli.conftest import REPO_ROOT, SCENARIO

HEADER = re.compile(r"^Step (\d) of 8 \[[#.]{8}\]  (.+)$")
CALL = re.compile(r"^  -> ([A-Za-z]+)(?: \(([A-Z_]+)\))?: ")
POOL = re.compile(r"^     User pool ID: (\S+)$")
CLIENT = re.compile(r"^     App client ID: (\S+)$")
CODE = re.compile(r"^The local backend 'e-mailed' the code to its outbox: (\d{6})$")
SETUP_KEY = re.compile(r"^     Setup key: ([A-Z2-7]{4}(?: [A-Z2-7]{1,4})*)$")
TOKEN = re.compile(
    r"^     (IdToken|AccessToken|RefreshToken): (\S{5})\.\.\.(\S{4}) \((\d+) chars\)$"
)
REMOVED = re.compile(r"^  ok Removed (.+)\.$")
LONG_TOKEN_WORD = re.compile(r"[A-Za-z0-9_\-.=+/]{60,}")

STEP_CALLS = {
    1: ["CreateUserPool", "SetUserPoolMfaConfig", "CreateUserPoolClient"],
    2: ["SignUp", "ConfirmSignUp"],
    3: ["ListUsers"],
    4: ["AdminInitiateAuth", "AssociateSoftwareToken"],
    5: ["VerifySoftwareToken", "AdminRespondToAuthChallenge"],
    6: ["AdminInitiateAuth", "AdminRespondToAuthChallenge"],
    7: [],
    8: ["AdminDeleteUser", "DeleteUserPoolClient", "DeleteUserPool"],
}


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


def steps_of(lines: list[str]) -> dict[int, list[str]]:
    """The lines of each step, by step number (in order of appearance)."""
    steps: dict[int, list[str]] = {}
    current = 0
    for line in lines:
        header = HEADER.match(line)
        if header:
            current = int(header.group(1))
            steps[current] = [line]
        elif current:
            steps[current].append(line)
    return steps


def decode_terminal_qr(lines: list[str]) -> str:
    """What a phone reads off the screen: each character is two modules, one above the
    other; a drawn half is light (qrencode draws for light-on-dark terminals)."""
    halves = {"█": (1, 1), "▀": (1, 0), "▄": (0, 1), " ": (0, 0)}
    rows: list[list[int]] = []
    for line in lines:
        rows.append([halves[c][0] for c in line])
        rows.append([halves[c][1] for c in line])
    scale = 8
    image = Image.new("L", (len(rows[0]) * scale, len(rows) * scale))
    for y, row in enumerate(rows):
        for x, light in enumerate(row):
            image.paste(
                255 if light else 0, (x * scale, y * scale, (x + 1) * scale, (y + 1) * scale)
            )
    barcodes = zxingcpp.read_barcodes(image)
    assert len(barcodes) == 1, "the QR code on the screen doesn't decode"
    return str(barcodes[0].text)


def pool_ids(cognito: Any) -> set[str]:
    return {p["Id"] for p in cognito.list_user_pools(MaxResults=60)["UserPools"]}


def test_auto_run_follows_the_specification(emulator, emulator_env, cognito):
    before = pool_ids(cognito)
    result = run_scenario("--auto", "--endpoint", emulator.url, env=emulator_env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()

    headers = [HEADER.match(line) for line in lines if HEADER.match(line)]
    assert [int(h.group(1)) for h in headers] == list(range(1, 9))
    assert headers[6].group(2).endswith(")") and "(skipped: " in headers[6].group(2)
    steps = steps_of(lines)
    for number, calls in STEP_CALLS.items():
        made = [m.group(1) for m in map(CALL.match, steps[number]) if m]
        assert made == calls, f"step {number}: {made}"
    challenges = [m.group(2) for m in map(CALL.match, lines) if m and m.group(2)]
    assert challenges == ["MFA_SETUP", "SOFTWARE_TOKEN_MFA"]

    pool_id = next(m.group(1) for m in map(POOL.match, steps[1]) if m)
    client_id = next(m.group(1) for m in map(CLIENT.match, steps[1]) if m)
    assert any(CODE.match(line) for line in steps[2])
    assert any(SETUP_KEY.match(line) for line in steps[4])
    qr_lines = [line for line in steps[4] if set(line) <= set("█▀▄ ") and line]
    assert 15 <= len(qr_lines) <= 21
    setup_key = next(m.group(1) for m in map(SETUP_KEY.match, steps[4]) if m)
    username = next(
        line.split(": ")[1].split()[0] for line in lines if line.startswith("User name")
    )
    totp = pyotp.parse_uri(decode_terminal_qr(qr_lines))  # the otpauth:// URI of the secret
    assert isinstance(totp, pyotp.TOTP)
    assert (totp.secret, totp.name, totp.issuer) == (
        setup_key.replace(" ", ""),
        username,
        "CognitoMfaScenario",
    )
    tokens = [m for m in map(TOKEN.match, lines) if m]
    assert [t.group(1) for t in tokens] == ["IdToken", "AccessToken", "RefreshToken"] * 2
    assert all(int(t.group(4)) > 100 for t in tokens)

    removed = [m.group(1) for m in map(REMOVED.match, steps[8]) if m]
    assert removed[0].startswith("user cli-")
    assert removed[1:] == [f"app client {client_id}", f"user pool {pool_id}"]
    assert lines[-1].startswith("Done: ")

    assert max(len(line) for line in lines) <= 80
    whole = [w for w in LONG_TOKEN_WORD.findall(result.stdout) if set(w) != {"-"}]
    assert not whole, "a token or session was printed whole"
    assert pool_ids(cognito) == before  # nothing left behind


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


@pytest.mark.parametrize(("sent", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_cleans_up(emulator, emulator_env, cognito, sent, status):
    """Stopped after the pool exists: everything is removed, and the status says why."""
    before = pool_ids(cognito)
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
        if line.startswith("     App client ID: ") or time.monotonic() > deadline:
            break
    process.send_signal(sent)
    rest, errors = process.communicate(timeout=120)
    transcript = "".join(seen) + rest
    assert process.returncode == status, transcript + errors
    assert "Step 8 of 8 [########]  Clean up" in transcript
    assert "  ok Removed user pool " in transcript
    assert "Done: " not in transcript
    assert errors.startswith("signup_user_with_mfa: ") and len(errors.splitlines()) == 1
    assert pool_ids(cognito) == before
