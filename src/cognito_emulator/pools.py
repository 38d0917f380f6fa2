# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""moto fix-ups for pools, clients and users: where moto 5.2 answers differently from Cognito.

CreateUserPool makes an :class:`EmulatorUserPool` (owned by its backend, fast to create, with
an id shaped like Cognito's) and refuses MFA ON / OPTIONAL without an SMS configuration;
client secrets look like Cognito's; SetUserPoolMfaConfig refuses MFA ON / OPTIONAL with no
MFA type; DeletionProtection is honoured; AdminConfirmSignUp refuses confirmed users;
CreateUserPool and AddCustomAttributes refuse a schema attribute without a name (moto: 500);
ListResourceServers raises ResourceNotFoundException for an unknown pool (moto: KeyError).
"""

from __future__ import annotations

import json
import secrets
import string
import threading
import types
from collections.abc import Callable
from typing import Any, ClassVar

from joserfc import jwk
from moto.cognitoidp.models import CognitoIdpUserPool, CognitoIdpUserPoolClient, UserStatus

from cognito_emulator.backend_base import BackendBase
from cognito_emulator.exceptions import InvalidParameterException, NotAuthorizedException
from cognito_emulator.state import _random_alnum


class _CachedRSAKey:
    """joserfc's ``RSAKey.import_key``, remembered: moto imports the same fixed private key for
    every new pool (~0.1 s of RSA maths each time), which the emulator never signs with."""

    _cache: ClassVar[dict[str, Any]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def import_key(cls, data: Any, *args: Any, **kwargs: Any) -> Any:
        key = json.dumps(data, sort_keys=True, default=str)
        with cls._lock:
            if key not in cls._cache:
                cls._cache[key] = jwk.RSAKey.import_key(data, *args, **kwargs)
            return cls._cache[key]


class _CachingJwk:
    RSAKey = _CachedRSAKey


def _pool_init_with_cached_key() -> Callable[..., None]:
    """moto's ``CognitoIdpUserPool.__init__`` bound to a private copy of its module's names in
    which ``jwk`` is :class:`_CachingJwk`. moto's module itself is left as it is, so pools made
    by plain moto in the same process behave exactly as before."""
    init = CognitoIdpUserPool.__init__
    names = {**init.__globals__, "jwk": _CachingJwk}
    return types.FunctionType(
        init.__code__, names, init.__name__, init.__defaults__, init.__closure__
    )


class EmulatorUserPool(CognitoIdpUserPool):
    """moto's user pool, owned by one emulator backend.

    moto's pool finds its backend (for its domain) in moto's process-wide registry; this one
    knows the backend that made it, so emulator pools never touch moto's registry.
    """

    _init = staticmethod(_pool_init_with_cached_key())

    def __new__(cls, *args: Any, **kwargs: Any) -> EmulatorUserPool:
        return object.__new__(cls)  # not kept in moto's process-wide list of model instances

    def __init__(self, backend: BackendBase, name: str, extended_config: dict[str, Any]) -> None:
        self._owner = backend
        self._init(self, backend.account_id, backend.region_name, name, extended_config)
        # Cognito's ids are <region>_<9 letters and digits> (moto's: 32 hex digits)
        while True:
            pool_id = f"{backend.region_name}_{_random_alnum(9)}"
            if pool_id not in backend.user_pools:
                break
        self.arn = self.arn[: -len(self.id)] + pool_id
        self.id = pool_id

    @property
    def backend(self) -> BackendBase:
        return self._owner


def _check_attribute_names(attributes: list[dict[str, Any]] | None, member: str) -> None:
    """Every schema attribute needs a Name (botocore's model leaves it optional; moto fails
    with a KeyError without one). Cognito's exact message for this is not documented."""
    for number, attribute in enumerate(attributes or [], start=1):
        if not attribute.get("Name"):
            raise InvalidParameterException(f"{member}.{number}.Name: an attribute needs a name.")


class PoolsMixin(BackendBase):
    """Pool, client and user operations where moto needs a fix."""

    def create_user_pool(self, name: str, extended_config: dict[str, Any]) -> CognitoIdpUserPool:
        _check_attribute_names(extended_config.get("Schema"), "Schema")
        if extended_config.get("MfaConfiguration") in ("ON", "OPTIONAL") and not (
            extended_config.get("SmsConfiguration")
        ):
            # CreateUserPool's MfaConfiguration is about SMS: TOTP is turned on afterwards,
            # with SetUserPoolMfaConfig (aws/aws-cli#3876, aws/aws-cdk#11478)
            raise InvalidParameterException(
                "SMS configuration and Auto verification for phone_number are required when "
                "MFA is required/optional"
            )
        pool = EmulatorUserPool(self, name, extended_config)
        self.user_pools[pool.id] = pool
        return pool

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
                "Invalid MFA configuration given, can't disable all MFAs with a required or "
                "optional configuration."
            )
        return super().set_user_pool_mfa_config(user_pool_id, sms_config, token_config, mfa_config)

    def delete_user_pool(self, user_pool_id: str) -> None:
        pool = self.describe_user_pool(user_pool_id)
        if pool.extended_config.get("DeletionProtection") == "ACTIVE":
            raise InvalidParameterException(
                f"The user pool {user_pool_id} cannot be deleted because deletion protection "
                "is activated. Deletion protection must be inactivated first."
            )
        self.forget_pool(pool)
        super().delete_user_pool(user_pool_id)

    def admin_confirm_sign_up(self, user_pool_id: str, username: str) -> str:
        user = self.admin_get_user(user_pool_id, username)
        if user.status != UserStatus.UNCONFIRMED:
            raise NotAuthorizedException(
                f"User cannot be confirmed. Current status is {UserStatus(user.status).value}"
            )
        return super().admin_confirm_sign_up(user_pool_id, username)

    def add_custom_attributes(
        self, user_pool_id: str, custom_attributes: list[dict[str, Any]]
    ) -> None:
        _check_attribute_names(custom_attributes, "CustomAttributes")
        super().add_custom_attributes(user_pool_id, custom_attributes)

    def list_resource_servers(self, user_pool_id: str, **kwargs: Any) -> Any:  # type: ignore[override]
        self.describe_user_pool(user_pool_id)  # moto raises KeyError for an unknown pool
        return super().list_resource_servers(user_pool_id, **kwargs)
