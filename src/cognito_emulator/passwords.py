# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Cognito's password policy: its defaults, its symbol characters and its reasons.

Every password-setting call checks the pool's ``PasswordPolicy`` here (through
``BackendBase._validate_password``); moto's own check has other defaults and no reason.
"""

from __future__ import annotations

from typing import Any

# Cognito's defaults for a pool created without a PasswordPolicy, and its symbol characters.
DEFAULT_PASSWORD_POLICY = {
    "MinimumLength": 8,
    "RequireLowercase": True,
    "RequireUppercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
}
PASSWORD_SYMBOLS = frozenset("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ")


def password_policy_problem(policy: dict[str, Any], password: str) -> str | None:
    """Why ``password`` breaks ``policy`` in Cognito's words, or None when it conforms."""
    rules = {**DEFAULT_PASSWORD_POLICY, **(policy or {})}
    if len(password) < int(rules["MinimumLength"]):
        return "Password not long enough"
    checks = (
        ("RequireLowercase", str.islower, "lowercase"),
        ("RequireUppercase", str.isupper, "uppercase"),
        ("RequireNumbers", str.isdigit, "numeric"),
        ("RequireSymbols", PASSWORD_SYMBOLS.__contains__, "symbol"),
    )
    for rule, matches, kind in checks:
        if rules[rule] and not any(matches(char) for char in password):
            return f"Password must have {kind} characters"
    return None
