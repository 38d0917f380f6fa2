# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
""".gitignore rules, read the way git reads them (pathspec's ``GitIgnoreSpec``).

Each ``.gitignore`` applies to the folder it sits in and everything below, its patterns
matched against paths relative to that folder (``/build`` is that folder's ``build`` only;
``*.log`` any file below it). A path is ignored when the rules of any ``.gitignore`` above it
ignore it. Matching is the hot loop of a walk over thousands of files: all the entries of a
folder are checked at once against one regular expression made of pathspec's patterns
(``_Matcher``); an entry some pattern matches, in a ``.gitignore`` with negated patterns
(``!keep.me``), asks pathspec, which knows their order. (A negation in a deeper
``.gitignore`` does not re-include what an outer one ignores, a rare case git allows.)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pathspec import GitIgnoreSpec
from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

NAME = ".gitignore"
_GROUP_NAME = re.compile(r"\(\?P<[^>]+>")


_ANYWHERE = "^(?:.+/)?"  # how pathspec starts a pattern that matches in any folder
_DIR_MARKS = ("(?:(?P<ps_d>/)|$)", "(?P<ps_d>/)")  # how it ends one (folders: a "/")


def _last_component(pattern: str) -> str | None:
    """``pattern`` without its ``^(?:.+/)?`` when what is left matches one path component
    (``*.swp``, ``node_modules``), else None (``/build``, ``src/**/gen``)."""
    if not pattern.startswith(_ANYWHERE):
        return None
    rest = pattern[len(_ANYWHERE) :]
    body = rest
    for mark in _DIR_MARKS:
        body = body.removesuffix(mark)
    return rest if "/" not in body.replace("[^/]", "") else None


def _combined(patterns: list[str]) -> re.Pattern[str] | None:
    """One regular expression of ``patterns`` for a text of one path a line: each path
    matched by some pattern gives a match at its line's start. (pathspec names groups, which
    alternatives may not repeat; one leading ^ skips the middle of lines at once; no class
    may match the newline between paths.)"""
    if not patterns:
        return None
    alternatives = "|".join(
        "(?:" + _GROUP_NAME.sub("(?:", p.removeprefix("^")).replace("[^", "[^\\n") + ")"
        for p in patterns
    )
    return re.compile(f"^(?:{alternatives})", re.MULTILINE)


class _Matcher:
    """The rules of one ``.gitignore``: which paths (relative to its folder) they ignore.

    A walk asks about the entries of a folder whose own folders are not ignored: a pattern
    that matches in any folder (``*.swp``) can only match an entry's own name, so it is
    checked on the names; the others on the paths. Each set is checked with one regular
    expression over all the entries of a folder (a C loop, not a Python one)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        # Each line's regular expression as text (pathspec's own translation), compiled only
        # once, combined below: compiling one per line costs more than the walk they serve.
        converted = [GitIgnoreSpecPattern.pattern_to_regex(line) for line in self.lines]
        rules = [(regex, include) for regex, include in converted if include is not None]
        self.negated = any(not include for _, include in rules)
        self.any = bool(rules)
        sources = [regex for regex, _ in rules if isinstance(regex, str)]
        self.combinable = len(sources) == len(rules)
        names = [_last_component(p) for p in sources]
        self.on_names = _combined([n for n in names if n is not None])
        self.on_paths = _combined([p for p, n in zip(sources, names, strict=True) if n is None])

    @cached_property
    def spec(self) -> GitIgnoreSpec:
        """pathspec's matcher, which knows the order of negations (made when first needed)."""
        return GitIgnoreSpec.from_lines(self.lines)

    def which(self, base: str, names: list[str], suffix: str) -> list[int]:
        """The indexes of the ignored ``names`` (entries of the folder ``base``, relative to
        the ``.gitignore``'s folder, ``""`` or ending with ``/``; ``suffix`` ``/`` for
        folders)."""
        if not self.any or not names:
            return []
        if not self.combinable:
            return [i for i, n in enumerate(names) if self.spec.match_file(base + n + suffix)]
        matched: set[int] = set()
        for regex, prefix in ((self.on_names, ""), (self.on_paths, base)):
            if regex is None:
                continue
            # One path a line, joined in C; a match's line is the number of newlines before.
            text = prefix + (suffix + "\n" + prefix).join(names) + suffix
            if text.count("\n") != len(names) - 1:  # a newline in a name
                return [i for i, n in enumerate(names) if self.spec.match_file(base + n + suffix)]
            line, counted = 0, 0
            for match in regex.finditer(text):
                line += text.count("\n", counted, match.start())
                counted = match.start()
                matched.add(line)
        if not self.negated:
            return sorted(matched)
        # With negations the order of the patterns decides, which pathspec knows.
        return [i for i in sorted(matched) if self.spec.match_file(base + names[i] + suffix)]


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
            for i in matcher.which(relative[len(prefix) :], names, suffix):
                found.add(names[i])
        return found
