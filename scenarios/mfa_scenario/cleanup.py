"""What the scenario created, in a stack, removed in reverse order whatever happens.

Each resource is pushed right after it exists (the pool as soon as CreateUserPool returns),
so an error or Ctrl-C at any later step still removes it. Removal keeps going when one
removal fails and reports, for each resource, whether it is gone.
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

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class CleanupStack:
    """Things to remove at the end, last created first."""

    _items: list[tuple[str, Callable[[], None]]] = field(default_factory=list)

    def push(self, what: str, remove: Callable[[], None]) -> None:
        """Remember that ``what`` exists and how to remove it."""
        self._items.append((what, remove))

    def discard(self, what: str) -> None:
        """Forget ``what`` (it was removed by the flow itself)."""
        self._items = [item for item in self._items if item[0] != what]

    def __len__(self) -> int:
        return len(self._items)

    def close(self) -> list[Removal]:
        """Remove everything, last pushed first; a second Ctrl-C can't cut this short."""
        removals: list[Removal] = []
        with _sigint_deferred():
            while self._items:
                what, remove = self._items.pop()
                try:
                    remove()
                except Exception as exc:  # report it and keep removing the rest
                    removals.append(Removal(what, _one_line(exc)))
                else:
                    removals.append(Removal(what))
        return removals


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Ignore Ctrl-C while cleaning up (only possible in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
