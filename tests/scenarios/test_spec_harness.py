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


def test_the_first_code_screen_must_show_the_top_of_the_qr(good: str) -> None:
    lines = good.split("\n")
    key = next(i for i, line in enumerate(lines) if line.startswith("     Setup key: "))
    prompt = "Code from your authenticator app (Enter: compute it; k: show the key): "
    fits = [*lines[key - 23 : key + 1], prompt]
    Transcript(good).check_first_code_screen(fits)
    cut = [*lines[key - 21 : key + 1], "one more line", "and another", prompt]
    with pytest.raises(SpecViolation):
        Transcript(good).check_first_code_screen(cut[-24:])
