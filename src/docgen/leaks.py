"""Find what must never be published: deny-listed words and strings shaped like AWS keys."""

from __future__ import annotations

import re
from collections.abc import Iterable

from docgen.problems import Kind, Problem, error

# The shapes the upstream collection checks: a 20-character access key id and a
# 40-character secret access key, each bounded by characters that cannot extend it.
_ID_CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_SECRET_CHARS = _ID_CHARS + b"abcdefghijklmnopqrstuvwxyz/+="
_ACCESS_KEY_ID = re.compile(rb"(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9])")
_SECRET_KEY = re.compile(rb"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")
# Scanning byte by byte in Python would be slow: translate every byte outside a shape's
# alphabet to a space, split (both in C), and look at the runs of the right length only.
_KEEP_ID = bytes(c if c in _ID_CHARS else 32 for c in range(256))
_KEEP_SECRET = bytes(c if c in _SECRET_CHARS else 32 for c in range(256))


def _mask(value: str) -> str:
    return value[:4] + "…"


class LeakScanner:
    """Scans file contents; problems accumulate in ``problems``."""

    def __init__(self, allow_list: Iterable[str], deny_list: Iterable[str]) -> None:
        self.allow = frozenset(a.encode() for a in allow_list)
        self.deny = tuple(dict.fromkeys(w.lower().encode() for w in deny_list if w))
        self.problems: list[Problem] = []

    def scan(self, path: str, data: bytes) -> None:
        if self.deny:
            lowered = data.lower()
            for word in self.deny:
                start = lowered.find(word)
                while start != -1:
                    line = data.count(b"\n", 0, start) + 1
                    shown = word.decode(errors="replace")
                    self.problems.append(
                        error(path, line, f"deny-listed word {shown!r}", kind=Kind.DENY_LISTED)
                    )
                    start = lowered.find(word, start + len(word))
        for keep, size, pattern, what in (
            (_KEEP_SECRET, 40, _SECRET_KEY, "secret access key (40 characters)"),
            (_KEEP_ID, 20, _ACCESS_KEY_ID, "access key id (20 characters)"),
        ):
            runs = data.translate(keep).split()
            if not any(len(run) == size and run not in self.allow for run in runs):
                continue
            for match in pattern.finditer(data):
                found = match.group()
                if found in self.allow:
                    continue
                line = data.count(b"\n", 0, match.start()) + 1
                shown = _mask(found.decode(errors="replace"))
                self.problems.append(
                    error(
                        path,
                        line,
                        f"string shaped like an AWS {what}: {shown!r} "
                        "(if it is no secret, add it to allow_list in validation.yaml)",
                        kind=Kind.AWS_KEY,
                    )
                )
