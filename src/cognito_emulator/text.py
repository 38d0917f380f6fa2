# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Text a client sends, as Cognito's checks must take it: any string, never a crash.

A JSON body may carry any Unicode text, and also what is not text: a ``\\ud800`` escape
decodes to a lone surrogate, which no UTF-8 encoder accepts. Every check that compares a
secret (a password, a confirmation code, a ``SECRET_HASH``) goes through :func:`same_secret`,
which compares any two strings in constant time, and a value the emulator would keep (a
password) must first pass :func:`is_text`.
"""

from __future__ import annotations

import hmac


def is_text(value: str) -> bool:
    """Whether ``value`` is valid Unicode text: it holds no lone surrogate (``\\ud800``)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def same_secret(expected: str, given: object) -> bool:
    """Whether ``given`` (what the client sent) equals ``expected``, in constant time.

    Unlike ``hmac.compare_digest`` on strings, any text compares: non-ASCII (``"é"``,
    full-width digits) and lone surrogates are simply not equal to a secret the emulator made,
    and a value that is not a string never is.
    """
    if not isinstance(given, str):
        return False
    return hmac.compare_digest(
        expected.encode("utf-8", "surrogatepass"), given.encode("utf-8", "surrogatepass")
    )
