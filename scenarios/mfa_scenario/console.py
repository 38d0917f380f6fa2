"""What the reader sees: numbered steps, the API call about to be made and why, masked secrets.

Tokens and sessions are never printed whole: :func:`mask` keeps a few characters at each end,
enough to tell two tokens apart.
"""

from __future__ import annotations

import textwrap
from typing import TextIO

WIDTH = 78


def mask(value: str | None) -> str:
    """``eyJra...Q3xw (1071 chars)``: enough to recognise a token, never the token itself."""
    if not value:
        return "(none)"
    if len(value) < 16:
        return f"**** ({len(value)} chars)"
    return f"{value[:5]}...{value[-4:]} ({len(value)} chars)"


class Console:
    """Writes the scenario's narration to ``out``."""

    def __init__(self, out: TextIO, total_steps: int) -> None:
        self.out = out
        self.total_steps = total_steps

    def write(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def step(self, number: int, title: str) -> None:
        """A separator and the step's number, progress and title."""
        done = "#" * number + "." * (self.total_steps - number)
        self.write()
        self.write("-" * WIDTH)
        self.write(f"Step {number} of {self.total_steps} [{done}]  {title}")
        self.write("-" * WIDTH)

    def _wrapped(self, text: str, indent: str = "") -> None:
        self.write(
            textwrap.fill(
                text,
                WIDTH,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )

    def say(self, text: str) -> None:
        """A sentence of explanation, wrapped."""
        self._wrapped(text)

    def call(self, operation: str, why: str) -> None:
        """The Cognito operation about to be called, and one sentence on why."""
        self._wrapped(f"  -> {operation}: {why}", indent="     ")

    def ok(self, text: str) -> None:
        self._wrapped(f"  ok {text}", indent="     ")

    def show(self, label: str, value: str) -> None:
        self.write(f"     {label}: {value}")

    def problem(self, text: str) -> None:
        """A mistake the user can fix (the scenario asks again), or why it stops."""
        self._wrapped(f"  !! {text}", indent="     ")
