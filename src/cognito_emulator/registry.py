# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The backends of one emulator: one per account and region, made on demand.

moto keeps its backends in a process-wide registry (``cognitoidp_backends``); the emulator
keeps its own, one :class:`BackendRegistry` per :class:`~cognito_emulator.server.EmulatorServer`,
so two servers in one process share nothing and plain moto is left alone. Any region name
works (``us-east-1``, ``local``, ``xx-invalid-1``), as with other local emulators: its backend
is created by the first request that names it.
"""

from __future__ import annotations

import threading

from cognito_emulator.clock import Clock
from cognito_emulator.models import EmulatorBackend
from cognito_emulator.outbox import Outbox


class BackendRegistry:
    """An emulator's state: its backends, and the clock, outbox, issuer URL and lock they
    share."""

    def __init__(
        self,
        clock: Clock | None = None,
        outbox: Outbox | None = None,
        issuer_url: str | None = None,
    ) -> None:
        self.clock = clock if clock is not None else Clock()
        self.outbox = outbox if outbox is not None else Outbox()
        self._issuer_url = issuer_url
        self.lock = threading.RLock()
        """Held while a request runs: moto's model is not thread-safe."""
        self._backends: dict[tuple[str, str], EmulatorBackend] = {}

    def get(self, account_id: str, region: str) -> EmulatorBackend:
        """The backend of ``account_id`` in ``region``, made on first use."""
        with self.lock:
            backend = self._backends.get((account_id, region))
            if backend is None:
                backend = EmulatorBackend(
                    region,
                    account_id,
                    clock=self.clock,
                    outbox=self.outbox,
                    issuer_url=self._issuer_url,
                )
                self._backends[(account_id, region)] = backend
            return backend

    @property
    def issuer_url(self) -> str | None:
        """Where every pool's ``iss`` points (None: Cognito's URL); settable."""
        return self._issuer_url

    @issuer_url.setter
    def issuer_url(self, url: str | None) -> None:
        with self.lock:
            self._issuer_url = url
            for backend in self._backends.values():
                backend.issuer_url = url

    def of_account(self, account_id: str) -> list[EmulatorBackend]:
        """Every backend of ``account_id`` made so far."""
        with self.lock:
            return [b for (account, _), b in self._backends.items() if account == account_id]

    def find_pool(self, pool_id: str) -> EmulatorBackend | None:
        """The backend holding user pool ``pool_id``, if any."""
        with self.lock:
            for backend in self._backends.values():
                if pool_id in backend.user_pools:
                    return backend
        return None

    def reset(self) -> None:
        """Forget every backend (pools, users, sessions, tokens); clock and outbox stay."""
        with self.lock:
            self._backends.clear()
