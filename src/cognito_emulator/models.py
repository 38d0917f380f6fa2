"""What cognito-emulator adds to moto's Cognito user-pool model, in one place.

:class:`EmulatorBackend` subclasses moto's ``CognitoIdpBackend`` and keeps moto's pools,
clients and users. On top of them it adds, checked for real:

* codes: SignUp / ResendConfirmationCode / ForgotPassword / AdminResetUserPassword generate
  6-digit codes that expire, delivered to the outbox; AdminCreateUser delivers the temporary
  password the same way; ConfirmSignUp / ConfirmForgotPassword accept only those codes;
* MFA as Cognito does it: MFA_SETUP for users without an authenticator on MFA ON pools,
  SOFTWARE_TOKEN_MFA for users with one (OPTIONAL pools follow the user's preference), a
  random TOTP secret per AssociateSoftwareToken, codes checked with a one-step window;
* SRP: PASSWORD_VERIFIER from the user's password verifier, the claim signature checked;
* devices: NewDeviceMetadata, ConfirmDevice, remembered devices answering DEVICE_SRP_AUTH /
  DEVICE_PASSWORD_VERIFIER, device listing, forgetting and status updates;
* tokens: RS256 JWTs signed with a key served as the pool's JWKS, expiring by the backend's
  clock, revoked by RevokeToken / GlobalSignOut / AdminUserGlobalSignOut;
* sessions: opaque random strings that expire (the client's AuthSessionValidity, 3 minutes);
* SECRET_HASH checked for app clients with a secret.

Time comes from ``backend.clock`` (a callable returning epoch seconds), so tests can make
time pass without sleeping.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
import string
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ClassVar

import jwt
import moto.cognitoidp.models as _moto_cognito_models
import pyotp
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jwk as _moto_jwk
from moto.cognitoidp.models import (
    AuthFlow,
    CognitoIdpBackend,
    CognitoIdpUser,
    CognitoIdpUserPool,
    CognitoIdpUserPoolClient,
    UserStatus,
    cognitoidp_backends,
)
from moto.cognitoidp.utils import flatten_attrs

from cognito_emulator import srp
from cognito_emulator.exceptions import (
    CodeMismatchException,
    EnableSoftwareTokenMFAException,
    ExpiredCodeException,
    InvalidParameterException,
    NotAuthorizedException,
    PasswordResetRequiredException,
    ResourceNotFoundException,
    SoftwareTokenMFANotFoundException,
    UnsupportedOperationException,
    UnsupportedTokenTypeException,
    UserNotConfirmedException,
    UserNotFoundException,
)

SIGN_UP_CODE_VALIDITY = 24 * 3600
"""Seconds a sign-up confirmation code stays valid (Cognito: 24 hours)."""
FORGOT_PASSWORD_CODE_VALIDITY = 3600
"""Seconds a password-reset code stays valid (Cognito: 1 hour)."""
DEFAULT_SESSION_MINUTES = 3
"""Lifetime of a challenge ``Session`` when the app client sets no AuthSessionValidity."""
MAX_MFA_ATTEMPTS = 5
"""Wrong MFA codes accepted in one session before the session is dropped."""

TRIGGER_SIGN_UP = "CustomMessage_SignUp"
TRIGGER_RESEND_CODE = "CustomMessage_ResendCode"
TRIGGER_FORGOT_PASSWORD = "CustomMessage_ForgotPassword"  # noqa: S105 - not a password
TRIGGER_ADMIN_CREATE_USER = "CustomMessage_AdminCreateUser"

INVALID_SESSION = "Invalid session for the user, session is expired."
INCORRECT_PASSWORD = "Incorrect username or password."  # noqa: S105 - a message

_SIGN_UP_PURPOSE = "sign_up"
_FORGOT_PURPOSE = "forgot_password"

_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


def mask_destination(destination: str) -> str:
    """Mask an e-mail address or phone number the way Cognito's CodeDeliveryDetails do."""
    if "@" in destination:
        local, _, domain = destination.partition("@")
        return f"{local[:1]}***@{domain[:1]}***"
    return "+" + "*" * max(len(destination) - 5, 0) + destination[-4:]


@dataclass
class DeliveredCode:
    code: str
    purpose: str
    expires_at: float


@dataclass
class Device:
    key: str
    group_key: str
    created: float
    name: str | None = None
    verifier: int | None = None
    salt: bytes | None = None
    confirmed: bool = False
    remembered: bool = False
    modified: float = 0.0
    last_authenticated: float = 0.0

    def to_json(self) -> dict[str, Any]:
        attributes = [
            {"Name": "device_status", "Value": "valid"},
            {
                "Name": "dev:device_remembered_status",
                "Value": "remembered" if self.remembered else "not_remembered",
            },
        ]
        if self.name:
            attributes.insert(0, {"Name": "device_name", "Value": self.name})
        return {
            "DeviceKey": self.key,
            "DeviceAttributes": attributes,
            "DeviceCreateDate": _dt(self.created),
            "DeviceLastModifiedDate": _dt(self.modified or self.created),
            "DeviceLastAuthenticatedDate": _dt(self.last_authenticated or self.created),
        }


@dataclass
class UserState:
    """Per-user state moto does not keep (keyed by the user's ``sub``)."""

    codes: list[DeliveredCode] = field(default_factory=list)
    pending_totp_secret: str | None = None
    totp_secret: str | None = None
    device_group_key: str = field(default_factory=lambda: "-" + _random_alnum(9))
    devices: dict[str, Device] = field(default_factory=dict)


@dataclass
class AuthSession:
    """A challenge in progress; ``id`` is the opaque ``Session`` string the client sees."""

    id: str
    pool_id: str
    client_id: str
    username: str
    challenge: str
    created: float
    srp: srp.SrpChallenge | None = None
    user_id_for_srp: str = ""
    device_key: str | None = None
    totp_verified: bool = False
    attempts: int = 0


@dataclass
class TokenRecord:
    pool_id: str
    client_id: str
    username: str
    origin_jti: str
    device_key: str | None = None


_KEY_LOCK = threading.Lock()
_PROCESS_KID = uuid.uuid4().hex


def _dt(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=timezone.utc)


def _random_alnum(n: int) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(n))


