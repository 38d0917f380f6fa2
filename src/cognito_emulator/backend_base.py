# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The base every part of :class:`~cognito_emulator.models.EmulatorBackend` builds on.

:class:`BackendBase` subclasses moto's ``CognitoIdpBackend`` and holds what every concern
shares, so that each mixin, alone or composed, resolves these to the same code:

* the state: ``clock`` (:class:`~cognito_emulator.clock.Clock`), ``outbox``
  (:class:`~cognito_emulator.outbox.Outbox`), per-user state (``state_of``), challenge
  ``auth_sessions`` (:class:`~cognito_emulator.sessions.SessionStore`), ``sign_ins``
  (:class:`~cognito_emulator.sign_ins.SignInStore`), ``pool_keys``;
* look-ups: a client and its pool, a user with Cognito's "not found" messages;
* Cognito's checks: SECRET_HASH, the password policy (``_validate_password``);
* the user's and pool's lifecycle: deleting one revokes its tokens and forgets the emulator's
  state for it;
* sessions: ``new_session`` / ``get_session`` / ``find_session``;
* tokens: ``issue_tokens`` (RS256 JWTs signed with the pool's keys,
  :mod:`~cognito_emulator.signing`), ``resolve_access_token`` and ``resolve_refresh_token``
  (signature, expiry, revocation, the user behind it), revoking them; the live sign-ins they
  belong to (:mod:`~cognito_emulator.sign_ins`).

A backend gets its clock and outbox from the server that owns it (a fresh clock and an
in-memory outbox when made alone, as the model tests do).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from collections.abc import Iterable
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
    RefreshTokenReuseException,
    ResourceNotFoundException,
    UserNotFoundException,
)
from cognito_emulator.outbox import Outbox
from cognito_emulator.passwords import password_policy_problem
from cognito_emulator.sessions import DEFAULT_SESSION_MINUTES, INVALID_SESSION, SessionStore
from cognito_emulator.sign_ins import SignInStore
from cognito_emulator.signing import PoolKeys
from cognito_emulator.state import AuthSession, SignIn, UserState
from cognito_emulator.text import same_secret
from cognito_emulator.validation import check_password

INCORRECT_PASSWORD = "Incorrect username or password."  # noqa: S105 - a message

