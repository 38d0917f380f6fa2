# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Challenge sessions, which moto does not keep.

A ``Session`` is an opaque random string naming an :class:`~cognito_emulator.state.AuthSession`
that expires after the app client's AuthSessionValidity (3 minutes by default). SRP verifier
challenges may be answered without ``Session``, as with Cognito: the secret block (or, for
DEVICE_SRP_AUTH, the client and device key) finds the challenge.

:class:`SessionStore` holds one backend's sessions; the backend reaches it as
``backend.auth_sessions`` and starts sessions with ``backend.new_session`` (both on
:class:`~cognito_emulator.backend_base.BackendBase`, shared by every concern).
"""

from __future__ import annotations

import secrets
from typing import Any

from cognito_emulator.clock import Clock
from cognito_emulator.exceptions import InvalidParameterException, NotAuthorizedException
from cognito_emulator.state import AuthSession

DEFAULT_SESSION_MINUTES = 3
"""Lifetime of a challenge ``Session`` when the app client sets no AuthSessionValidity."""

INVALID_SESSION = "Invalid session for the user, session is expired."


class SessionStore:
    """The live challenge sessions of one backend, by id, secret block and pending device."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._by_id: dict[str, AuthSession] = {}
        self._by_secret_block: dict[str, str] = {}
        self._device_auth_pending: dict[tuple[str, str], str] = {}

    def __contains__(self, session_id: object) -> bool:
        return session_id in self._by_id

    def new(
        self,
        pool_id: str,
        client_id: str,
        username: str,
        challenge: str,
        validity: float,
        **extra: Any,
    ) -> AuthSession:
        """A new session for ``challenge`` that lives ``validity`` seconds."""
        self.purge()
        now = self.clock.now()
        session = AuthSession(
            id=secrets.token_urlsafe(96),
            pool_id=pool_id,
            client_id=client_id,
            username=username,
            challenge=challenge,
            created=now,
            expires_at=now + validity,
            **extra,
        )
        self._by_id[session.id] = session
        if session.srp is not None:
            self._by_secret_block[session.srp.secret_block_b64] = session.id
        return session

    def expect_device_auth(self, session: AuthSession, device_key: str) -> None:
        """DEVICE_SRP_AUTH for ``device_key`` may be answered without ``Session``."""
        self._device_auth_pending[(session.client_id, device_key)] = session.id

    def drop(self, session: AuthSession) -> None:
        """Forget ``session``: it cannot be answered again."""
        self._by_id.pop(session.id, None)
        if session.srp is not None:
            self._by_secret_block.pop(session.srp.secret_block_b64, None)
        for key, value in list(self._device_auth_pending.items()):
            if value == session.id:
                del self._device_auth_pending[key]

    def purge(self) -> None:
        """Drop every expired session."""
        now = self.clock.now()
        for session in [s for s in self._by_id.values() if now > s.expires_at]:
            self.drop(session)

    def get(self, session_id: str | None) -> AuthSession:
        """The live session ``session_id``; NotAuthorizedException when unknown or expired."""
        session = self._by_id.get(session_id or "")
        if session is None:
            raise NotAuthorizedException(INVALID_SESSION)
        if self.clock.now() > session.expires_at:
            self.drop(session)
            raise NotAuthorizedException(INVALID_SESSION)
        return session

    def find(
        self,
        session_id: str | None,
        client_id: str,
        challenge_name: str,
        responses: dict[str, str],
    ) -> AuthSession:
        """The session a challenge answer belongs to: by ``Session``, else as Cognito finds it."""
        if not session_id:
            if challenge_name in ("PASSWORD_VERIFIER", "DEVICE_PASSWORD_VERIFIER"):
                session_id = self._by_secret_block.get(
                    str(responses.get("PASSWORD_CLAIM_SECRET_BLOCK") or "")
                )
            elif challenge_name == "DEVICE_SRP_AUTH":
                session_id = self._device_auth_pending.get(
                    (client_id, str(responses.get("DEVICE_KEY") or ""))
                )
            if not session_id:
                raise InvalidParameterException("Missing required parameter Session")
        return self.get(session_id)