def _secret_hash(client_secret: str, username: str, client_id: str) -> str:
    digest = hmac.new(
        client_secret.encode("utf-8"), (username + client_id).encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode("ascii")


class EmulatorBackend(CognitoIdpBackend):
    """moto's Cognito backend with Cognito's checks; see the module docstring."""

    def create_user_pool(self, name: str, extended_config: dict[str, Any]) -> CognitoIdpUserPool:
        install()
        return super().create_user_pool(name, extended_config)

    _process_key: ClassVar[rsa.RSAPrivateKey | None] = None
    default_outboxes: ClassVar[list[Path]] = []
    """Folders messages are written to by default (each EmulatorServer registers its own)."""

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.clock: Callable[[], float] = time.time
        self.outboxes: list[Path] = EmulatorBackend.default_outboxes
        self.user_states: dict[str, UserState] = {}
        self.auth_sessions: dict[str, AuthSession] = {}
        self.sent_messages: list[dict[str, str]] = []
        self.token_records: dict[str, TokenRecord] = {}  # access token -> record
        self._by_secret_block: dict[str, str] = {}
        self._device_auth_pending: dict[tuple[str, str], str] = {}
        self._lock = threading.RLock()
        self._kid = _PROCESS_KID

    # ------------------------------------------------------------------ helpers
    def now(self) -> float:
        return float(self.clock())

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

    # ------------------------------------------------------------------ delivery
    def _destination(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> tuple[str, str]:
        """(attribute name, value) a code goes to: e-mail first, else phone number."""
        attrs = user.attribute_lookup
        order = ["email", "phone_number"]
        auto = pool.extended_config.get("AutoVerifiedAttributes") or []
        if "phone_number" in auto and "email" not in auto:
            order.reverse()
        for name in order:
            if attrs.get(name):
                return name, str(attrs[name])
        raise InvalidParameterException(
            "Cannot deliver a code: the user has no email or phone_number attribute."
        )

    def deliver(
        self, pool: CognitoIdpUserPool, user: CognitoIdpUser, trigger: str, code: str
    ) -> dict[str, str]:
        """Write one message to the outbox(es); return masked CodeDeliveryDetails."""
        attribute, destination = self._destination(pool, user)
        message = {
            "username": user.username,
            "user_pool_id": pool.id,
            "destination": destination,
            "trigger": trigger,
            "code": code,
            "sent_at": _dt(self.now()).isoformat(timespec="microseconds"),
        }
        self.sent_messages.append(message)
        for folder in list(self.outboxes):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.json"
                tmp = folder / f".{name}.tmp"
                tmp.write_text(json.dumps(message, indent=2), encoding="utf-8")
                tmp.replace(folder / name)
            except OSError:
                continue
        return {
            "Destination": mask_destination(destination),
            "DeliveryMedium": "EMAIL" if attribute == "email" else "SMS",
            "AttributeName": attribute,
        }

    def _new_code(
        self, pool: CognitoIdpUserPool, user: CognitoIdpUser, purpose: str, trigger: str
    ) -> dict[str, str]:
        code = f"{secrets.randbelow(1_000_000):06d}"
        validity = (
            SIGN_UP_CODE_VALIDITY
            if purpose == _SIGN_UP_PURPOSE
            else (FORGOT_PASSWORD_CODE_VALIDITY)
        )
        details = self.deliver(pool, user, trigger, code)
        state = self.state_of(user)
        if purpose == _FORGOT_PURPOSE:  # a new reset code replaces the previous one
            state.codes = [c for c in state.codes if c.purpose != purpose]
        state.codes.append(DeliveredCode(code, purpose, self.now() + validity))
        return details

    def _use_code(self, user: CognitoIdpUser, purpose: str, code: str | None) -> None:
        state = self.state_of(user)
        now = self.now()
        matches = [
            c
            for c in state.codes
            if c.purpose == purpose and hmac.compare_digest(c.code, str(code or ""))
        ]
        if not matches:
            raise CodeMismatchException("Invalid verification code provided, please try again.")
        if all(c.expires_at <= now for c in matches):
            raise ExpiredCodeException("Invalid code provided, please request a code again.")
        state.codes = [c for c in state.codes if c.purpose != purpose]

    # ------------------------------------------------------------------ sign-up codes
    def sign_up(
        self,
        client_id: str,
        username: str,
        password: str,
        attributes: list[dict[str, str]],
        secret_hash: str | None = None,
    ) -> tuple[CognitoIdpUser, dict[str, str] | None]:
        client, pool = self._client_and_pool(client_id)
        self.check_secret_hash(client, secret_hash, username)
        if not isinstance(password, str) or not password:
            raise InvalidParameterException("Missing required parameter Password")
        user, _ = super().sign_up(client_id, username, password, attributes or [])
        try:
            details = self._new_code(pool, user, _SIGN_UP_PURPOSE, TRIGGER_SIGN_UP)
        except InvalidParameterException:
            details = None  # nowhere to send a code: an administrator confirms the user
        return user, details

    def confirm_sign_up(
        self,
        client_id: str,
        username: str,
        confirmation_code: str | None = None,
        secret_hash: str | None = None,
    ) -> str:
        client, pool = self._client_and_pool(client_id)
        self.check_secret_hash(client, secret_hash, username)
        user = self._signup_user(pool, username)
        self.check_secret_hash(client, secret_hash, username, user.username)
        if user.status != UserStatus.UNCONFIRMED:
            raise NotAuthorizedException(
                f"User cannot be confirmed. Current status is {UserStatus(user.status).value}"
            )
        self._use_code(user, _SIGN_UP_PURPOSE, confirmation_code)
        user.status = UserStatus.CONFIRMED
        self._mark_destination_verified(pool, user)
        return ""

    def _mark_destination_verified(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> None:
        try:
            attribute, _ = self._destination(pool, user)
        except InvalidParameterException:
            return
        user.update_attributes([{"Name": f"{attribute}_verified", "Value": "true"}])

    def resend_confirmation_code(
        self, client_id: str, username: str, secret_hash: str | None = None
    ) -> dict[str, str]:
        client, pool = self._client_and_pool(client_id)
        user = self._signup_user(pool, username)
        self.check_secret_hash(client, secret_hash, username, user.username)
        if user.status != UserStatus.UNCONFIRMED:
            raise InvalidParameterException("User is already confirmed.")
        return self._new_code(pool, user, _SIGN_UP_PURPOSE, TRIGGER_RESEND_CODE)

    def forgot_password(
        self, client_id: str, username: str, secret_hash: str | None = None
    ) -> tuple[str | None, dict[str, Any]]:
        client, pool = self._client_and_pool(client_id)
        user = self._signup_user(pool, username)
        self.check_secret_hash(client, secret_hash, username, user.username)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        recovery = (pool.extended_config.get("AccountRecoverySetting") or {}).get(
            "RecoveryMechanisms"
        ) or []
        if (
            recovery
            and min(recovery, key=lambda m: m.get("Priority", 1)).get("Name") == "admin_only"
        ):
            raise NotAuthorizedException("Contact administrator to reset password.")
        verified = [
            name
            for name in ("email", "phone_number")
            if user.attribute_lookup.get(name)
            and str(user.attribute_lookup.get(f"{name}_verified", "false")).lower() == "true"
        ]
        if not verified:
            raise InvalidParameterException(
                "Cannot reset password for the user as there is no registered/verified "
                "email or phone_number"
            )
        details = self._new_code(pool, user, _FORGOT_PURPOSE, TRIGGER_FORGOT_PASSWORD)
        return None, {"CodeDeliveryDetails": details}

    def confirm_forgot_password(
        self,
        client_id: str,
        username: str,
        password: str,
        confirmation_code: str,
        secret_hash: str | None = None,
    ) -> None:
        client, pool = self._client_and_pool(client_id)
        user = self._signup_user(pool, username)
        self.check_secret_hash(client, secret_hash, username, user.username)
        state = self.state_of(user)
        if not any(c.purpose == _FORGOT_PURPOSE for c in state.codes):
            raise ExpiredCodeException("Invalid code provided, please request a code again.")
        self._use_code(user, _FORGOT_PURPOSE, confirmation_code)
        self._validate_password(pool.id, password)
        user.password = password
        if user.status in (UserStatus.RESET_REQUIRED, UserStatus.FORCE_CHANGE_PASSWORD):
            user.status = UserStatus.CONFIRMED

    def admin_reset_user_password(self, user_pool_id: str, username: str) -> None:
        super().admin_reset_user_password(user_pool_id, username)
        pool = self.describe_user_pool(user_pool_id)
        user = self.admin_get_user(user_pool_id, username)
        self._new_code(pool, user, _FORGOT_PURPOSE, TRIGGER_FORGOT_PASSWORD)

    def admin_create_user(
        self,
        user_pool_id: str,
        username: str,
        message_action: str,
        temporary_password: str,
        attributes: list[dict[str, str]],
    ) -> CognitoIdpUser:
        pool = self.describe_user_pool(user_pool_id)
        if temporary_password:
            self._validate_password(user_pool_id, temporary_password)
        elif message_action == "RESEND":
            temporary_password = str(self.admin_get_user(user_pool_id, username).password or "")
        if not temporary_password:
            temporary_password = self._generate_password()
        user = super().admin_create_user(
            user_pool_id, username, message_action, temporary_password, attributes or []
        )
        if message_action == "RESEND":
            user.password = temporary_password
        if message_action != "SUPPRESS":
            # no e-mail / phone: Cognito would not send anything either
            with contextlib.suppress(InvalidParameterException):
                self.deliver(pool, user, TRIGGER_ADMIN_CREATE_USER, temporary_password)
        return user

    @staticmethod
    def _generate_password() -> str:
        return (
            secrets.choice(string.ascii_uppercase)
            + secrets.choice(string.ascii_lowercase)
            + secrets.choice(string.digits)
            + secrets.choice("!#%+-=")
            + _random_alnum(8)
        )

    # ------------------------------------------------------------------ sessions
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

    # ------------------------------------------------------------------ tokens
    @property
    def signing_key(self) -> rsa.RSAPrivateKey:
        """The RSA key tokens are signed with: one per emulator process, made on first use."""
        with _KEY_LOCK:
            if EmulatorBackend._process_key is None:
                EmulatorBackend._process_key = rsa.generate_private_key(
                    public_exponent=65537, key_size=2048
                )
            return EmulatorBackend._process_key

    def jwks(self, user_pool_id: str) -> dict[str, Any]:
        """The pool's JSON Web Key Set; ResourceNotFoundException for an unknown pool."""
        self.describe_user_pool(user_pool_id)
        key = jwt.algorithms.RSAAlgorithm.to_jwk(self.signing_key.public_key(), as_dict=True)
        key.update({"kid": self._kid, "alg": "RS256", "use": "sig"})
        return {"keys": [key]}

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

    def _jwt(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": self._kid})

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
        access_token = self._jwt(access_claims)
        id_token = self._jwt(id_claims)
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
            claims = jwt.decode(
                access_token,
                self.signing_key.public_key(),
                algorithms=["RS256"],
                options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
            )
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

    def get_user(self, access_token: str) -> CognitoIdpUser:
        return self.resolve_access_token(access_token)[1]

    def delete_user(self, access_token: str) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        pool.sign_out(user.username)
        self.admin_delete_user(pool.id, user.username)
        self.user_states.pop(user.id, None)

    def change_password(
        self, access_token: str, previous_password: str, proposed_password: str
    ) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        if user.password != previous_password:
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        self._validate_password(pool.id, proposed_password)
        user.password = proposed_password

    def global_sign_out(self, access_token: str) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        pool.sign_out(user.username)

    def revoke_token(self, token: str, client_id: str, client_secret: str | None) -> None:
        """RevokeToken: revoke a refresh token and every access token issued from it."""
        client, pool = self._client_and_pool(client_id)
        if client.generate_secret and not hmac.compare_digest(
            str(client.secret).encode(), str(client_secret or "").encode()
        ):
            raise NotAuthorizedException(f"Unable to verify secret hash for client {client_id}")
        if client.extended_config.get("EnableTokenRevocation") is False:
            raise UnsupportedOperationException(
                "Token revocation is not enabled for this app client."
            )
        if token in self.token_records or token in pool.id_tokens:
            raise UnsupportedTokenTypeException("Unsupported token type.")
        entry = pool.refresh_tokens.get(token)
        if token not in pool.refresh_tokens:
            return  # RFC 7009: an unknown token is not an error
        if entry is not None and entry[0] != client_id:
            raise NotAuthorizedException("Invalid Refresh Token")
        pool.refresh_tokens[token] = None
        if entry is None:
            return
        origin_jti = entry[2]
        for access_token, record in list(self.token_records.items()):
            if record.pool_id == pool.id and record.origin_jti == origin_jti:
                pool.access_tokens.pop(access_token, None)

    # ------------------------------------------------------------------ sign-in
    def _check_flow_allowed(self, client: CognitoIdpUserPoolClient, flow: AuthFlow) -> None:
        allowed = client.extended_config.get("ExplicitAuthFlows") or []
        if not allowed:
            return
        names = {
            AuthFlow.USER_SRP_AUTH: {"ALLOW_USER_SRP_AUTH"},
            AuthFlow.USER_PASSWORD_AUTH: {"ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"},
            AuthFlow.ADMIN_USER_PASSWORD_AUTH: {
                "ALLOW_ADMIN_USER_PASSWORD_AUTH",
                "ADMIN_NO_SRP_AUTH",
            },
            AuthFlow.ADMIN_NO_SRP_AUTH: {"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"},
            AuthFlow.REFRESH_TOKEN_AUTH: {"ALLOW_REFRESH_TOKEN_AUTH"},
            AuthFlow.REFRESH_TOKEN: {"ALLOW_REFRESH_TOKEN_AUTH"},
            AuthFlow.CUSTOM_AUTH: {"ALLOW_CUSTOM_AUTH", "CUSTOM_AUTH_FLOW_ONLY"},
        }.get(flow, set())
        if flow in (AuthFlow.REFRESH_TOKEN_AUTH, AuthFlow.REFRESH_TOKEN):
            return  # Cognito always allows refreshing
        if not names & set(allowed):
            raise InvalidParameterException(f"{flow.value} flow not enabled for this client")

    def admin_initiate_auth(
        self,
        user_pool_id: str,
        client_id: str,
        auth_flow: str,
        auth_parameters: dict[str, str] | None,
    ) -> dict[str, Any]:
        flow = self._validate_auth_flow(
            auth_flow,
            [
                AuthFlow.ADMIN_NO_SRP_AUTH,
                AuthFlow.ADMIN_USER_PASSWORD_AUTH,
                AuthFlow.REFRESH_TOKEN_AUTH,
                AuthFlow.REFRESH_TOKEN,
            ],
        )
        client, pool = self._client_and_pool(client_id, user_pool_id)
        return self._initiate(pool, client, flow, auth_parameters or {})

    def initiate_auth(
        self, client_id: str, auth_flow: str, auth_parameters: dict[str, str] | None
    ) -> dict[str, Any]:
        flow = self._validate_auth_flow(
            auth_flow,
            [
                AuthFlow.USER_SRP_AUTH,
                AuthFlow.REFRESH_TOKEN_AUTH,
                AuthFlow.REFRESH_TOKEN,
                AuthFlow.CUSTOM_AUTH,
                AuthFlow.USER_PASSWORD_AUTH,
            ],
        )
        client, pool = self._client_and_pool(client_id)
        return self._initiate(pool, client, flow, auth_parameters or {})

    def _initiate(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        flow: AuthFlow,
        params: dict[str, str],
    ) -> dict[str, Any]:
        self._check_flow_allowed(client, flow)
        if flow in (AuthFlow.REFRESH_TOKEN_AUTH, AuthFlow.REFRESH_TOKEN):
            return self._refresh(pool, client, params)
        if flow is AuthFlow.CUSTOM_AUTH:
            raise InvalidParameterException(
                "Custom auth lambda trigger is not configured for the user pool."
            )
        username = params.get("USERNAME")
        if not username:
            raise InvalidParameterException("Missing required parameter USERNAME")
        user = self._user(pool, username)
        self.check_secret_hash(client, params.get("SECRET_HASH"), username, user.username)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        if flow is AuthFlow.USER_SRP_AUTH:
            return self._start_user_srp(pool, client, user, params)
        password = params.get("PASSWORD")
        if not password:
            raise InvalidParameterException("Missing required parameter PASSWORD")
        if user.password is None or not hmac.compare_digest(
            str(user.password).encode(), str(password).encode()
        ):
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        return self._after_password(pool, client, user, params.get("DEVICE_KEY"))

    def _refresh(
        self, pool: CognitoIdpUserPool, client: CognitoIdpUserPoolClient, params: dict[str, str]
    ) -> dict[str, Any]:
        token = params.get("REFRESH_TOKEN")
        if not token:
            raise InvalidParameterException("Missing required parameter REFRESH_TOKEN")
        if token not in pool.refresh_tokens:
            raise NotAuthorizedException("Invalid Refresh Token")
        entry = pool.refresh_tokens[token]
        if entry is None:
            raise NotAuthorizedException("Refresh Token has been revoked")
        client_id, username, origin_jti = entry
        if client_id != client.id:
            raise NotAuthorizedException("Invalid Refresh Token")
        user = self._user(pool, username)
        self.check_secret_hash(client, params.get("SECRET_HASH"), username, user.id)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        tokens = self.issue_tokens(
            pool,
            client,
            user.username,
            refresh_token=token,
            origin_jti=origin_jti,
            device_key=params.get("DEVICE_KEY"),
        )
        return {"ChallengeParameters": {}, "AuthenticationResult": tokens}

    def _start_user_srp(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        user: CognitoIdpUser,
        params: dict[str, str],
    ) -> dict[str, Any]:
        srp_a = params.get("SRP_A")
        if not srp_a:
            raise InvalidParameterException("Missing required parameter SRP_A")
        if user.status == UserStatus.UNCONFIRMED:
            raise UserNotConfirmedException("User is not confirmed.")
        salt = srp.new_salt()
        user_id_for_srp = user.username
        pool_name = pool.id.split("_", 1)[-1]
        verifier = srp.user_verifier(pool_name, user_id_for_srp, str(user.password or ""), salt)
        try:
            challenge = srp.SrpChallenge.start(verifier, srp_a, salt)
        except ValueError as exc:
            raise InvalidParameterException(f"Invalid SRP_A: {exc}") from None
        session = self._new_session(
            pool,
            client,
            user.username,
            "PASSWORD_VERIFIER",
            srp=challenge,
            user_id_for_srp=user_id_for_srp,
            device_key=params.get("DEVICE_KEY"),
        )
        return {
            "ChallengeName": "PASSWORD_VERIFIER",
            "Session": session.id,
            "ChallengeParameters": {
                "SALT": challenge.salt_hex,
                "SRP_B": challenge.srp_b_hex,
                "SECRET_BLOCK": challenge.secret_block_b64,
                "USER_ID_FOR_SRP": user_id_for_srp,
                "USERNAME": user.username,
            },
        }

    def _remembered_device(self, user: CognitoIdpUser, device_key: str | None) -> Device | None:
        if not device_key:
            return None
        device = self.state_of(user).devices.get(device_key)
        if device and device.confirmed and device.remembered and device.verifier:
            return device
        return None

    def _mfa_challenge(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> str | None:
        """Which MFA challenge (if any) a password sign-in of ``user`` must answer."""
        state = self.state_of(user)
        totp_ready = state.totp_secret is not None
        totp_allowed = bool((pool.token_mfa_config or {}).get("Enabled"))
        if pool.mfa_config == "ON":
            if totp_ready and totp_allowed:
                return "SOFTWARE_TOKEN_MFA"
            if totp_allowed:
                return "MFA_SETUP"
            return None  # SMS MFA is not emulated
        optional_on = pool.mfa_config == "OPTIONAL" and user.software_token_mfa_enabled
        if optional_on and totp_ready and totp_allowed:
            return "SOFTWARE_TOKEN_MFA"
        return None

    def _after_password(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        user: CognitoIdpUser,
        device_key: str | None,
        session: AuthSession | None = None,
    ) -> dict[str, Any]:
        """The password was right: next challenge, or tokens."""
        if session is not None:
            self._drop_session(session)
        if user.status == UserStatus.UNCONFIRMED:
            raise UserNotConfirmedException("User is not confirmed.")
        if user.status == UserStatus.RESET_REQUIRED:
            raise PasswordResetRequiredException()
        if user.status == UserStatus.FORCE_CHANGE_PASSWORD:
            new = self._new_session(
                pool, client, user.username, "NEW_PASSWORD_REQUIRED", device_key=device_key
            )
            attrs = {k: v for k, v in user.attribute_lookup.items() if k != "sub"}
            return {
                "ChallengeName": "NEW_PASSWORD_REQUIRED",
                "Session": new.id,
                "ChallengeParameters": {
                    "USER_ID_FOR_SRP": user.username,
                    "requiredAttributes": "[]",
                    "userAttributes": json.dumps(attrs),
                },
            }
        return self._after_first_factor(pool, client, user, device_key)

    def _after_first_factor(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        user: CognitoIdpUser,
        device_key: str | None,
    ) -> dict[str, Any]:
        device = self._remembered_device(user, device_key)
        if device is not None:
            new = self._new_session(
                pool, client, user.username, "DEVICE_SRP_AUTH", device_key=device.key
            )
            self._device_auth_pending[(client.id, device.key)] = new.id
            return {
                "ChallengeName": "DEVICE_SRP_AUTH",
                "Session": new.id,
                "ChallengeParameters": {},
            }
        challenge = self._mfa_challenge(pool, user)
        if challenge == "MFA_SETUP":
            new = self._new_session(pool, client, user.username, "MFA_SETUP", device_key=device_key)
            return {
                "ChallengeName": "MFA_SETUP",
                "Session": new.id,
                "ChallengeParameters": {"MFAS_CAN_SETUP": '["SOFTWARE_TOKEN_MFA"]'},
            }
        if challenge == "SOFTWARE_TOKEN_MFA":
            new = self._new_session(
                pool, client, user.username, "SOFTWARE_TOKEN_MFA", device_key=device_key
            )
            return {
                "ChallengeName": "SOFTWARE_TOKEN_MFA",
                "Session": new.id,
                "ChallengeParameters": {"FRIENDLY_DEVICE_NAME": "TOTP device"},
            }
        return self._signed_in(pool, client, user, device_key)

    def _signed_in(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        user: CognitoIdpUser,
        device_key: str | None,
        device_authenticated: bool = False,
    ) -> dict[str, Any]:
        """Tokens, plus NewDeviceMetadata when the pool tracks devices and none was used."""
        state = self.state_of(user)
        known = state.devices.get(device_key or "")
        if known is not None and known.confirmed:
            known.last_authenticated = self.now()
        else:
            known = None
        tokens = self.issue_tokens(
            pool, client, user.username, device_key=known.key if known else None
        )
        if (
            pool.extended_config.get("DeviceConfiguration")
            and known is None
            and not device_authenticated
        ):
            device = Device(
                key=f"{self.region_name}_{uuid.uuid4()}",
                group_key=state.device_group_key,
                created=self.now(),
            )
            state.devices[device.key] = device
            tokens["NewDeviceMetadata"] = {
                "DeviceKey": device.key,
                "DeviceGroupKey": device.group_key,
            }
            record = self.token_records[tokens["AccessToken"]]
            record.device_key = device.key
        return {"ChallengeParameters": {}, "AuthenticationResult": tokens}

    # ------------------------------------------------------------------ challenges
    def admin_respond_to_auth_challenge(
        self,
        session: str | None,
        client_id: str,
        challenge_name: str,
        challenge_responses: dict[str, str] | None,
        user_pool_id: str | None = None,
    ) -> dict[str, Any]:
        return self.respond_to_auth_challenge(
            session, client_id, challenge_name, challenge_responses, user_pool_id=user_pool_id
        )

    def respond_to_auth_challenge(
        self,
        session: str | None,
        client_id: str,
        challenge_name: str,
        challenge_responses: dict[str, str] | None,
        user_pool_id: str | None = None,
    ) -> dict[str, Any]:
        with self._lock:
            return self._respond(
                session, client_id, challenge_name, challenge_responses or {}, user_pool_id
            )

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

    def _respond(
        self,
        session_id: str | None,
        client_id: str,
        challenge_name: str,
        responses: dict[str, str],
        user_pool_id: str | None,
    ) -> dict[str, Any]:
        client, pool = self._client_and_pool(client_id, user_pool_id)
        known = {
            "PASSWORD_VERIFIER",
            "DEVICE_SRP_AUTH",
            "DEVICE_PASSWORD_VERIFIER",
            "SOFTWARE_TOKEN_MFA",
            "MFA_SETUP",
            "NEW_PASSWORD_REQUIRED",
        }
        if challenge_name not in known:
            raise InvalidParameterException(
                f"The {challenge_name} challenge is not supported by cognito-emulator"
            )
        session = self._find_session(session_id, client_id, challenge_name, responses)
        if session.client_id != client.id or session.pool_id != pool.id:
            raise NotAuthorizedException(INVALID_SESSION)
        if session.challenge != challenge_name:
            raise InvalidParameterException(
                f"Invalid challenge name: this session expects {session.challenge}"
            )
        username = responses.get("USERNAME")
        if not username:
            raise InvalidParameterException("Missing required parameter USERNAME")
        user = pool._get_user(username)
        if user is None or user.username != session.username:
            raise NotAuthorizedException(INVALID_SESSION)
        self.check_secret_hash(client, responses.get("SECRET_HASH"), username, user.username)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")

        if challenge_name == "PASSWORD_VERIFIER":
            return self._password_verifier(pool, client, user, session, responses)
        if challenge_name == "DEVICE_SRP_AUTH":
            return self._device_srp_auth(pool, client, user, session, responses)
        if challenge_name == "DEVICE_PASSWORD_VERIFIER":
            return self._device_password_verifier(pool, client, user, session, responses)
        if challenge_name == "SOFTWARE_TOKEN_MFA":
            code = responses.get("SOFTWARE_TOKEN_MFA_CODE")
            if not code:
                raise InvalidParameterException(
                    "Missing required parameter SOFTWARE_TOKEN_MFA_CODE"
                )
            secret = self.state_of(user).totp_secret
            if secret is None or not self.totp_matches(secret, code):
                session.attempts += 1
                if session.attempts >= MAX_MFA_ATTEMPTS:
                    self._drop_session(session)
                raise CodeMismatchException("Invalid code received for user")
            self._drop_session(session)
            return self._signed_in(pool, client, user, session.device_key)
        if challenge_name == "MFA_SETUP":
            if not session.totp_verified:
                raise SoftwareTokenMFANotFoundException(
                    "Software Token MFA has not been set up for the user."
                )
            self._drop_session(session)
            return self._signed_in(pool, client, user, session.device_key)
        # NEW_PASSWORD_REQUIRED
        new_password = responses.get("NEW_PASSWORD")
        if not new_password:
            raise InvalidParameterException("Missing required parameter NEW_PASSWORD")
        self._validate_password(pool.id, new_password)
        user.password = new_password
        user.status = UserStatus.CONFIRMED
        extra = [
            {"Name": k[len("userAttributes.") :], "Value": v}
            for k, v in responses.items()
            if k.startswith("userAttributes.")
        ]
        if extra:
            user.update_attributes(extra)
        self._drop_session(session)
        return self._after_first_factor(pool, client, user, session.device_key)

    def _password_verifier(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        user: CognitoIdpUser,
        session: AuthSession,
        responses: dict[str, str],
    ) -> dict[str, Any]:
        for name in ("PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP"):
            if not responses.get(name):
                raise InvalidParameterException(f"Missing required parameter {name}")
        assert session.srp is not None
        valid = session.srp.claim_is_valid(
            pool.id.split("_", 1)[-1],
            session.user_id_for_srp,
            responses["PASSWORD_CLAIM_SECRET_BLOCK"],
            responses["TIMESTAMP"],
            responses["PASSWORD_CLAIM_SIGNATURE"],
        )
        self._drop_session(session)
        if not valid:
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        device_key = responses.get("DEVICE_KEY") or session.device_key
        return self._after_password(pool, client, user, device_key)

    def _device_srp_auth(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        user: CognitoIdpUser,
        session: AuthSession,
        responses: dict[str, str],
    ) -> dict[str, Any]:
        device_key = responses.get("DEVICE_KEY")
        srp_a = responses.get("SRP_A")
        if not device_key:
            raise InvalidParameterException("Missing required parameter DEVICE_KEY")
        if not srp_a:
            raise InvalidParameterException("Missing required parameter SRP_A")
        device = self._remembered_device(user, device_key)
        if device is None or device.key != session.device_key:
            raise ResourceNotFoundException("Device does not exist.")
        assert device.verifier is not None and device.salt is not None
        try:
            challenge = srp.SrpChallenge.start(device.verifier, srp_a, device.salt)
        except ValueError as exc:
            raise InvalidParameterException(f"Invalid SRP_A: {exc}") from None
        self._drop_session(session)
        new = self._new_session(
            pool,
            client,
            user.username,
            "DEVICE_PASSWORD_VERIFIER",
            srp=challenge,
            device_key=device.key,
        )
        return {
            "ChallengeName": "DEVICE_PASSWORD_VERIFIER",
            "Session": new.id,
            "ChallengeParameters": {
                "USERNAME": user.username,
                "DEVICE_KEY": device.key,
                "SALT": challenge.salt_hex,
                "SRP_B": challenge.srp_b_hex,
                "SECRET_BLOCK": challenge.secret_block_b64,
            },
        }

    def _device_password_verifier(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        user: CognitoIdpUser,
        session: AuthSession,
        responses: dict[str, str],
    ) -> dict[str, Any]:
        for name in ("PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP"):
            if not responses.get(name):
                raise InvalidParameterException(f"Missing required parameter {name}")
        device = self._remembered_device(user, session.device_key)
        self._drop_session(session)
        if device is None or session.srp is None:
            raise ResourceNotFoundException("Device does not exist.")
        if responses.get("DEVICE_KEY") and responses["DEVICE_KEY"] != device.key:
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        valid = session.srp.claim_is_valid(
            device.group_key,
            device.key,
            responses["PASSWORD_CLAIM_SECRET_BLOCK"],
            responses["TIMESTAMP"],
            responses["PASSWORD_CLAIM_SIGNATURE"],
        )
        if not valid:
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        return self._signed_in(pool, client, user, device.key, device_authenticated=True)

    # ------------------------------------------------------------------ TOTP
    def totp_matches(self, secret: str, code: str) -> bool:
        """RFC 6238 (SHA-1, 6 digits, 30 s) with one step of drift either way."""
        if not isinstance(code, str) or len(code) != 6 or not code.isdigit():
            return False
        return bool(pyotp.TOTP(secret).verify(code, for_time=int(self.now()), valid_window=1))

    def _user_for_token_or_session(
        self, access_token: str | None, session_id: str | None
    ) -> tuple[CognitoIdpUserPool, CognitoIdpUser, AuthSession | None]:
        if access_token:
            pool, user, _ = self.resolve_access_token(access_token)
            return pool, user, None
        if session_id:
            session = self.get_session(session_id)
            if session.challenge != "MFA_SETUP":
                raise NotAuthorizedException(INVALID_SESSION)
            pool = self.user_pools[session.pool_id]
            user = pool._get_user(session.username)
            if user is None:
                raise NotAuthorizedException(INVALID_SESSION)
            return pool, user, session
        raise InvalidParameterException("Either AccessToken or Session must be provided.")

    def associate_software_token(
        self, access_token: str | None, session: str | None
    ) -> dict[str, str]:
        with self._lock:
            pool, user, auth = self._user_for_token_or_session(access_token, session)
            secret = pyotp.random_base32(32)
            self.state_of(user).pending_totp_secret = secret
            if auth is None:
                return {"SecretCode": secret}
            client = pool.clients[auth.client_id]
            self._drop_session(auth)
            new = self._new_session(
                pool, client, user.username, "MFA_SETUP", device_key=auth.device_key
            )
            return {"SecretCode": secret, "Session": new.id}

    def verify_software_token(
        self,
        access_token: str | None,
        session: str | None,
        user_code: str,
        friendly_device_name: str | None,
    ) -> dict[str, str]:
        with self._lock:
            pool, user, auth = self._user_for_token_or_session(access_token, session)
            state = self.state_of(user)
            if state.pending_totp_secret is None:
                raise InvalidParameterException(
                    "User has not associated a software token (call AssociateSoftwareToken)."
                )
            if not self.totp_matches(state.pending_totp_secret, user_code):
                raise EnableSoftwareTokenMFAException("Code mismatch")
            state.totp_secret = state.pending_totp_secret
            state.pending_totp_secret = None
            user.token_verified = True
            if auth is not None or pool.mfa_config == "ON":
                user.software_token_mfa_enabled = True
                user.preferred_mfa_setting = "SOFTWARE_TOKEN_MFA"
            if auth is None:
                return {"Status": "SUCCESS"}
            client = pool.clients[auth.client_id]
            self._drop_session(auth)
            new = self._new_session(
                pool,
                client,
                user.username,
                "MFA_SETUP",
                device_key=auth.device_key,
                totp_verified=True,
            )
            return {"Status": "SUCCESS", "Session": new.id}

    def admin_set_user_mfa_preference(
        self,
        user_pool_id: str,
        username: str,
        software_token_mfa_settings: dict[str, bool],
        sms_mfa_settings: dict[str, bool],
    ) -> None:
        user = self.admin_get_user(user_pool_id, username)
        wants_totp = bool(
            software_token_mfa_settings and software_token_mfa_settings.get("Enabled")
        )
        if wants_totp and self.state_of(user).totp_secret is None:
            raise InvalidParameterException("User has not verified software token mfa")
        if sms_mfa_settings and sms_mfa_settings.get("Enabled"):
            raise InvalidParameterException(
                "SMS MFA is not emulated by cognito-emulator; use software token MFA."
            )
        super().admin_set_user_mfa_preference(
            user_pool_id, username, software_token_mfa_settings, sms_mfa_settings
        )

    def set_user_mfa_preference(
        self,
        access_token: str,
        software_token_mfa_settings: dict[str, bool],
        sms_mfa_settings: dict[str, bool],
    ) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        self.admin_set_user_mfa_preference(
            pool.id, user.username, software_token_mfa_settings, sms_mfa_settings
        )

    # ------------------------------------------------------------------ devices
    def _device_of(self, user: CognitoIdpUser, device_key: str | None) -> Device:
        device = self.state_of(user).devices.get(device_key or "")
        if device is None or not device.confirmed:
            raise ResourceNotFoundException("Device does not exist.")
        return device

    def confirm_device(
        self,
        access_token: str,
        device_key: str,
        verifier_config: dict[str, str] | None,
        device_name: str | None,
    ) -> bool:
        """Store the device's SRP verifier; return UserConfirmationNecessary."""
        pool, user, _ = self.resolve_access_token(access_token)
        device = self.state_of(user).devices.get(device_key)
        if device is None:
            raise ResourceNotFoundException("Device does not exist.")
        config = verifier_config or {}
        try:
            verifier, salt = srp.device_verifier(
                config.get("PasswordVerifier", ""), config.get("Salt", "")
            )
        except (ValueError, TypeError, AttributeError):
            raise InvalidParameterException(
                "DeviceSecretVerifierConfig needs a base64 PasswordVerifier and Salt."
            ) from None
        on_prompt = bool(
            (pool.extended_config.get("DeviceConfiguration") or {}).get(
                "DeviceOnlyRememberedOnUserPrompt"
            )
        )
        device.verifier, device.salt = verifier, salt
        device.name = device_name or device.name
        device.confirmed = True
        device.remembered = not on_prompt
        device.modified = self.now()
        return on_prompt

    def _page(
        self, devices: list[Device], limit: int | None, token: str | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        start = 0
        if token:
            try:
                start = int(token)
            except ValueError:
                raise InvalidParameterException("Invalid pagination token.") from None
        size = int(limit) if limit else 60
        page = devices[start : start + size]
        following = str(start + size) if start + size < len(devices) else None
        return [d.to_json() for d in page], following

    def _confirmed_devices(self, user: CognitoIdpUser) -> list[Device]:
        devices = [d for d in self.state_of(user).devices.values() if d.confirmed]
        return sorted(devices, key=lambda d: d.created)

    def list_devices(
        self, access_token: str, limit: int | None = None, token: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        _, user, _ = self.resolve_access_token(access_token)
        return self._page(self._confirmed_devices(user), limit, token)

    def admin_list_devices(
        self, user_pool_id: str, username: str, limit: int | None = None, token: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        user = self.admin_get_user(user_pool_id, username)
        return self._page(self._confirmed_devices(user), limit, token)

    def get_device(self, access_token: str, device_key: str) -> dict[str, Any]:
        _, user, _ = self.resolve_access_token(access_token)
        return self._device_of(user, device_key).to_json()

    def admin_get_device(self, user_pool_id: str, username: str, device_key: str) -> dict[str, Any]:
        user = self.admin_get_user(user_pool_id, username)
        return self._device_of(user, device_key).to_json()

    def _user_of_device(self, device_key: str) -> CognitoIdpUser:
        for pool in self.user_pools.values():
            for user in pool.users.values():
                if device_key in self.user_states.get(user.id, UserState()).devices:
                    return user
        raise ResourceNotFoundException("Device does not exist.")

    def forget_device(self, access_token: str | None, device_key: str) -> None:
        if access_token:
            _, user, _ = self.resolve_access_token(access_token)
        else:
            user = self._user_of_device(device_key)
        self._device_of(user, device_key)
        del self.state_of(user).devices[device_key]

    def admin_forget_device(self, user_pool_id: str, username: str, device_key: str) -> None:
        user = self.admin_get_user(user_pool_id, username)
        self._device_of(user, device_key)
        del self.state_of(user).devices[device_key]

    def _set_status(self, device: Device, status: str | None) -> None:
        if status not in ("remembered", "not_remembered"):
            raise InvalidParameterException(
                "DeviceRememberedStatus must be 'remembered' or 'not_remembered'."
            )
        device.remembered = status == "remembered"
        device.modified = self.now()

    def update_device_status(self, access_token: str, device_key: str, status: str | None) -> None:
        _, user, _ = self.resolve_access_token(access_token)
        self._set_status(self._device_of(user, device_key), status)

    def admin_update_device_status(
        self, user_pool_id: str, username: str, device_key: str, status: str | None
    ) -> None:
        user = self.admin_get_user(user_pool_id, username)
        self._set_status(self._device_of(user, device_key), status)

    # ------------------------------------------------------------------ moto gaps
    def create_user_pool_client(
        self, user_pool_id: str, generate_secret: bool, extended_config: dict[str, str]
    ) -> CognitoIdpUserPoolClient:
        client = super().create_user_pool_client(user_pool_id, generate_secret, extended_config)
        # Cognito's secrets are 51 lower-case letters and digits (moto's: a UUID with dashes,
        # which RevokeToken's ClientSecret pattern [\w+]+ refuses)
        alphabet = string.ascii_lowercase + string.digits
        client.secret = "".join(secrets.choice(alphabet) for _ in range(51))
        return client

    def set_user_pool_mfa_config(
        self,
        user_pool_id: str,
        sms_config: dict[str, Any],
        token_config: dict[str, bool],
        mfa_config: str,
    ) -> dict[str, Any]:
        self.describe_user_pool(user_pool_id)
        token_on = bool((token_config or {}).get("Enabled"))
        if mfa_config in ("ON", "OPTIONAL") and not token_on and not sms_config:
            raise InvalidParameterException(
                f"Invalid MFA configuration given, can't turn off all MFAs and set MFA to "
                f"{mfa_config}."
            )
        return super().set_user_pool_mfa_config(user_pool_id, sms_config, token_config, mfa_config)

    def delete_user_pool(self, user_pool_id: str) -> None:
        pool = self.describe_user_pool(user_pool_id)
        if pool.extended_config.get("DeletionProtection") == "ACTIVE":
            raise InvalidParameterException(
                f"The user pool {user_pool_id} cannot be deleted because deletion protection "
                "is activated. Deletion protection must be inactivated first."
            )
        super().delete_user_pool(user_pool_id)

    def admin_confirm_sign_up(self, user_pool_id: str, username: str) -> str:
        user = self.admin_get_user(user_pool_id, username)
        if user.status != UserStatus.UNCONFIRMED:
            raise NotAuthorizedException(
                f"User cannot be confirmed. Current status is {UserStatus(user.status).value}"
            )
        return super().admin_confirm_sign_up(user_pool_id, username)

    def list_resource_servers(self, user_pool_id: str, **kwargs: Any) -> Any:  # type: ignore[override]
        self.describe_user_pool(user_pool_id)  # moto raises KeyError for an unknown pool
        return super().list_resource_servers(user_pool_id, **kwargs)

    # ------------------------------------------------------------------ users
    def admin_delete_user(self, user_pool_id: str, username: str) -> None:
        user = self.admin_get_user(user_pool_id, username)
        super().admin_delete_user(user_pool_id, username)
        self.user_states.pop(user.id, None)

    def admin_get_user(self, user_pool_id: str, username: str) -> CognitoIdpUser:
        pool = self.describe_user_pool(user_pool_id)
        return self._user(pool, username)

    def user_attributes(self, user: CognitoIdpUser) -> dict[str, str]:
        return flatten_attrs(user.attributes)


class _CachedRSAKey:
    """moto imports its (fixed) JWK for every new pool, ~0.1 s of RSA maths each time.

    The emulator signs tokens with its own key, so the imported key is only kept for moto's
    code paths; importing it once per process keeps CreateUserPool fast.
    """

    _cache: ClassVar[dict[str, Any]] = {}

    @classmethod
    def import_key(cls, data: Any, *args: Any, **kwargs: Any) -> Any:
        key = json.dumps(data, sort_keys=True, default=str)
        if key not in cls._cache:
            cls._cache[key] = _moto_jwk.RSAKey.import_key(data, *args, **kwargs)
        return cls._cache[key]


class _CachingJwkModule:
    RSAKey = _CachedRSAKey


def install() -> None:
    """Make moto's Cognito backends emulator backends (idempotent).

    moto keeps one backend per account and region in ``cognitoidp_backends``; from now on
    every new one is an :class:`EmulatorBackend`, so moto's own request handlers and the
    emulator's share the same state.
    """
    setattr(_moto_cognito_models, "jwk", _CachingJwkModule)  # noqa: B010
    if cognitoidp_backends.backend is not EmulatorBackend:
        cognitoidp_backends.backend = EmulatorBackend
        for account_backends in cognitoidp_backends.values():
            account_backends.backend = EmulatorBackend
            for region in [
                r for r, b in account_backends.items() if not isinstance(b, EmulatorBackend)
            ]:
                del account_backends[region]


def backend_for(account_id: str, region: str) -> EmulatorBackend:
    install()
    backend = cognitoidp_backends[account_id][region]
    assert isinstance(backend, EmulatorBackend)
    return backend
