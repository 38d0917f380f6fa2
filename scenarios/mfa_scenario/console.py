# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What the reader sees: numbered steps, the API call about to be made and why, masked secrets.

Tokens and sessions are never printed whole: :func:`mask` keeps a few characters at each end,
enough to tell two tokens apart. No line is wider than :data:`COLUMNS` (an 80x24 terminal):
text wraps between words, a word longer than a line (a 128-character user name) is cut, and a
file path stands alone on its own line, whole, so that it can be copied.
"""

from __future__ import annotations

import textwrap
from typing import TextIO

WIDTH = 78
"""Narration wraps here."""
COLUMNS = 80
"""No line is wider (but a file path longer than that, alone on its line)."""


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

    def _wrapped(self, text: str, indent: str = "", width: int = WIDTH) -> None:
        self.write(
            textwrap.fill(
                text,
                width,
                subsequent_indent=indent,
                break_long_words=True,  # only words longer than a whole line
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
        """``     label: value`` on one line (wrapped only past :data:`COLUMNS`)."""
        self._wrapped(f"     {label}: {value}", indent="       ", width=COLUMNS)

    def row(self, *cells: str) -> None:
        """An indented row of a listing (users, devices), wrapped between cells."""
        self._wrapped("     " + "  ".join(cells), indent="       ", width=COLUMNS)

    def path(self, label: str, path: str) -> None:
        """``     label:`` then the path alone on the next line, whole, ready to copy."""
        self.write(f"     {label}:")
        self.write(f"       {path}" if len(path) + 7 <= COLUMNS else path)

    def problem(self, text: str) -> None:
        """A mistake the user can fix (the scenario asks again), or why it stops."""
        self._wrapped(f"  !! {text}", indent="     ")
