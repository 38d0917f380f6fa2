# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""A port of the guided MFA scenario keeps scenarios/SPECIFICATION.md (the Python one by default).

    pytest tests/scenarios/test_spec.py --port-command "node javascript/scenarios/x.js" \\
        --port-modes auto,interactive

Each test runs the port as a subprocess against one ``cognito-emulator`` started for the test
worker (see ``spec_harness.py`` and ``tests/scenarios/README.md``).
"""

from __future__ import annotations

import shlex
import sys
import uuid
from collections.abc import Iterator

import pytest
from spec_harness import CLEAN_UP, DONE, Emulator, PortRunner, Run, SpecViolation, Stop

DEFAULT_PORT = [sys.executable, "scenarios/signup_user_with_mfa.py"]
MODES = ("auto", "interactive")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "mode" in metafunc.fixturenames:
        modes = [m for m in MODES if m in port_modes(metafunc.config)]
        marks = {"interactive": [pytest.mark.skipif(sys.platform == "win32", reason="no pty")]}
        metafunc.parametrize("mode", [pytest.param(m, marks=marks.get(m, [])) for m in modes])


def port_modes(config: pytest.Config) -> list[str]:
    modes = str(config.getoption("--port-modes")).split(",")
    unknown = set(modes) - set(MODES)
    if unknown:
        raise pytest.UsageError(f"--port-modes: unknown {sorted(unknown)}; use {','.join(MODES)}")
    return modes


@pytest.fixture(scope="session")
def spec_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """One cognito-emulator process for this worker's spec runs."""
    if request.config.getoption("--aws"):
        pytest.skip("the specification runs on the local emulator only")
    emulator = Emulator.start()
    yield emulator
    emulator.stop()


@pytest.fixture
def port(request: pytest.FixtureRequest, spec_emulator: Emulator) -> Iterator[PortRunner]:
    """The port under test; the test fails if a run left a user pool behind."""
    command = request.config.getoption("--port-command")
    runner = PortRunner(
        shlex.split(command) if command else DEFAULT_PORT,
        spec_emulator,
        timeout=float(request.config.getoption("--port-timeout")),
    )
    before = spec_emulator.user_pools()
    yield runner
    left = spec_emulator.user_pools() - before
    if left:
        raise SpecViolation(f"user pools left behind: {sorted(left)} (section 5)")


def run(port: PortRunner, mode: str, stop: Stop | None = None) -> Run:
    if mode == "auto":
        return port.run_auto(stop)
    return port.run_interactive(stop)


def test_a_whole_run(port: PortRunner, mode: str) -> None:
    result = run(port, mode)

    transcript = result.transcript
    if result.status != 0:
        raise transcript.fail("a whole run exits 0")
    transcript.check_steps_in_order()
    transcript.check_calls()
    transcript.check_markers()
    transcript.check_masking(result.password)
    transcript.check_width()
    transcript.check_qr()
    if mode == "interactive":
        transcript.check_first_code_screen(result.shown_at_first_code)


@pytest.mark.parametrize(("action", "status"), [("sigint", 130), ("sigterm", 143)])
def test_a_signal_mid_run_cleans_up(port: PortRunner, mode: str, action: str, status: int) -> None:
    result = run(port, mode, Stop(action))

    transcript = result.transcript
    if result.status != status:
        raise transcript.fail(f"{action} mid-run exits {status}")
    transcript.check_steps_in_order(completed=False)
    transcript.check_markers(completed=False)
    transcript.check_masking(result.password)
    transcript.check_width()
    check_one_line_why(result)


@pytest.mark.parametrize(("action", "status"), [("sigint", 130), ("sigterm", 143)])
def test_a_signal_during_the_clean_up_neither_cuts_it_short_nor_reads_as_success(
    port: PortRunner, mode: str, action: str, status: int
) -> None:
    """Every step done, then a signal while step 8 removes what the run made: the removals
    still all happen (the fixture checks no pool is left), and the run ends 130 or 143, not
    0 with ``Done:`` (section 7)."""
    result = run(port, mode, Stop(action, at=CLEAN_UP))

    transcript = result.transcript
    if result.status != status:
        raise transcript.fail(f"{action} during the clean-up exits {status}")
    transcript.check_steps_in_order()
    transcript.check_calls()  # step 8: every removal, the signal notwithstanding
    if any(DONE.match(line) for line in transcript.lines):
        raise transcript.fail("a run stopped by a signal does not say 'Done:'")
    check_one_line_why(result)


def check_one_line_why(result: Run) -> None:
    """Stopped: one line on stderr says why (interactive: the screen's last line)."""
    lines = (result.err if result.mode == "auto" else result.out).strip().splitlines()
    if result.mode == "auto" and len(lines) != 1:
        raise result.transcript.fail("one line on stderr says why it stopped")
    if not lines or lines[-1].startswith(" "):
        raise result.transcript.fail("the last line says why it stopped")


LONG_USER_NAME = "spec-" + "long-user-name-" * 6 + "{}"  # 100 characters (Cognito: 128)


def test_a_long_user_name_keeps_the_qr_code_on_one_screen(
    port: PortRunner, request: pytest.FixtureRequest
) -> None:
    """A person may choose a long user name: the QR code still has at most 21 lines, reads as
    the key shown, and fits on one screen with the key and the first code prompt."""
    if "interactive" not in port_modes(request.config):
        pytest.skip("an --auto port chooses its own user names")
    name = LONG_USER_NAME.format(uuid.uuid4().hex[:5])
    assert len(name) == 100
    answers = {"User name": name, "E-mail": "spec@example.com"}
    result = port.run_interactive(answer=lambda key, screen: answers.get(key))

    transcript = result.transcript
    if result.status != 0:
        raise transcript.fail(f"a run with a {len(name)}-character user name exits 0")
    transcript.check_qr()  # (lines holding the name, echoed or shown, may be wider: it is long)
    transcript.check_first_code_screen(result.shown_at_first_code)


def test_end_of_input_mid_run_exits_1(port: PortRunner, request: pytest.FixtureRequest) -> None:
    if "interactive" not in port_modes(request.config):
        pytest.skip("an --auto port reads no input")
    result = port.run_interactive(Stop("eof", at="Confirmation code"))

    transcript = result.transcript
    if result.status != 1:
        raise transcript.fail("end of input mid-run exits 1")
    transcript.check_steps_in_order(completed=False)
    transcript.check_markers(completed=False)
    check_one_line_why(result)


@pytest.mark.parametrize(
    ("args", "env", "why"),
    [
        (["--no-such-option"], {}, "an unknown option"),
        ([], {}, "no terminal and no --auto"),
        (["--auto", "--target", "aws"], {}, "--auto on AWS"),
        (["--target", "aws"], {"CI": "true"}, "AWS in CI"),
    ],
    ids=["unknown-option", "no-terminal", "auto-on-aws", "aws-in-ci"],
)
def test_usage_errors_exit_2(
    port: PortRunner, args: list[str], env: dict[str, str], why: str
) -> None:
    result = port.run_plain(args, env=port.env(**env))

    if result.status != 2:
        raise result.transcript.fail(f"{why} is a usage error: exit 2")
    if why == "no terminal and no --auto" and (
        len(result.err.strip().splitlines()) != 1 or "--auto" not in result.err
    ):
        raise result.transcript.fail("without a terminal, one line naming the --auto command")


def test_help_exits_0(port: PortRunner) -> None:
    result = port.run_plain(["--help"])

    if result.status != 0 or "--auto" not in result.out:
        raise result.transcript.fail("--help prints the usage (with --auto) and exits 0")
