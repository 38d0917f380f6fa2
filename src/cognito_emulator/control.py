# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The control seam: what tests and ports in any language ask the emulator over HTTP.

====================================================  ==============================================
``GET /_emulator/messages?username=&user_pool_id=&trigger=``  ``{"messages": [...]}``, oldest first
``POST /_emulator/reset``                             ``{}``: pools, users, sessions, messages gone,
                                                      the clock back to real time
``GET /_emulator/clock``                              ``{"now": <epoch seconds>, "offset": <s>}``
``POST /_emulator/clock`` ``{"advance": S}``          the same, after moving time ``S`` s forward
``POST /_emulator/clock`` ``{"offset": S}``           the same, after setting ``S`` s ahead of real
====================================================  ==============================================

Every filter of ``messages`` is optional. Bad input (a body that is not a JSON object, a value
that is not a number, a negative ``advance``, an unknown key or query parameter) answers HTTP 400
with a Cognito-shaped body, ``{"__type": "InvalidParameterException", "message": ...}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cognito_emulator.clock import Clock
from cognito_emulator.exceptions import (
    CognitoError,
    InvalidParameterException,
    ResourceNotFoundException,
    SerializationException,
)
from cognito_emulator.outbox import Outbox

PREFIX = "/_emulator/"
MESSAGE_FILTERS = ("username", "user_pool_id", "trigger")
CLOCK_KEYS = ("advance", "offset")

Answer = tuple[int, dict[str, str], str]
_JSON = {"Content-Type": "application/json"}


def _error(error: CognitoError, status: int = 400) -> Answer:
    headers = {**_JSON, "x-amzn-ErrorType": error.error_type}
    return status, headers, error.description


def _ok(document: dict[str, Any]) -> Answer:
    return 200, dict(_JSON), json.dumps(document)


def _json_object(body: bytes) -> dict[str, Any]:
    """The request body as a JSON object (an empty body is ``{}``)."""
    if not body.strip():
        return {}
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SerializationException("The request body is not valid JSON.") from None
    if not isinstance(parsed, dict):
        raise SerializationException("The request body must be a JSON object.")
    return parsed


class ControlSeam:
    """Answers the ``/_emulator/`` requests for one server's clock, outbox and state."""

    def __init__(self, clock: Clock, outbox: Outbox, reset: Callable[[], None]) -> None:
        self.clock = clock
        self.outbox = outbox
        self._reset = reset

    def handle(
        self, method: str, path: str, query: Mapping[str, Sequence[str]], body: bytes
    ) -> Answer:
        """The answer to ``method path?query`` with ``body``; never raises for bad input."""
        routes: dict[tuple[str, str], Callable[[Mapping[str, Sequence[str]], bytes], Answer]] = {
            ("GET", "messages"): self._messages,
            ("POST", "reset"): self._reset_all,
            ("GET", "clock"): self._read_clock,
            ("POST", "clock"): self._move_clock,
        }
        name = path[len(PREFIX) :]
        route = routes.get((method, name))
        if route is None:
            allowed = [m for (m, n) in routes if n == name]
            hint = f" (use {' or '.join(allowed)})" if allowed else ""
            return _error(ResourceNotFoundException(f"No route for {method} {path}{hint}"), 404)
        try:
            return route(query, body)
        except CognitoError as exc:
            return _error(exc)

    def _messages(self, query: Mapping[str, Sequence[str]], body: bytes) -> Answer:
        unknown = sorted(set(query) - set(MESSAGE_FILTERS))
        if unknown:
            raise InvalidParameterException(
                f"Unknown query parameter {unknown[0]!r}: expected {', '.join(MESSAGE_FILTERS)}"
            )
        filters: dict[str, str] = {}
        for name, values in query.items():
            if len(values) != 1:
                raise InvalidParameterException(f"Query parameter {name!r} given more than once")
            filters[name] = values[0]
        return _ok({"messages": list(self.outbox.messages(**filters))})

    def _reset_all(self, query: Mapping[str, Sequence[str]], body: bytes) -> Answer:
        document = _json_object(body)
        if document or query:
            key = next(iter(document or query))
            raise InvalidParameterException(f"Unknown key {key!r}: reset takes no parameters")
        self._reset()
        return _ok({})

    def _clock_document(self) -> dict[str, float]:
        now, offset = self.clock.reading()
        return {"now": now, "offset": offset}

    def _read_clock(self, query: Mapping[str, Sequence[str]], body: bytes) -> Answer:
        if query:
            raise InvalidParameterException(f"Unknown query parameter {next(iter(query))!r}")
        return _ok(self._clock_document())

    def _move_clock(self, query: Mapping[str, Sequence[str]], body: bytes) -> Answer:
        document = _json_object(body)
        unknown = sorted(set(document) - set(CLOCK_KEYS)) or sorted(query)
        if unknown:
            raise InvalidParameterException(
                f"Unknown key {unknown[0]!r}: expected exactly one of advance, offset"
            )
        if len(document) != 1:
            raise InvalidParameterException("Expected exactly one of advance, offset")
        ((key, value),) = document.items()
        try:
            if key == "advance":
                self.clock.advance(value)
            else:
                self.clock.offset = value
        except ValueError as exc:
            raise InvalidParameterException(str(exc)) from None
        return _ok(self._clock_document())
