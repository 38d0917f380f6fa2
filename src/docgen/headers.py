# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""License headers: the copyright and SPDX lines every source file of a collection starts with.

The upstream collection's tools require each source file to open with two line comments, a
copyright line and an ``SPDX-License-Identifier`` line, after a first line that must stay first
(``#!`` of a script, Swift's ``// swift-tools-version:``, ``<?php``)::

    # Copyright the cognito-mfa-examples contributors.
    # SPDX-License-Identifier: Apache-2.0

The comment is the language's line comment (``#``, ``//``, ``"``: the language table's first
comment opener). Which copyright and licenses are expected is the collection's choice
(``license_header`` in ``validation.yaml``; upstream's own by default). Files with fewer than two
lines are left alone, as upstream does. ``docgen headers`` reports the files that lack the
lines; ``docgen headers --fix`` adds them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from docgen import languages
from docgen.config import Config, HeaderRule
from docgen.problems import Kind, Problem, error
from docgen.snippets import iter_source_files

# The first lines that come before the header (upstream's tools skip the same three).
_KEEP_FIRST = re.compile(r"#!|// swift-tools-version:|<\?php\s*$")
# Scripts without an extension are recognised by their #! line.
_SCRIPT = re.compile(r"#!.*\b(?:ba|z|k)?sh\b|#!.*\bpython")


UPSTREAM_RULE = HeaderRule(
    "Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.", ("Apache-2.0", "MIT-0")
)
"""The upstream collection's own lines, used when ``validation.yaml`` names none."""

_LEADER = r"^(?:#|//|\") "


def _matches(rule: HeaderRule, first: str, second: str) -> bool:
    licenses = "|".join(re.escape(name) for name in rule.licenses)
    return bool(
        re.match(_LEADER + re.escape(rule.copyright) + r"\s*$", first)
        and re.match(_LEADER + rf"SPDX-License-Identifier: (?:{licenses})\s*$", second)
    )


def _lines(rule: HeaderRule, comment: str) -> tuple[str, str]:
    """The two lines to add, in a ``comment`` line comment (the first license)."""
    return f"{comment} {rule.copyright}", f"{comment} SPDX-License-Identifier: {rule.licenses[0]}"


def _comment(path: str, first_line: str) -> str | None:
    """The line comment of ``path``'s language, or None when it is not a source file."""
    extension = os.path.splitext(path)[1].lower()
    found = languages.by_extension().get(extension)
    if found:
        return found[0].comments[0]
    if not extension and _SCRIPT.match(first_line):
        return "#"
    return None


def _split(text: str) -> tuple[list[str], list[str]]:
    """The lines before the header's place (a kept first line) and the rest."""
    lines = text.splitlines(keepends=True)
    if lines and _KEEP_FIRST.match(lines[0]):
        return lines[:1], lines[1:]
    return [], lines


def check_text(text: str, path: str, rule: HeaderRule) -> Problem | None:
    """The problem of a source file without the header, or None."""
    first = text.split("\n", 1)[0]
    if _comment(path, first) is None:
        return None
    kept, rest = _split(text)
    if len(rest) < 2:
        return None
    if _matches(rule, rest[0].rstrip("\r\n"), rest[1].rstrip("\r\n")):
        return None
    return error(
        path,
        len(kept) + 1,
        f"no license header: the file must start with the comment lines '{rule.copyright}' and "
        f"'SPDX-License-Identifier: {rule.licenses[0]}' (docgen headers --fix adds them)",
        kind=Kind.LICENSE,
    )


def fixed_text(text: str, path: str, rule: HeaderRule) -> str:
    """``text`` with the header added where :func:`check_text` finds it missing."""
    comment = _comment(path, text.split("\n", 1)[0])
    if comment is None or check_text(text, path, rule) is None:
        return text
    kept, rest = _split(text)
    newline = "\r\n" if text.endswith("\r\n") or "\r\n" in text[:200] else "\n"
    header = [line + newline for line in _lines(rule, comment)]
    if kept and not kept[0].endswith(("\n", "\r")):
        kept = [kept[0] + newline]
    return "".join([*kept, *header, *rest])


def source_files(paths: Iterable[str], config: Config) -> Iterator[str]:
    """The files of ``paths``: a folder's source files (as snippets are searched), a file as is."""
    for path in paths:
        if os.path.isdir(path):
            yield from iter_source_files(path, exclude=config.exclude)
        else:
            yield path


def check(
    paths: Iterable[str], config: Config, *, fix: bool = False
) -> tuple[list[Problem], list[str]]:
    """Problems of the files without the header, and (with ``fix``) the files fixed instead."""
    rule = config.license_header or UPSTREAM_RULE
    problems: list[Problem] = []
    fixed: list[str] = []
    for path in source_files(paths, config):
        try:
            with open(path, encoding="utf-8", newline="") as file:
                text = file.read()
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(error(path, 0, f"cannot read: {exc}", kind=Kind.READ))
            continue
        problem = check_text(text, path, rule)
        if problem is None:
            continue
        if not fix:
            problems.append(problem)
            continue
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(fixed_text(text, path, rule))
        fixed.append(path)
    return problems, fixed
