"""Find what must never be published: deny-listed words and strings shaped like AWS keys."""

from __future__ import annotations

import re
from collections.abc import Iterable

from docgen.problems import Problem, error

# The shapes the upstream collection checks: a 20-character access key id and a
# 40-character secret access key, each bounded by characters that cannot extend it.
_ACCESS_KEY_ID = re.compile(rb"(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9])")
_SECRET_KEY = re.compile(rb"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")


def _mask(value: str) -> str:
    return value[:4] + "…"


class LeakScanner:
    """Scans file contents; problems accumulate in ``problems``."""

    def __init__(self, allow_list: Iterable[str], deny_list: Iterable[str]) -> None:
        self.allow = frozenset(a.encode() for a in allow_list)
        words = [w for w in deny_list if w]
        self.deny = (
            re.compile(b"|".join(re.escape(w.encode()) for w in words), re.IGNORECASE)
            if words
            else None
        )
        self.problems: list[Problem] = []

    def scan(self, path: str, data: bytes) -> None:
        problems = self.problems
        if self.deny is not None:
            for match in self.deny.finditer(data):
                line = data.count(b"\n", 0, match.start()) + 1
                word = match.group().decode(errors="replace")
                problems.append(error(path, line, f"deny-listed word {word!r}"))
        for pattern, what in (
            (_SECRET_KEY, "secret access key (40 characters)"),
            (_ACCESS_KEY_ID, "access key id (20 characters)"),
        ):
            for match in pattern.finditer(data):
                found = match.group()
                if found in self.allow:
                    continue
                line = data.count(b"\n", 0, match.start()) + 1
                shown = _mask(found.decode(errors="replace"))
                problems.append(
                    error(
                        path,
                        line,
                        f"string shaped like an AWS {what}: {shown!r} "
                        "(if it is no secret, add it to allow_list in validation.yaml)",
                    )
                )
