"""The base every part of :class:`~cognito_emulator.models.EmulatorBackend` builds on.

:class:`BackendBase` subclasses moto's ``CognitoIdpBackend`` and adds the emulator's state
(the clock, the outboxes, per-user state, sessions, token records; all plain
:mod:`cognito_emulator.state` classes), the look-ups every concern shares (a client and its
pool, a user with Cognito's "not found" messages) and Cognito's SECRET_HASH check.

Time comes from ``backend.clock`` (a :class:`~cognito_emulator.clock.Clock`), so tests can
make time pass without sleeping; messages go to ``backend.outboxes``
(:class:`~cognito_emulator.outbox.Outbox`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import uuid
from typing import ClassVar

from moto.cognitoidp.models import (
    CognitoIdpBackend,
    CognitoIdpUser,
    CognitoIdpUserPool,
    CognitoIdpUserPoolClient,
)

from cognito_emulator.clock import Clock
from cognito_emulator.exceptions import (
    NotAuthorizedException,
    ResourceNotFoundException,
    UserNotFoundException,
)
from cognito_emulator.outbox import Outbox, OutboxMessage
from cognito_emulator.state import AuthSession, TokenRecord, UserState

INCORRECT_PASSWORD = "Incorrect username or password."  # noqa: S105 - a message

_PROCESS_KID = uuid.uuid4().hex


def _secret_hash(client_secret: str, username: str, client_id: str) -> str:
    digest = hmac.new(
        client_secret.encode("utf-8"), (username + client_id).encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode("ascii")


class BackendBase(CognitoIdpBackend):
    """moto's backend plus the emulator's state, shared look-ups and SECRET_HASH."""

    default_outboxes: ClassVar[list[Outbox]] = []
    """Outboxes messages are delivered to by default (each EmulatorServer registers its own)."""
    default_clock: ClassVar[Clock] = Clock()
    """The clock backends use by default (the one ``EmulatorServer.clock`` moves)."""

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.clock: Clock = BackendBase.default_clock
        self.outboxes: list[Outbox] = BackendBase.default_outboxes
        self.user_states: dict[str, UserState] = {}
        self.auth_sessions: dict[str, AuthSession] = {}
        self.sent_messages: list[OutboxMessage] = []
        self.token_records: dict[str, TokenRecord] = {}  # access token -> record
        self._by_secret_block: dict[str, str] = {}
        self._device_auth_pending: dict[tuple[str, str], str] = {}
        self._lock = threading.RLock()
        self._kid = _PROCESS_KID

    def now(self) -> float:
        return self.clock.now()

    def state_of(self, user: CognitoIdpUser) -> UserState:
        return self.user_states.setdefault(user.id, UserState())

    def _client_and_pool(
        self, client_id: str, user_pool_id: str | None = None
    ) -> tuple[CognitoIdpUserPoolClient, CognitoIdpUserPool]:
        pools = (
            [self.describe_user_pool(user_pool_id)] if user_pool_id else self.user_pools.values()
        )
        for pool in pools:
            client = pool.clients.get(client_id)
            if client is not None:
                return client, pool
        raise ResourceNotFoundException(f"User pool client {client_id} does not exist.")

    def _user(self, pool: CognitoIdpUserPool, username: str | None) -> CognitoIdpUser:
        user = pool._get_user(username) if username else None
        if user is None:
            raise UserNotFoundException("User does not exist.")
        return user

    def _signup_user(self, pool: CognitoIdpUserPool, username: str | None) -> CognitoIdpUser:
        user = pool._get_user(username) if username else None
        if user is None:
            raise UserNotFoundException("Username/client id combination not found.")
        return user

    def admin_get_user(self, user_pool_id: str, username: str) -> CognitoIdpUser:
        pool = self.describe_user_pool(user_pool_id)
        return self._user(pool, username)

    def check_secret_hash(
        self, client: CognitoIdpUserPoolClient, secret_hash: str | None, *usernames: str
    ) -> None:
        """Cognito's SECRET_HASH rule for app clients with (and without) a secret."""
        if not client.generate_secret:
            if secret_hash:
                raise NotAuthorizedException(
                    f"Client {client.id} is not configured with secret but SECRET_HASH was received"
                )
            return
        if not secret_hash:
            raise NotAuthorizedException(
                f"Client {client.id} is configured with secret but SECRET_HASH was not received"
            )
        for name in usernames:
            if name and hmac.compare_digest(
                _secret_hash(str(client.secret), name, client.id).encode(),
                str(secret_hash).encode(),
            ):
                return
        raise NotAuthorizedException(f"Unable to verify secret hash for client {client.id}")
