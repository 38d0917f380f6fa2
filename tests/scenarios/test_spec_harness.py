# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The specification harness itself: each check passes a good transcript and fails a broken one.

The good transcript is the Python scenario's ``--auto`` run; each broken one changes it in the
one way a check exists to catch (a port that breaks that promise).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from spec_harness import SpecViolation, Transcript

Check = Callable[[Transcript], None]
CHECKS: dict[str, Check] = {
    "steps": lambda t: t.check_steps_in_order(),
    "calls": lambda t: t.check_calls(),
    "markers": lambda t: t.check_markers(),
    "masking": lambda t: t.check_masking(),
    "width": lambda t: t.check_width(),
    "qr": lambda t: t.check_qr(),
}


@pytest.fixture(scope="module")
def good(emulator: Any) -> str:
    import io

    import signup_user_with_mfa as scenario

    out = io.StringIO()
    assert scenario.run(["--auto", "--endpoint", emulator.url], out=out, err=io.StringIO()) == 0
    return out.getvalue()


def test_a_good_transcript_passes_every_check(good: str) -> None:
    for check in CHECKS.values():
        check(Transcript(good))


def _replace_line(text: str, pattern: str, new: str) -> str:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if re.search(pattern, line))
    lines[index : index + 1] = [new] if new else []
    return "\n".join(lines)


BROKEN: list[tuple[str, Callable[[str], str]]] = [
    ("steps", lambda t: t.replace("Step 3 of 8 [###.....]", "Step 4 of 8 [####....]", 1)),
    ("steps", lambda t: _replace_line(t, r"^Step 6 of 8", "")),
    ("calls", lambda t: _replace_line(t, r"^  -> ListUsers: ", "")),
    ("calls", lambda t: t.replace("  -> VerifySoftwareToken:", "  -> VerifyToken:", 1)),
    ("calls", lambda t: _replace_line(t, r"^  -> DeleteUserPool: ", "")),
    ("markers", lambda t: _replace_line(t, r"^     User pool ID: ", "")),
    ("markers", lambda t: _replace_line(t, r"^     Setup key: ", "     Setup key: abcd efgh")),
    ("markers", lambda t: re.sub(r"(AccessToken: \S{5})\.\.\.", r"\1..", t, count=1)),
    ("markers", lambda t: t.rstrip("\n") + "\nsomething after Done\n"),
    ("markers", lambda t: re.sub(r"  ok Removed user pool .*\n", "", t)),
    ("markers", lambda t: t.replace("  ok Status SUCCESS.", "  !! Cognito refused the code.")),
    ("masking", lambda t: t.replace("Tokens (masked):", "Token: eyJ" + "a" * 70, 1)),
    ("masking", lambda t: t.replace("(--auto)", "Correct-Horse-9! (--auto)", 1)),
    (
        "width",
        lambda t: t.replace("Step 3 of 8 [###.....]  ", "Step 3 of 8 [###.....]  " + "x" * 60),
    ),
    ("qr", lambda t: re.sub(r"(\n(\u2588{20,})\n)", r"\1\2\n\2\n", t, count=1)),
    ("qr", lambda t: re.sub(r"[\u2580\u2584\u2588 ]{30,}\n", "", t)),
]


@pytest.mark.parametrize(("check", "breakage"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_promise_fails_its_check(good: str, check: str, breakage: Any) -> None:
    broken = breakage(good)
    assert broken != good

    with pytest.raises(SpecViolation):
        CHECKS[check](Transcript(broken))


def test_a_lone_long_path_may_be_wider_than_80_columns(good: str) -> None:
    path = "/var/folders/zz/" + "x" * 80 + "/T/cognito-mfa-qr-1234/totp-qr.png"
    Transcript(good + path + "\n").check_width()
    with pytest.raises(SpecViolation):
        Transcript(good + "see " + path + "\n").check_width()


PROMPT = "Code from your authenticator app (Enter: compute it; k: show the key): "


def _up_to_the_key(good: str) -> list[str]:
    """The good transcript's lines through its setup key (the QR code right above it)."""
    lines = good.split("\n")
    return lines[
        : next(i for i, line in enumerate(lines) if line.startswith("     Setup key: ")) + 1
    ]


def test_the_key_qr_and_first_code_prompt_must_fit_on_one_screen(good: str) -> None:
    shown = _up_to_the_key(good)
    qr_top = Transcript(good).qr_blocks()[0]
    assert shown[-len(qr_top) - 1 : -1] == qr_top  # the QR code, then the key
    spare = 24 - len(qr_top) - 2  # rows left for narration between the key and the prompt

    Transcript(good).check_first_code_screen([*shown, *["narration"] * spare, PROMPT])
    with pytest.raises(SpecViolation, match="25 rows"):
        Transcript(good).check_first_code_screen([*shown, *["narration"] * (spare + 1), PROMPT])


def test_a_line_wider_than_the_screen_takes_two_rows(good: str) -> None:
    shown = _up_to_the_key(good)
    spare = 24 - len(Transcript(good).qr_blocks()[0]) - 2
    wide = "x" * 81  # wraps on an 80-column terminal

    narration = ["narration"] * (spare - 1)

    Transcript(good).check_first_code_screen([*shown, *narration, wide[:80], PROMPT])
    with pytest.raises(SpecViolation, match="25 rows"):
        Transcript(good).check_first_code_screen([*shown, *narration, wide, PROMPT])


def test_the_key_above_the_qr_code_counts_from_the_key(good: str) -> None:
    shown = _up_to_the_key(good)
    key, qr = shown[-1], Transcript(good).qr_blocks()[0]
    above = [*shown[: -len(qr) - 1], key, *qr]  # the key first, then the QR code
    spare = 24 - len(qr) - 2

    Transcript(good).check_first_code_screen([*above, *["narration"] * spare, PROMPT])
    with pytest.raises(SpecViolation, match="from the setup key"):
        Transcript(good).check_first_code_screen([*above, *["narration"] * (spare + 1), PROMPT])


def test_no_key_or_no_qr_before_the_first_code_prompt_fails(good: str) -> None:
    shown = _up_to_the_key(good)
    qr = Transcript(good).qr_blocks()[0]
    with pytest.raises(SpecViolation, match="no setup key"):
        Transcript(good).check_first_code_screen([*shown[:-1], PROMPT])
    with pytest.raises(SpecViolation, match="no QR code"):
        Transcript(good).check_first_code_screen([*shown[: -len(qr) - 1], shown[-1], PROMPT])
