# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Problems: what every stage reports instead of raising.

Each problem has a ``Kind`` (which check found it: a policy can select or silence a kind) and
a human message; it prints as ``path:line: severity: message [kind]``.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


class Kind(enum.Enum):
    """Which check found a problem. The value is what ``docgen`` prints in brackets."""

    # reading files
    READ = "read"  # a file or folder cannot be found, listed or read
    ENCODING = "encoding"  # not UTF-8 text (NUL bytes, undecodable bytes)
    YAML = "yaml"  # YAML syntax, duplicate keys, aliases, nesting, unsupported values
    # the configuration
    CONFIG = "config"  # sdks.yaml, services.yaml, entities.yaml or validation.yaml malformed
    NO_LANGUAGE_ENTRY = "no-language-entry"  # a language docgen's language table lacks
    # each metadata file
    SCHEMA = "schema"  # field names and types (metadata_schema.json)
    EXCERPT_WITHOUT_CODE = "excerpt-without-code"  # a description with no snippet
    STYLE = "style"  # capitals and punctuation of titles, synopses and descriptions
    EXAMPLE_ID = "example-id"  # malformed or duplicated example id
    UNKNOWN_LANGUAGE = "unknown-language"  # a language sdks.yaml does not name
    UNKNOWN_SDK_VERSION = "unknown-sdk-version"  # an SDK version sdks.yaml does not name
    UNKNOWN_SERVICE = "unknown-service"  # a service services.yaml does not name
    # snippets in source files
    MARKER = "marker"  # malformed, unpaired, crossing or repeated snippet markers
    DUPLICATE_TAG = "duplicate-tag"  # a tag defined twice (one file or two)
    CROSSING = "crossing"  # a snippet that ends before a snippet started inside it
    EMPTY_SNIPPET = "empty-snippet"
    # what ties metadata and sources together
    MISSING_SNIPPET = "missing-snippet"  # a snippet_tags entry no source file defines
    MISSING_FILE = "missing-file"  # a snippet_files entry or github folder that does not exist
    UNUSED_SNIPPET = "unused-snippet"  # a tag no example shows
    DENY_LISTED = "deny-listed"  # a deny-listed word in a published file
    AWS_KEY = "aws-key"  # a string shaped like an AWS access key id or secret access key
    LICENSE = "license"  # a source file without its copyright and SPDX license lines
    # meaning
    CALL = "call"  # an action example's snippet does not call its action
    SERVICES_LACK_ACTION = "services-lack-action"  # services do not name the example's action
    SERVICES_LACK_CALL = "services-lack-call"  # a snippet calls an action services do not name
    SERVICES_UNCALLED = "services-uncalled"  # services name an action no snippet calls

    def __lt__(self, other: object) -> bool:  # problems sort by path, line, ..., then kind
        if not isinstance(other, Kind):
            return NotImplemented
        return self.value < other.value


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as ``path:line: severity: message [kind]``.

    ``line`` is 1-based; 0 means "the file as a whole".
    """

    path: str
    line: int
    severity: Severity
    message: str
    kind: Kind

    def format(self, relative_to: str | None = None) -> str:
        path = self.path
        if relative_to is not None:
            path = display_path(path, relative_to)
        return f"{path}:{self.line}: {self.severity}: {self.message} [{self.kind.value}]"


def error(path: str, line: int, message: str, *, kind: Kind) -> Problem:
    return Problem(path, line, "error", message, kind)


def warning(path: str, line: int, message: str, *, kind: Kind) -> Problem:
    return Problem(path, line, "warning", message, kind)


def display_path(path: str, base: str) -> str:
    """``path`` relative to ``base`` when it lies below it, otherwise unchanged."""
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


# Policies stricter than the upstream collection's own validator: reported only when asked
# for (``docgen validate --strict``, or ``strict: true`` in validation.yaml).
STRICT_KINDS = frozenset(
    {
        Kind.CROSSING,
        Kind.EXCERPT_WITHOUT_CODE,
        Kind.SERVICES_LACK_CALL,
        Kind.SERVICES_UNCALLED,
        Kind.UNUSED_SNIPPET,
    }
)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