_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
DEFAULT_REFRESH_SECONDS = 30 * 86400
"""A refresh token's lifetime when the app client sets none (Cognito: 30 days)."""


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
        issuer_url: str | None = None,
    ) -> None:
        super().__init__(region_name, account_id)
        self.clock = clock if clock is not None else Clock()
        self.outbox = outbox if outbox is not None else Outbox()
        self.issuer_url = issuer_url
        """Where the pools' ``iss`` points (None: Cognito's own URL)."""
        self.user_states: dict[str, UserState] = {}
        self.auth_sessions = SessionStore(self.clock)
        self.sign_ins = SignInStore(self.clock)
        self.pool_keys: dict[str, PoolKeys] = {}

    def reset(self) -> None:
        """Forget every pool and user (moto's reset), keeping the server's clock and outbox."""
        clock, outbox, issuer_url = self.clock, self.outbox, self.issuer_url
        region_name, account_id = self.region_name, self.account_id
        self.__dict__ = {}
        self.__init__(  # type: ignore[misc]
            region_name, account_id, clock=clock, outbox=outbox, issuer_url=issuer_url
        )

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
        """moto's deletion; the user's tokens revoked and the emulator's state for the user
        (codes, TOTP, devices) forgotten, so nothing of it passes for a new user of the name."""
        pool = self.describe_user_pool(user_pool_id)
        user = self.admin_get_user(user_pool_id, username)
        self.revoke_user_tokens(pool, user)
        super().admin_delete_user(user_pool_id, username)
        self.user_states.pop(user.id, None)

    def forget_pool(self, pool: CognitoIdpUserPool) -> None:
        """What the emulator keeps for a pool being deleted: its users' state and tokens, its
        keys (a deleted pool's tokens are refused, and verify against no other pool's keys)."""
        self.revoke_sign_ins(self.sign_ins.of_pool(pool.id))
        for user in pool.users.values():
            self.user_states.pop(user.id, None)
        self.pool_keys.pop(pool.id, None)

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
    def keys_of(self, user_pool_id: str) -> PoolKeys:
        """The signing and sealing keys of pool ``user_pool_id`` (made on first use)."""
        keys = self.pool_keys.get(user_pool_id)
        if keys is None:
            keys = self.pool_keys[user_pool_id] = PoolKeys()
        return keys

    def jwks(self, user_pool_id: str) -> dict[str, Any]:
        """The pool's JSON Web Key Set; ResourceNotFoundException for an unknown pool."""
        self.describe_user_pool(user_pool_id)
        return self.keys_of(user_pool_id).jwks()

    def issuer(self, pool: CognitoIdpUserPool) -> str:
        """The ``iss`` of the pool's tokens: Cognito's URL, or under ``issuer_url`` when the
        emulator was told to name itself (so verifiers find the JWKS from ``iss``)."""
        base = self.issuer_url or f"https://cognito-idp.{self.region_name}.amazonaws.com"
        return f"{base.rstrip('/')}/{pool.id}"

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
        user: CognitoIdpUser,
        *,
        device_key: str | None = None,
        sign_in: SignIn | None = None,
        new_refresh_token: bool = False,
    ) -> dict[str, Any]:
        """Signed ID and access tokens: of a new sign-in (with its refresh token), or renewed
        for ``sign_in`` (with a new refresh token only if ``new_refresh_token``: rotation)."""
        self.purge_sign_ins()
        now = self.now()
        result: dict[str, Any] = {}
        if sign_in is None:
            refresh_validity = self._validity(client, "Refresh", DEFAULT_REFRESH_SECONDS)
            sign_in = SignIn(
                origin_jti=str(uuid.uuid4()),
                pool_id=pool.id,
                client_id=client.id,
                sub=user.id,
                username=user.username,
                refresh_id=str(uuid.uuid4()),
                refresh_expires_at=now + refresh_validity,
                device_key=device_key,
                authenticated_at=now,
                keep_until=now + refresh_validity,
            )
            self.sign_ins.add(sign_in)
            new_refresh_token = True
        elif new_refresh_token:
            sign_in.refresh_id = str(uuid.uuid4())  # valid for what is left of the old one's time
        access_exp = self._validity(client, "Access", 3600)
        id_exp = self._validity(client, "Id", 3600)
        self.sign_ins.keep_until(sign_in, now + max(access_exp, id_exp))
        keys = self.keys_of(pool.id)
        claims = _token_claims(self, pool, client, user, sign_in, int(now), access_exp, id_exp)
        result["AccessToken"] = keys.sign(claims[signing.ACCESS], signing.ACCESS)
        result["ExpiresIn"] = access_exp
        result["TokenType"] = "Bearer"
        result["IdToken"] = keys.sign(claims[signing.ID], signing.ID)
        if new_refresh_token:
            result["RefreshToken"] = keys.seal(
                {
                    "o": sign_in.origin_jti,
                    "r": sign_in.refresh_id,
                    "c": client.id,
                    "e": sign_in.refresh_expires_at,
                }
            )
        return result

    def resolve_access_token(
        self, access_token: str | None
    ) -> tuple[CognitoIdpUserPool, CognitoIdpUser, SignIn]:
        """Verify an access token: the pool's signature, expiry, its sign-in still live (not
        revoked: RevokeToken, GlobalSignOut, the user deleted), the user it was issued to."""
        if not isinstance(access_token, str) or not access_token:
            raise NotAuthorizedException("Invalid Access Token")
        pool = self.user_pools.get(pool_id_of_token(access_token) or "")
        if pool is None:
            raise NotAuthorizedException("Invalid Access Token")
        try:
            claims = self.keys_of(pool.id).verified_claims(access_token, signing.ACCESS)
        except jwt.PyJWTError:
            raise NotAuthorizedException("Invalid Access Token") from None
        if claims.get("token_use") != "access" or claims.get("iss") != self.issuer(pool):
            raise NotAuthorizedException("Invalid Access Token")
        if float(claims.get("exp", 0)) <= self.now():
            raise NotAuthorizedException("Access Token has expired")
        sign_in = self.sign_ins.get(claims.get("origin_jti"))
        user = pool._get_user(sign_in.username) if sign_in else None
        if (
            sign_in is None
            or user is None
            or user.id != sign_in.sub
            or sign_in.sub != claims.get("sub")
        ):
            raise NotAuthorizedException("Access Token has been revoked")
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        return pool, user, sign_in

    def resolve_refresh_token(
        self, pool: CognitoIdpUserPool, client: CognitoIdpUserPoolClient, refresh_token: object
    ) -> tuple[CognitoIdpUser, SignIn, str]:
        """The user and live sign-in a refresh token renews for ``client``, and the token's id:
        refused when it is not one of the pool's, another client's, expired, revoked, or
        rotated out (after the grace period)."""
        contents = (
            self.keys_of(pool.id).unseal(refresh_token) if isinstance(refresh_token, str) else None
        )
        if contents is None or contents.get("c") != client.id:
            raise NotAuthorizedException("Invalid Refresh Token")
        now = self.now()
        if not isinstance(contents.get("e"), (int, float)) or contents["e"] <= now:
            raise NotAuthorizedException("Refresh Token has expired")
        sign_in = self.sign_ins.get(contents.get("o"))
        user = pool._get_user(sign_in.username) if sign_in else None
        if sign_in is None or user is None or user.id != sign_in.sub:
            raise NotAuthorizedException("Refresh Token has been revoked")
        in_grace = contents.get("r") == sign_in.retired_refresh_id and now < sign_in.retired_until
        if contents.get("r") != sign_in.refresh_id and not in_grace:
            raise RefreshTokenReuseException(
                "Refresh token has been rotated out and can't be used again."
            )
        return user, sign_in, str(contents.get("r"))

    def purge_sign_ins(self) -> None:
        """Forget the sign-ins whose tokens have all expired (and the devices they created)."""
        for sign_in in self.sign_ins.purge():
            self._forget_unconfirmed_device(sign_in)

    def revoke_sign_ins(self, sign_ins: Iterable[SignIn]) -> None:
        """Revoke ``sign_ins``: their refresh, ID and access tokens are refused from now on."""
        for sign_in in self.sign_ins.drop(sign_ins):
            self._forget_unconfirmed_device(sign_in)

    def revoke_user_tokens(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> None:
        """Revoke every token of ``user`` (GlobalSignOut, AdminUserGlobalSignOut, deletion)."""
        self.revoke_sign_ins(self.sign_ins.of_user(pool.id, user.id))

    def _forget_unconfirmed_device(self, sign_in: SignIn) -> None:
        """A new device (NewDeviceMetadata) not confirmed by the end of its sign-in can never be
        confirmed: ConfirmDevice needs that sign-in's access token."""
        state = self.user_states.get(sign_in.sub)
        device = state.devices.get(sign_in.device_key or "") if state else None
        if state is not None and device is not None and not device.confirmed:
            del state.devices[device.key]


def rotation_grace(client: CognitoIdpUserPoolClient) -> int | None:
    """With the client's refresh-token rotation ENABLED, the seconds a rotated-out refresh
    token still works (RetryGracePeriodSeconds, 0 to 60); None without rotation."""
    rotation = client.extended_config.get("RefreshTokenRotation") or {}
    if rotation.get("Feature") != "ENABLED":
        return None
    try:
        return max(0, min(60, int(rotation.get("RetryGracePeriodSeconds") or 0)))
    except (TypeError, ValueError):
        return 0


def pool_id_of_token(token: str) -> str | None:
    """The user pool a JWT names as its issuer (unverified: to find where to verify it)."""
    claims = signing.unverified_claims(token)
    issuer = claims.get("iss") if claims else None
    return issuer.rsplit("/", 1)[-1] if isinstance(issuer, str) else None


def _token_claims(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    sign_in: SignIn,
    now: int,
    access_exp: int,
    id_exp: int,
) -> dict[str, dict[str, Any]]:
    """The claims of an access and an ID token, as Cognito's."""
    event_id = str(uuid.uuid4())
    groups = sorted(g.group_name for g in user.groups)
    auth_time = int(sign_in.authenticated_at)
    access: dict[str, Any] = {
        "sub": user.id,
        "iss": backend.issuer(pool),
        "client_id": client.id,
        "origin_jti": sign_in.origin_jti,
        "event_id": event_id,
        "token_use": "access",
        "scope": "aws.cognito.signin.user.admin",
        "auth_time": auth_time,
        "exp": now + access_exp,
        "iat": now,
        "jti": str(uuid.uuid4()),
        "username": user.username,
    }
    if sign_in.device_key:
        access["device_key"] = sign_in.device_key
    if groups:
        access["cognito:groups"] = groups
    id_claims: dict[str, Any] = {
        "sub": user.id,
        "aud": client.id,
        "iss": backend.issuer(pool),
        "origin_jti": sign_in.origin_jti,
        "event_id": event_id,
        "token_use": "id",
        "auth_time": auth_time,
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
    return {signing.ACCESS: access, signing.ID: id_claims}
