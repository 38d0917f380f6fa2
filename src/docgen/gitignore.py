""".gitignore rules, read the way git reads them (pathspec's ``GitIgnoreSpec``).

Each ``.gitignore`` applies to the folder it sits in and everything below, its patterns
matched against paths relative to that folder (``/build`` is that folder's ``build`` only;
``*.log`` any file below it). A path is ignored when the rules of any ``.gitignore`` above it
ignore it. Matching is the hot loop of a walk over thousands of files: the rules of a
``.gitignore`` asked often are first checked with one regular expression made of all of
pathspec's patterns: a path none of them matches is not ignored; one that some pattern
matches, in a ``.gitignore`` with negated patterns (``!keep.me``), asks pathspec, which
knows their order. (A negation in a
deeper ``.gitignore`` does not re-include what an outer one ignores, a rare case git allows.)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from pathspec import GitIgnoreSpec

NAME = ".gitignore"
_GROUP_NAME = re.compile(r"\(\?P<[^>]+>")


class _Matcher:
    """The rules of one ``.gitignore``: which paths (relative to its folder) they ignore."""

    def __init__(self, text: str) -> None:
        self.spec = GitIgnoreSpec.from_lines(text.splitlines())
        patterns = [p for p in self.spec.patterns if p.include is not None]
        regexes = [getattr(p, "regex", None) for p in patterns]
        self.negated = any(not p.include for p in patterns)
        self.lines: re.Pattern[str] | None = None
        if regexes and all(isinstance(r, re.Pattern) for r in regexes):
            # One regular expression of every pattern, each line of a text a path: pathspec's
            # regexes are anchored (^), so a match starts where some pattern matches a path.
            # (pathspec names groups; alternatives may not repeat a name.)
            # One leading ^ makes the search skip the middle of lines at once.
            self.lines = re.compile(
                "^(?:"
                + "|".join(
                    "(?:" + _GROUP_NAME.sub("(?:", r.pattern.removeprefix("^")) + ")"
                    for r in regexes
                    if isinstance(r, re.Pattern)
                )
                + ")",
                re.MULTILINE,
            )
        self.any = bool(patterns)

    def which(self, paths: list[str]) -> list[int]:
        """The indexes of the ignored ``paths``."""
        if not self.any or not paths:
            return []
        if self.lines is None or any("\n" in path for path in paths):
            return [i for i, path in enumerate(paths) if self.spec.match_file(path)]
        text = "\n".join(paths)
        starts = {}
        offset = 0
        for i, path in enumerate(paths):
            starts[offset] = i
            offset += len(path) + 1
        matched = [starts[m.start()] for m in self.lines.finditer(text) if m.start() in starts]
        if not self.negated:
            return matched
        # With negations the order of the patterns decides, which pathspec knows.
        return [i for i in matched if self.spec.match_file(paths[i])]


@lru_cache(maxsize=256)
def _matcher(text: str) -> _Matcher:
    """The rules of a ``.gitignore`` text (many folders hold the same one)."""
    return _Matcher(text)


@dataclass(frozen=True)
class Rules:
    """The ``.gitignore`` rules in force in one folder: ``(folder prefix, matcher)`` pairs,
    outermost first; prefixes are relative to the walk's root and end with ``/``."""

    rules: tuple[tuple[str, _Matcher], ...] = ()

    def below(self, folder: str, relative: str) -> Rules:
        """The rules in force in ``folder`` (``relative``: its path from the root, ``""`` or
        ending with ``/``), adding its own ``.gitignore``."""
        path = os.path.join(folder, NAME)
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            return self
        return Rules((*self.rules, (relative, _matcher(text))))

    def ignored(self, relative: str, names: list[str], is_dir: bool) -> set[str]:
        """Which of ``names`` (files, or folders with ``is_dir``) in the folder at ``relative``
        (from the root, ``""`` or ending with ``/``) are ignored."""
        found: set[str] = set()
        if not self.rules or not names:
            return found
        suffix = "/" if is_dir else ""
        for prefix, matcher in self.rules:
            base = relative[len(prefix) :]
            for i in matcher.which([base + name + suffix for name in names]):
                found.add(names[i])
        return found
