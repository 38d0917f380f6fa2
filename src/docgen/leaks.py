# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Find what must never be published: deny-listed words and strings shaped like AWS keys."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from docgen.problems import Kind, Problem, error

# An access key id: 20 characters, a prefix that says what the key is (AKIA a long-term key,
# ASIA a temporary one; the other prefixes are unique ids of users, roles, groups, policies...)
# and 16 characters of base 32. Bounded by characters that cannot extend it.
_KEY_ID_PREFIXES = (
    "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "AKIA", "ANPA", "ANVA", "APKA", "AROA", "ASCA", "ASIA"
)  # fmt: skip
_ACCESS_KEY_ID = re.compile(
    rb"(?<![A-Z0-9])(?:" + b"|".join(p.encode() for p in _KEY_ID_PREFIXES) + rb")[A-Z0-9]{16}"
    rb"(?![A-Z0-9])"
)
# A secret access key: 40 random characters of base 64 (A-Z, a-z, 0-9, / and +).
_SECRET_CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+="
_SECRET_KEY = re.compile(rb"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")
# Scanning in Python, or with a regular expression that starts at every byte, would be slow:
# each byte of the alphabet becomes "a", every other a space (bytes.translate, in C), and only
# files holding a run of exactly 40 ("a" * 40 between spaces, found by bytes.find) go on to the
# regular expression. A key id needs one of the prefixes, all of which start with "A": a
# regular expression with that literal start skips ahead in C.
_RUNS = bytes(97 if c in _SECRET_CHARS else 32 for c in range(256))
_RUN_OF_40 = b" " + b"a" * 40 + b" "
_MAYBE_KEY_ID = re.compile(
    rb"A(?:" + b"|".join(p[1:].encode() for p in _KEY_ID_PREFIXES) + rb")[A-Z0-9]{16}"
)
# Random text has high Shannon entropy: 16 random characters of base 32 have at least 2.5 bits
# a character, 40 of base 64 at least 4.3 (each in more than 99.9 % of 100,000 draws), and
# nearly all mix upper case, lower case and digits. Identifiers, paths ("src/main/java/com/
# example/s3/ListBuckets"), commit ids (hexadecimal) and placeholders (AKIAXXXXXXXXXXXXXXXX)
# have less: they are not reported.
MIN_ID_ENTROPY = 2.5
MIN_SECRET_ENTROPY = 4.3


def entropy(text: bytes) -> float:
    """Shannon entropy of ``text``, in bits a character."""
    size = len(text)
    return -sum(n / size * math.log2(n / size) for n in Counter(text).values())


def _random_secret(found: bytes) -> bool:
    return (
        any(65 <= c <= 90 for c in found)
        and any(97 <= c <= 122 for c in found)
        and any(48 <= c <= 57 for c in found)
        and entropy(found) >= MIN_SECRET_ENTROPY
    )


def _random_key_id(found: bytes) -> bool:
    return entropy(found[4:]) >= MIN_ID_ENTROPY


def _mask(value: str) -> str:
    return value[:4] + "…"


class LeakScanner:
    """Scans file contents (one file at a time; a worker process may scan with a copy)."""

    def __init__(self, allow_list: Iterable[str], deny_list: Iterable[str]) -> None:
        self.allow = frozenset(a.encode() for a in allow_list)
        self.deny = tuple(dict.fromkeys(w.lower().encode() for w in deny_list if w))

    def scan(self, path: str, data: bytes) -> list[Problem]:
        """The problems of one file's contents: deny-listed words, strings shaped like keys."""
        problems: list[Problem] = []
        if self.deny:
            lowered = data.lower()
            for word in self.deny:
                start = lowered.find(word)
                while start != -1:
                    line = data.count(b"\n", 0, start) + 1
                    shown = word.decode(errors="replace")
                    problems.append(
                        error(path, line, f"deny-listed word {shown!r}", kind=Kind.DENY_LISTED)
                    )
                    start = lowered.find(word, start + len(word))
        candidates = []
        if _MAYBE_KEY_ID.search(data):
            candidates.append((_ACCESS_KEY_ID, _random_key_id, "access key id (20 characters)"))
        if (b" " + data.translate(_RUNS) + b" ").find(_RUN_OF_40) != -1:
            candidates.append((_SECRET_KEY, _random_secret, "secret access key (40 characters)"))
        for pattern, is_random, what in candidates:
            for match in pattern.finditer(data):
                found = match.group()
                if found in self.allow or not is_random(found):
                    continue
                line = data.count(b"\n", 0, match.start()) + 1
                shown = _mask(found.decode(errors="replace"))
                problems.append(
                    error(
                        path,
                        line,
                        f"string shaped like an AWS {what}: {shown!r} "
                        "(if it is no secret, add it to allow_list in validation.yaml)",
                        kind=Kind.AWS_KEY,
                    )
                )
        return problems
