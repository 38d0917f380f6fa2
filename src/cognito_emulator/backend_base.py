"""The base every part of :class:`~cognito_emulator.models.EmulatorBackend` builds on.

:class:`BackendBase` subclasses moto's ``CognitoIdpBackend`` and holds what every concern
shares, so that each mixin, alone or composed, resolves these to the same code:

* the state: ``clock`` (:class:`~cognito_emulator.clock.Clock`), ``outbox``
  (:class:`~cognito_emulator.outbox.Outbox`), per-user state (``state_of``), challenge
  ``auth_sessions`` (:class:`~cognito_emulator.sessions.SessionStore`), ``token_records``;
* look-ups: a client and its pool, a user with Cognito's "not found" messages;
* Cognito's checks: SECRET_HASH, the password policy (``_validate_password``);
* the user's lifecycle: deleting a user forgets the emulator's state for it;
* sessions: ``new_session`` / ``get_session`` / ``find_session``;
* tokens: ``issue_tokens`` (RS256 JWTs, :mod:`~cognito_emulator.signing`), and
  ``resolve_access_token`` (signature, expiry, revocation, the user behind it).

A backend gets its clock and outbox from the server that owns it (a fresh clock and an
in-memory outbox when made alone, as the model tests do).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from typing import Any

import jwt
from moto.cognitoidp.models import (
    CognitoIdpBackend,
    CognitoIdpUser,
    CognitoIdpUserPool,
    CognitoIdpUserPoolClient,
)

from cognito_emulator import signing
from cognito_emulator.clock import Clock
from cognito_emulator.exceptions import (
    InvalidPasswordException,
    NotAuthorizedException,
    ResourceNotFoundException,
    UserNotFoundException,
)
from cognito_emulator.outbox import Outbox
from cognito_emulator.passwords import password_policy_problem
from cognito_emulator.sessions import DEFAULT_SESSION_MINUTES, INVALID_SESSION, SessionStore
from cognito_emulator.state import AuthSession, TokenRecord, UserState
from cognito_emulator.text import same_secret
from cognito_emulator.validation import check_password

INCORRECT_PASSWORD = "Incorrect username or password."  # noqa: S105 - a message

_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


def _secret_hash(client_secret: str, username: str, client_id: str) -> str:
    digest = hmac.new(
        client_secret.encode("utf-8"), (username + client_id).encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode("ascii")


class BackendBase(CognitoIdpBackend):
    """moto's backend plus the emulator's state and the contracts every concern shares."""

    def __init__(
        self,
        region_name: str,
        account_id: str,
        *,
        clock: Clock | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        super().__init__(region_name, account_id)
        self.clock = clock if clock is not None else Clock()
        self.outbox = outbox if outbox is not None else Outbox()
        self.user_states: dict[str, UserState] = {}
        self.auth_sessions = SessionStore(self.clock)
        self.token_records: dict[str, TokenRecord] = {}  # access token -> record

    def reset(self) -> None:
        """Forget every pool and user (moto's reset), keeping the server's clock and outbox."""
        clock, outbox = self.clock, self.outbox
        region_name, account_id = self.region_name, self.account_id
        self.__dict__ = {}
        self.__init__(region_name, account_id, clock=clock, outbox=outbox)  # type: ignore[misc]

    def now(self) -> float:
        return self.clock.now()

    def state_of(self, user: CognitoIdpUser) -> UserState:
        return self.user_states.setdefault(user.id, UserState())

    # ------------------------------------------------------------------ look-ups
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

    # ------------------------------------------------------------------ Cognito's checks
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
            if name and same_secret(_secret_hash(str(client.secret), name, client.id), secret_hash):
                return
        raise NotAuthorizedException(f"Unable to verify secret hash for client {client.id}")

    def _validate_password(self, user_pool_id: str, password: str) -> None:
        """Every password-setting call: the pool's policy with Cognito's defaults and reasons."""
        pool = self.describe_user_pool(user_pool_id)
        check_password(password)  # as the request validation does where the model has a shape
        policy = pool.extended_config.get("Policies", {}).get("PasswordPolicy", {})
        problem = password_policy_problem(policy, password)
        if problem:
            raise InvalidPasswordException(f"Password did not conform with policy: {problem}")

    # ------------------------------------------------------------------ the user's lifecycle
    def admin_delete_user(self, user_pool_id: str, username: str) -> None:
        """moto's deletion, and the emulator's state for the user (codes, TOTP, devices)."""
        user = self.admin_get_user(user_pool_id, username)
        super().admin_delete_user(user_pool_id, username)
        self.user_states.pop(user.id, None)

    # ------------------------------------------------------------------ sessions
    def new_session(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        username: str,
        challenge: str,
        **extra: Any,
    ) -> AuthSession:
        """A challenge session living the client's AuthSessionValidity (3 minutes)."""
        try:
            minutes = int(client.extended_config.get("AuthSessionValidity") or 0)
        except (TypeError, ValueError):
            minutes = 0
        validity = (minutes or DEFAULT_SESSION_MINUTES) * 60.0
        return self.auth_sessions.new(pool.id, client.id, username, challenge, validity, **extra)

    def _live(self, session: AuthSession) -> AuthSession:
        if session.pool_id not in self.user_pools:  # the pool was deleted meanwhile
            self.auth_sessions.drop(session)
            raise NotAuthorizedException(INVALID_SESSION)
        return session

    def get_session(self, session_id: str | None) -> AuthSession:
        """The live session ``session_id``; NotAuthorizedException when unknown or expired."""
        return self._live(self.auth_sessions.get(session_id))

    def find_session(
        self,
        session_id: str | None,
        client_id: str,
        challenge_name: str,
        responses: dict[str, str],
    ) -> AuthSession:
        """The live session a challenge answer belongs to (``Session`` may be left out for
        the SRP verifier challenges, as with Cognito)."""
        return self._live(self.auth_sessions.find(session_id, client_id, challenge_name, responses))

    # ------------------------------------------------------------------ tokens
    def jwks(self, user_pool_id: str) -> dict[str, Any]:
        """The pool's JSON Web Key Set; ResourceNotFoundException for an unknown pool."""
        self.describe_user_pool(user_pool_id)
        return signing.jwks()

    def issuer(self, pool: CognitoIdpUserPool) -> str:
        return f"https://cognito-idp.{self.region_name}.amazonaws.com/{pool.id}"

    def _validity(self, client: CognitoIdpUserPoolClient, kind: str, default: int) -> int:
        value = client.extended_config.get(f"{kind}TokenValidity")
        if not value:
            return default
        unit = (client.extended_config.get("TokenValidityUnits") or {}).get(
            f"{kind}Token", "days" if kind == "Refresh" else "hours"
        )
        return int(value) * _UNIT_SECONDS.get(str(unit), 3600)

    def issue_tokens(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        username: str,
        *,
        device_key: str | None = None,
        refresh_token: str | None = None,
        origin_jti: str | None = None,
    ) -> dict[str, Any]:
        """Signed ID and access tokens (and a refresh token unless refreshing)."""
        user = self._user(pool, username)
        now = int(self.now())
        new_refresh = refresh_token is None
        if refresh_token is None:
            refresh_token = secrets.token_urlsafe(96)
            origin_jti = str(uuid.uuid4())
            pool.refresh_tokens[refresh_token] = (client.id, user.username, origin_jti)
        assert origin_jti is not None
        access_exp = self._validity(client, "Access", 3600)
        id_exp = self._validity(client, "Id", 3600)
        event_id = str(uuid.uuid4())
        groups = sorted(g.group_name for g in user.groups)
        access_claims: dict[str, Any] = {
            "sub": user.id,
            "iss": self.issuer(pool),
            "client_id": client.id,
            "origin_jti": origin_jti,
            "event_id": event_id,
            "token_use": "access",
            "scope": "aws.cognito.signin.user.admin",
            "auth_time": now,
            "exp": now + access_exp,
            "iat": now,
            "jti": str(uuid.uuid4()),
            "username": user.username,
        }
        if device_key:
            access_claims["device_key"] = device_key
        if groups:
            access_claims["cognito:groups"] = groups
        id_claims: dict[str, Any] = {
            "sub": user.id,
            "aud": client.id,
            "iss": self.issuer(pool),
            "origin_jti": origin_jti,
            "event_id": event_id,
            "token_use": "id",
            "auth_time": now,
            "exp": now + id_exp,
            "iat": now,
            "jti": str(uuid.uuid4()),
            "cognito:username": user.username,
        }
        for name, value in user.attribute_lookup.items():
            if name == "sub":
                continue
            if name.endswith("_verified") and value in ("true", "false"):
                id_claims[name] = value == "true"
            else:
                id_claims[name] = value
        if groups:
            id_claims["cognito:groups"] = groups
        access_token = signing.sign(access_claims)
        id_token = signing.sign(id_claims)
        pool.access_tokens[access_token] = (client.id, user.username)
        pool.id_tokens[id_token] = (client.id, user.username)
        self.token_records[access_token] = TokenRecord(
            pool.id, client.id, user.username, origin_jti, device_key
        )
        result: dict[str, Any] = {
            "AccessToken": access_token,
            "ExpiresIn": access_exp,
            "TokenType": "Bearer",
            "IdToken": id_token,
        }
        if new_refresh:
            result["RefreshToken"] = refresh_token
        return result

    def resolve_access_token(
        self, access_token: str | None
    ) -> tuple[CognitoIdpUserPool, CognitoIdpUser, TokenRecord]:
        """Verify an access token: signature, expiry, revocation, the user behind it."""
        if not isinstance(access_token, str) or not access_token:
            raise NotAuthorizedException("Invalid Access Token")
        try:
            claims = signing.verified_claims(access_token)
        except jwt.PyJWTError:
            raise NotAuthorizedException("Invalid Access Token") from None
        record = self.token_records.get(access_token)
        if claims.get("token_use") != "access" or record is None:
            raise NotAuthorizedException("Invalid Access Token")
        pool = self.user_pools.get(record.pool_id)
        if pool is None:
            raise NotAuthorizedException("Invalid Access Token")
        if float(claims.get("exp", 0)) <= self.now():
            raise NotAuthorizedException("Access Token has expired")
        if access_token not in pool.access_tokens:
            raise NotAuthorizedException("Access Token has been revoked")
        user = pool._get_user(record.username)
        if user is None:
            raise UserNotFoundException("User does not exist.")
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        return pool, user, record
