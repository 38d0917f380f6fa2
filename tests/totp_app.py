# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The authenticator app of every test: TOTP codes by the emulator's clock, never one twice.

Cognito (and the emulator) accept a code of the current 30-second step or a neighbour, and may
refuse a code that was accepted already. A test that needs a second code therefore needs the
next step: instead of sleeping until it comes, :class:`TotpApp` moves the emulator's clock to
it. The clock is any object with ``now()`` and ``advance(seconds)``: the in-process emulator's
``server.clock``, the HTTP control seam's clock (``spec_harness.SeamClock``), or
:class:`WallClock` against real AWS (``pytest --aws``), which sleeps because nothing else can.
"""

from __future__ import annotations

import time
from typing import Protocol

import pyotp

STEP = 30
"""Seconds a TOTP code lives (RFC 6238's default, Cognito's)."""


class Clock(Protocol):
    def now(self) -> float: ...

    def advance(self, seconds: float) -> None: ...


class WallClock:
    """Real time, for real AWS: advancing it means waiting."""

    def now(self) -> float:
        return time.time()

    def advance(self, seconds: float) -> None:
        time.sleep(seconds)


class TotpApp:
    """An authenticator app holding one secret, reading the time from ``clock``."""

    def __init__(self, secret: str, clock: Clock) -> None:
        self.totp = pyotp.TOTP(secret)
        self.clock = clock
        self._used: set[int] = set()  # time steps whose code was handed out

    @property
    def secret(self) -> str:
        return str(self.totp.secret)

    def code(self) -> str:
        """The current code, never one handed out before: when this step's code was, the
        clock moves to the start of the next step (the emulator's, or a real wait on AWS)."""
        now = self.clock.now()
        if int(now // STEP) in self._used:
            self.clock.advance(STEP - now % STEP + 0.01)
            now = self.clock.now()
        self._used.add(int(now // STEP))
        return str(self.totp.at(now))

    def wrong_code(self) -> str:
        """Six digits valid in no step Cognito would accept now (nor its neighbours')."""
        now = self.clock.now()
        valid = {self.totp.at(now + STEP * k) for k in range(-2, 3)}
        return next(
            c for c in (f"{n:06d}" for n in range(100_000, 1_000_000, 7919)) if c not in valid
        )
