"""Problems: what every stage reports instead of raising."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as ``path:line: severity: message``.

    ``line`` is 1-based; 0 means "the file as a whole".
    """

    path: str
    line: int
    severity: Severity
    message: str

    def format(self, relative_to: str | None = None) -> str:
        path = self.path
        if relative_to is not None:
            path = display_path(path, relative_to)
        return f"{path}:{self.line}: {self.severity}: {self.message}"


def error(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, "error", message)


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, "warning", message)


def display_path(path: str, base: str) -> str:
    """``path`` relative to ``base`` when it lies below it, otherwise unchanged."""
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
