"""Which API actions a snippet calls, per language (the "meaning" checks).

Each language has patterns whose first group names something called; names are compared
in a canonical form (lower case, no ``_`` or ``-``), so ``.associate_software_token(``,
``AssociateSoftwareTokenCommand``, ``associateSoftwareToken(`` and
``aws cognito-idp associate-software-token`` all name ``AssociateSoftwareToken``.

``strict`` patterns are the SDK call itself (what an action's page must show); ``loose``
patterns add what a larger program calls (a scenario calling the action modules'
functions), used to check that ``services`` names every action a snippet calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAGINATOR = r"""get_paginator\(\s*["']([a-z0-9_]+)["']"""


def canonical(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def snake(action: str) -> str:
    """``SetUserMFAPreference`` -> ``set_user_mfa_preference``."""
    step = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", action)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", step).lower()


@dataclass(frozen=True)
class CallStyle:
    strict: tuple[re.Pattern[str], ...]
    loose: tuple[re.Pattern[str], ...]
    hint: str  # how the call looks, with {snake}, {kebab}, {camel}, {Action}, {cli}


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


_PYTHON = _p(r"\.([a-z_][a-z0-9_]*)\s*\(", _PAGINATOR)
_JS = _p(r"\b([A-Z]\w*?)Command\b", r"\bpaginate([A-Z]\w*)\b")
_CLI = _p(r"\baws(?:\s|\\)+([a-z0-9-]+(?:(?:\s|\\)+)[a-z0-9-]+)")
_JVM = _p(r"\.([a-z]\w*)\s*[({]", r"\b([A-Z]\w*)Request\b")
_DOTNET = _p(r"\.([A-Z]\w*?)Async\s*\(", r"\b([A-Z]\w*)Request\b")
_GO = _p(r"\.([A-Z]\w*)\s*\(", r"\b([A-Z]\w*)Input\b")
_SNAKE_METHOD = _p(r"\.([a-z_]\w*)\s*\(")
_PHP = _p(r"->([a-z]\w*)\s*\(")
_CPP = _p(r"(?:\.|->)([A-Z]\w*)\s*\(", r"\b([A-Z]\w*)Request\b")

STYLES: dict[str, CallStyle] = {
    "Python": CallStyle(_PYTHON, _PYTHON + _p(r"(?<!def )\b([a-z_][a-z0-9_]*)\("), ".{snake}("),
    "JavaScript": CallStyle(_JS, _JS, "{Action}Command"),
    "TypeScript": CallStyle(_JS, _JS, "{Action}Command"),
    "CLI": CallStyle(_CLI, _CLI, "aws {cli} {kebab}"),
    "Bash": CallStyle(_CLI, _CLI, "aws {cli} {kebab}"),
    "Java": CallStyle(_JVM, _JVM, ".{camel}("),
    "Kotlin": CallStyle(_JVM, _JVM, ".{camel}("),
    "Swift": CallStyle(_JVM, _JVM, ".{camel}("),
    ".NET": CallStyle(_DOTNET, _DOTNET, ".{Action}Async("),
    "Go": CallStyle(_GO, _GO, ".{Action}("),
    "Rust": CallStyle(_SNAKE_METHOD, _SNAKE_METHOD, ".{snake}("),
    "Ruby": CallStyle(_SNAKE_METHOD, _SNAKE_METHOD, ".{snake}("),
    "PHP": CallStyle(_PHP, _PHP, "->{camel}("),
    "C++": CallStyle(_CPP, _CPP, ".{Action}("),
}


def _names(patterns: tuple[re.Pattern[str], ...], text: str, language: str, cli: str) -> set[str]:
    found: set[str] = set()
    for pattern in patterns:
        for name in pattern.findall(text):
            if language in ("CLI", "Bash"):
                parts = re.split(r"(?:\s|\\)+", name)
                if parts[0] != cli:
                    continue
                name = parts[-1]
            found.add(canonical(name))
    return found


def called(language: str, text: str, *, strict: bool, cli_service: str = "") -> set[str] | None:
    """Canonical names of what ``text`` calls, or None when the language is not known."""
    style = STYLES.get(language)
    if style is None:
        return None
    return _names(style.strict if strict else style.loose, text, language, cli_service)


def hint(language: str, action: str, cli_service: str = "") -> str:
    style = STYLES.get(language)
    if style is None:
        return action
    s = snake(action)
    return style.hint.format(
        snake=s,
        kebab=s.replace("_", "-"),
        camel=action[:1].lower() + action[1:],
        Action=action,
        cli=cli_service,
    )
