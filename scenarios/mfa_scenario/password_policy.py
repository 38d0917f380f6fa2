# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""A user pool's password policy, checked here as soon as a password is typed.

Cognito checks a password only when it is sent (SignUp answers ``InvalidPasswordException``),
after the user has typed everything else. The pool's policy is part of its description
(``UserPool.Policies.PasswordPolicy`` in CreateUserPool's and DescribeUserPool's answers), so the
scenario checks a new password against it locally, right after it is typed, and says every rule
it breaks at once. Cognito still has the last word at SignUp.
"""

from __future__ import annotations

from typing import Any

DEFAULT_POLICY = {
    "MinimumLength": 8,
    "RequireUppercase": True,
    "RequireLowercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
}
"""Cognito's policy for a pool created without one."""
SYMBOLS = frozenset("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ")
"""The characters Cognito counts as symbols (a space too, but not at either end)."""

_RULES = (
    ("RequireUppercase", str.isupper, "an upper-case letter"),
    ("RequireLowercase", str.islower, "a lower-case letter"),
    ("RequireNumbers", str.isdigit, "a number"),
    ("RequireSymbols", SYMBOLS.__contains__, "a symbol such as ! or -"),
)


def password_policy(user_pool: dict[str, Any]) -> dict[str, Any]:
    """The password policy of a ``UserPool`` as Cognito describes it (its defaults if absent)."""
    policy = (user_pool.get("Policies") or {}).get("PasswordPolicy") or {}
    return {**DEFAULT_POLICY, **policy}


def describe_policy(policy: dict[str, Any]) -> str:
    """``at least 8 characters, with an upper-case letter, ... and a symbol such as ! or -``."""
    required = [words for rule, _, words in _RULES if policy.get(rule)]
    text = f"at least {policy.get('MinimumLength', 8)} characters"
    if required:
        text += ", with " + (
            required[0] if len(required) == 1 else ", ".join(required[:-1]) + " and " + required[-1]
        )
    return text


def policy_problems(password: str, policy: dict[str, Any]) -> list[str]:
    """What ``password`` lacks under ``policy``, in words; empty when Cognito should accept it."""
    problems = []
    minimum = int(policy.get("MinimumLength", 8))
    if len(password) < minimum:
        problems.append(f"at least {minimum} characters (this one has {len(password)})")
    for rule, matches, words in _RULES:
        if policy.get(rule) and not any(matches(char) for char in password):
            problems.append(words)
    if password != password.strip():
        problems.append("no space at the start or the end")
    return problems
