""".gitignore rules, read the way git reads them (pathspec's ``GitIgnoreSpec``).

Each ``.gitignore`` applies to the folder it sits in and everything below, its patterns
matched against paths relative to that folder (``/build`` is that folder's ``build`` only;
``*.log`` any file below it). A path is ignored when the rules of any ``.gitignore`` above it
ignore it. Matching is the hot loop of a walk over thousands of files: a ``.gitignore``
is first checked with one regular expression made of all of pathspec's patterns: a path none
of them matches is not ignored; one that some pattern matches, in a ``.gitignore`` with
negated patterns (``!keep.me``), asks pathspec, which knows their order. (A negation in a
deeper ``.gitignore`` does not re-include what an outer one ignores, a rare case git allows.)
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from pathspec import GitIgnoreSpec

NAME = ".gitignore"
_GROUP_NAME = re.compile(r"\(\?P<[^>]+>")

Matcher = Callable[[str], bool]


def _matcher(lines: list[str]) -> Matcher:
    spec = GitIgnoreSpec.from_lines(lines)
    patterns = [p for p in spec.patterns if p.include is not None]
    regexes = [getattr(p, "regex", None) for p in patterns]
    if not all(isinstance(r, re.Pattern) for r in regexes):  # pragma: no cover - other backends
        return spec.match_file
    if not regexes:
        return lambda _path: False
    # pathspec names groups in its regexes; alternatives may not repeat a name.
    combined = re.compile(
        "|".join("(?:" + _GROUP_NAME.sub("(?:", r.pattern) + ")" for r in regexes if r)
    )
    if all(p.include for p in patterns):
        return lambda path: combined.match(path) is not None
    # With negations the order of the patterns decides, which pathspec knows; a path that no
    # pattern matches at all (nearly every path) is not ignored, and is known so at once.
    return lambda path: combined.match(path) is not None and spec.match_file(path)


@dataclass(frozen=True)
class Rules:
    """The ``.gitignore`` rules in force in one folder: ``(folder prefix, matcher)`` pairs,
    outermost first; prefixes are relative to the walk's root and end with ``/``."""

    rules: tuple[tuple[str, Matcher], ...] = ()

    def below(self, folder: str, relative: str) -> Rules:
        """The rules in force in ``folder`` (``relative``: its path from the root, ``""`` or
        ending with ``/``), adding its own ``.gitignore``."""
        path = os.path.join(folder, NAME)
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return self
        return Rules((*self.rules, (relative, _matcher(lines))))

    def ignores(self, relative: str, is_dir: bool) -> bool:
        """Whether the file or folder at ``relative`` (from the root) is ignored."""
        if not self.rules:
            return False
        suffix = "/" if is_dir else ""
        for prefix, match in self.rules:
            if match(relative[len(prefix) :] + suffix):
                return True
        return False
