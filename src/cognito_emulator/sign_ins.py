# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The live sign-ins of one backend: what its tokens need kept, and no more.

Tokens themselves are not kept. An ID or access token is a JWT signed with its pool's key
(:mod:`~cognito_emulator.signing`); a refresh token is sealed with it. What must be
remembered is whether the sign-in they belong to (their ``origin_jti``) is still live: a
:class:`~cognito_emulator.state.SignIn`. Revoking is forgetting it, and a record whose refresh
token and tokens have all expired is forgotten too, so memory follows the live sign-ins, not
every sign-in there ever was.

:class:`SignInStore` finds records by ``origin_jti`` and by user (GlobalSignOut, deleting a
user) and drops expired ones in order of expiry (a heap, compacted when it holds more dropped
records than live ones).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from cognito_emulator.clock import Clock
from cognito_emulator.state import SignIn

_COMPACT_SLACK = 64
"""Dropped records the expiry heap may hold beyond the live ones before it is rebuilt."""


class SignInStore:
    """Live sign-ins by ``origin_jti``, by (pool, user ``sub``), and by expiry."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._by_origin: dict[str, SignIn] = {}
        self._by_user: dict[tuple[str, str], set[str]] = {}
        self._expiry: list[tuple[float, str]] = []  # (keep_until, origin_jti), a heap

    def __len__(self) -> int:
        return len(self._by_origin)

    def add(self, sign_in: SignIn) -> None:
        """Keep ``sign_in`` until :meth:`drop`, or until :meth:`purge` finds its ``keep_until``
        passed."""
        self._by_origin[sign_in.origin_jti] = sign_in
        self._by_user.setdefault((sign_in.pool_id, sign_in.sub), set()).add(sign_in.origin_jti)
        heapq.heappush(self._expiry, (sign_in.keep_until, sign_in.origin_jti))

    def keep_until(self, sign_in: SignIn, moment: float) -> None:
        """Keep ``sign_in`` at least until ``moment`` (a token issued from it expires then)."""
        if moment > sign_in.keep_until:
            sign_in.keep_until = moment
            heapq.heappush(self._expiry, (moment, sign_in.origin_jti))

    def get(self, origin_jti: object) -> SignIn | None:
        """The live sign-in ``origin_jti``, or None (revoked, expired or never issued)."""
        if not isinstance(origin_jti, str):
            return None
        sign_in = self._by_origin.get(origin_jti)
        if sign_in is None or sign_in.keep_until <= self.clock.now():
            return None  # an expired one is forgotten by the next purge()
        return sign_in

    def of_user(self, pool_id: str, sub: str) -> list[SignIn]:
        """Every live sign-in of the user ``sub`` of pool ``pool_id``."""
        origins = self._by_user.get((pool_id, sub), set())
        return [self._by_origin[o] for o in sorted(origins) if o in self._by_origin]

    def of_pool(self, pool_id: str) -> list[SignIn]:
        """Every live sign-in of pool ``pool_id``."""
        return [s for s in self._by_origin.values() if s.pool_id == pool_id]

    def drop(self, sign_ins: Iterable[SignIn]) -> list[SignIn]:
        """Forget ``sign_ins`` (revoked); the ones that were still kept."""
        return [s for s in list(sign_ins) if self._forget(s)]

    def purge(self) -> list[SignIn]:
        """Forget every sign-in whose tokens have all expired; the ones forgotten."""
        now = self.clock.now()
        dropped = []
        while self._expiry and self._expiry[0][0] <= now:
            _, origin = heapq.heappop(self._expiry)
            sign_in = self._by_origin.get(origin)
            if sign_in is not None and sign_in.keep_until <= now and self._forget(sign_in):
                dropped.append(sign_in)
        if len(self._expiry) > 2 * len(self._by_origin) + _COMPACT_SLACK:
            self._expiry = [(s.keep_until, s.origin_jti) for s in self._by_origin.values()]
            heapq.heapify(self._expiry)
        return dropped

    def _forget(self, sign_in: SignIn) -> bool:
        if self._by_origin.get(sign_in.origin_jti) is not sign_in:
            return False
        del self._by_origin[sign_in.origin_jti]
        key = (sign_in.pool_id, sign_in.sub)
        origins = self._by_user.get(key)
        if origins is not None:
            origins.discard(sign_in.origin_jti)
            if not origins:
                del self._by_user[key]
        return True
