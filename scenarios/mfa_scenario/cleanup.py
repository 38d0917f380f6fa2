# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What the scenario created, in a stack, removed in reverse order whatever happens.

Each resource is pushed right after it exists (the pool as soon as CreateUserPool returns),
so an error, Ctrl-C or SIGTERM at any later step still removes it. Removal keeps going when
one removal fails and reports, for each resource, whether it is gone; Ctrl-C or SIGTERM during
removal can't cut it short (it is remembered in ``deferred_signal``).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Removal:
    """The outcome of removing one resource."""

    what: str
    error: str | None = None
    operation: str | None = None
    """The Cognito operation that removed it (None for a local file or process)."""

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class CleanupStack:
    """Things to remove at the end, last created first."""

    _items: list[tuple[str, Callable[[], None], str | None]] = field(default_factory=list)
    deferred_signal: int | None = None
    """SIGINT or SIGTERM, when one arrived while removing (the caller still stops for it)."""

    def push(self, what: str, remove: Callable[[], None], operation: str | None = None) -> None:
        """Remember that ``what`` exists and how to remove it (with Cognito's ``operation``)."""
        self._items.append((what, remove, operation))

    def discard(self, what: str) -> None:
        """Forget ``what`` (it was removed by the flow itself)."""
        self._items = [item for item in self._items if item[0] != what]

    def __len__(self) -> int:
        return len(self._items)

    def close(
        self,
        before: Callable[[str, str | None], None] | None = None,
        after: Callable[[Removal], None] | None = None,
    ) -> list[Removal]:
        """Remove everything, last pushed first; Ctrl-C or SIGTERM can't cut this short.

        ``before(what, operation)`` runs before each removal, ``after(removal)`` after it.
        """
        removals: list[Removal] = []
        with self._signals_deferred():
            while self._items:
                what, remove, operation = self._items.pop()
                if before is not None:
                    before(what, operation)
                try:
                    remove()
                except Exception as exc:  # report it and keep removing the rest
                    removal = Removal(what, _one_line(exc), operation)
                else:
                    removal = Removal(what, None, operation)
                removals.append(removal)
                if after is not None:
                    after(removal)
        return removals

    @contextmanager
    def _signals_deferred(self) -> Iterator[None]:
        """Remember Ctrl-C and SIGTERM instead of stopping (only possible in the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def remember(signum: int, frame: object) -> None:
            self.deferred_signal = signum

        previous = {sig: signal.signal(sig, remember) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
