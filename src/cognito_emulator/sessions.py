"""Challenge sessions, which moto does not keep.

A ``Session`` is an opaque random string naming an :class:`~cognito_emulator.state.AuthSession`
that expires after the app client's AuthSessionValidity (3 minutes by default). SRP verifier
challenges may be answered without ``Session``, as with Cognito: the secret block (or, for
DEVICE_SRP_AUTH, the client and device key) finds the challenge.
"""

from __future__ import annotations

import secrets
from typing import Any

from moto.cognitoidp.models import CognitoIdpUserPool, CognitoIdpUserPoolClient

from cognito_emulator.backend_base import BackendBase
from cognito_emulator.exceptions import InvalidParameterException, NotAuthorizedException
from cognito_emulator.state import AuthSession

DEFAULT_SESSION_MINUTES = 3
"""Lifetime of a challenge ``Session`` when the app client sets no AuthSessionValidity."""

INVALID_SESSION = "Invalid session for the user, session is expired."


class SessionsMixin(BackendBase):
    """Creating, finding, expiring and dropping challenge sessions."""

    def _new_session(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        username: str,
        challenge: str,
        **extra: Any,
    ) -> AuthSession:
        self._purge_sessions()
        session = AuthSession(
            id=secrets.token_urlsafe(96),
            pool_id=pool.id,
            client_id=client.id,
            username=username,
            challenge=challenge,
            created=self.now(),
            **extra,
        )
        self.auth_sessions[session.id] = session
        if session.srp is not None:
            self._by_secret_block[session.srp.secret_block_b64] = session.id
        return session

    def _session_validity(self, session: AuthSession) -> float:
        pool = self.user_pools.get(session.pool_id)
        client = pool.clients.get(session.client_id) if pool else None
        minutes = DEFAULT_SESSION_MINUTES
        if client is not None:
            try:
                minutes = int(client.extended_config.get("AuthSessionValidity") or minutes)
            except (TypeError, ValueError):
                minutes = DEFAULT_SESSION_MINUTES
        return minutes * 60.0

    def _drop_session(self, session: AuthSession) -> None:
        self.auth_sessions.pop(session.id, None)
        if session.srp is not None:
            self._by_secret_block.pop(session.srp.secret_block_b64, None)
        for key, value in list(self._device_auth_pending.items()):
            if value == session.id:
                del self._device_auth_pending[key]

    def _purge_sessions(self) -> None:
        now = self.now()
        for session in list(self.auth_sessions.values()):
            if now - session.created > self._session_validity(session):
                self._drop_session(session)

    def get_session(self, session_id: str | None) -> AuthSession:
        """The live session ``session_id``; NotAuthorizedException when unknown or expired."""
        session = self.auth_sessions.get(session_id or "")
        if session is None:
            raise NotAuthorizedException(INVALID_SESSION)
        if self.now() - session.created > self._session_validity(session):
            self._drop_session(session)
            raise NotAuthorizedException(INVALID_SESSION)
        if session.pool_id not in self.user_pools:
            self._drop_session(session)
            raise NotAuthorizedException(INVALID_SESSION)
        return session

    def _find_session(
        self,
        session_id: str | None,
        client_id: str,
        challenge_name: str,
        responses: dict[str, str],
    ) -> AuthSession:
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
        return self.get_session(session_id)
