# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The emulator's clock: real time plus an offset that tests move instead of sleeping.

Every expiry the emulator checks (confirmation codes, challenge sessions, tokens) and every
TOTP code it verifies uses :meth:`Clock.now`. ``advance(3600)`` makes an hour pass at once;
``offset`` says (or sets) how far ahead of real time the emulator runs; ``reset()`` brings it
back to real time. The HTTP control seam (``/_emulator/clock``) drives the same object.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


def _seconds(value: float, what: str) -> float:
    """``value`` as a finite number of seconds; ValueError for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number of seconds, not {type(value).__name__}")
    seconds = float(value)
    if not math.isfinite(seconds):
        raise ValueError(f"{what} must be a finite number of seconds")
    return seconds


class Clock:
    """Epoch seconds from ``source`` (real time by default) plus a movable offset.

    Thread-safe: the server's request threads read it while a test moves it.
    """

    def __init__(self, source: Callable[[], float] = time.time) -> None:
        self._source = source
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """The emulator's current time, in epoch seconds."""
        with self._lock:
            return float(self._source()) + self._offset

    def reading(self) -> tuple[float, float]:
        """``(now, offset)`` read together."""
        with self._lock:
            return float(self._source()) + self._offset, self._offset

    def advance(self, seconds: float) -> None:
        """Move time ``seconds`` forward (ValueError if negative: time never runs back)."""
        step = _seconds(seconds, "advance")
        if step < 0:
            raise ValueError("advance must not be negative: the clock only moves forward")
        with self._lock:
            self._offset += step

    @property
    def offset(self) -> float:
        """Seconds the emulator runs ahead of its source (real time); settable."""
        with self._lock:
            return self._offset

    @offset.setter
    def offset(self, seconds: float) -> None:
        value = _seconds(seconds, "offset")
        with self._lock:
            self._offset = value

    def reset(self) -> None:
        """Back to the source's time (offset 0)."""
        with self._lock:
            self._offset = 0.0
