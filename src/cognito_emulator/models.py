"""What cognito-emulator adds to moto's Cognito user-pool model.

:class:`EmulatorBackend` subclasses moto's ``CognitoIdpBackend`` and keeps moto's pools,
clients and users. It is composed of one mixin a concern, each in its own module; on top of
moto they add, checked for real:

* codes (:mod:`~cognito_emulator.codes`): SignUp / ResendConfirmationCode / ForgotPassword /
  AdminResetUserPassword generate 6-digit codes that expire, delivered to the outbox;
  AdminCreateUser delivers the temporary password the same way; ConfirmSignUp /
  ConfirmForgotPassword accept only those codes;
* MFA (:mod:`~cognito_emulator.mfa`) as Cognito does it: MFA_SETUP for users without an
  authenticator on MFA ON pools, SOFTWARE_TOKEN_MFA for users with one (OPTIONAL pools
  follow the user's preference), a random TOTP secret per AssociateSoftwareToken, codes
  checked with a one-step window;
* the auth flows (:mod:`~cognito_emulator.auth`, :mod:`~cognito_emulator.signin`) and SRP
  (:mod:`~cognito_emulator.srp_auth`): PASSWORD_VERIFIER from the user's password verifier,
  the claim signature checked;
* devices (:mod:`~cognito_emulator.devices`): NewDeviceMetadata, ConfirmDevice, remembered
  devices answering DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER, device listing, forgetting
  and status updates;
* tokens (:mod:`~cognito_emulator.tokens`): RS256 JWTs signed with a key served as the
  pool's JWKS, expiring by the backend's clock, revoked by RevokeToken / GlobalSignOut /
  AdminUserGlobalSignOut;
* sessions (:mod:`~cognito_emulator.sessions`): opaque random strings that expire (the
  client's AuthSessionValidity, 3 minutes);
* SECRET_HASH checked for app clients with a secret (:mod:`~cognito_emulator.backend_base`);
* moto fix-ups for pools, clients and users (:mod:`~cognito_emulator.pools`, and here: the
  pool JWK imported once per process).

The state they keep is in :mod:`~cognito_emulator.state`. Time comes from ``backend.clock``
(a callable returning epoch seconds), so tests can make time pass without sleeping.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

import moto.cognitoidp.models as _moto_cognito_models
from joserfc import jwk as _moto_jwk
from moto.cognitoidp.models import CognitoIdpUserPool, cognitoidp_backends

from cognito_emulator.auth import AuthMixin
from cognito_emulator.backend_base import INCORRECT_PASSWORD
from cognito_emulator.codes import (
    FORGOT_PASSWORD_CODE_VALIDITY,
    SIGN_UP_CODE_VALIDITY,
    TRIGGER_ADMIN_CREATE_USER,
    TRIGGER_FORGOT_PASSWORD,
    TRIGGER_RESEND_CODE,
    TRIGGER_SIGN_UP,
    CodesMixin,
    mask_destination,
)
from cognito_emulator.mfa import MAX_MFA_ATTEMPTS
from cognito_emulator.pools import PoolsMixin
from cognito_emulator.sessions import DEFAULT_SESSION_MINUTES, INVALID_SESSION
from cognito_emulator.state import AuthSession, DeliveredCode, Device, TokenRecord, UserState

__all__ = [
    "DEFAULT_SESSION_MINUTES",
    "FORGOT_PASSWORD_CODE_VALIDITY",
    "INCORRECT_PASSWORD",
    "INVALID_SESSION",
    "MAX_MFA_ATTEMPTS",
    "SIGN_UP_CODE_VALIDITY",
    "TRIGGER_ADMIN_CREATE_USER",
    "TRIGGER_FORGOT_PASSWORD",
    "TRIGGER_RESEND_CODE",
    "TRIGGER_SIGN_UP",
    "AuthSession",
    "DeliveredCode",
    "Device",
    "EmulatorBackend",
    "TokenRecord",
    "UserState",
    "backend_for",
    "install",
    "mask_destination",
]


class EmulatorBackend(AuthMixin, CodesMixin, PoolsMixin):
    """moto's Cognito backend with Cognito's checks; see the module docstring."""

    def create_user_pool(self, name: str, extended_config: dict[str, Any]) -> CognitoIdpUserPool:
        install()
        return super().create_user_pool(name, extended_config)


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
