"""moto fix-ups for pools, clients and users: where moto 5.2 answers differently from Cognito.

Client secrets look like Cognito's; SetUserPoolMfaConfig refuses MFA ON / OPTIONAL with no
MFA type; DeletionProtection is honoured; AdminConfirmSignUp refuses confirmed users;
ListResourceServers raises ResourceNotFoundException for an unknown pool (moto: KeyError);
AdminDeleteUser forgets the emulator's state for the user; passwords are checked against the
pool's policy with Cognito's defaults and messages.
"""

from __future__ import annotations

import secrets
import string
from typing import Any

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPoolClient, UserStatus
from moto.cognitoidp.utils import flatten_attrs

from cognito_emulator.backend_base import BackendBase
from cognito_emulator.exceptions import (
    InvalidParameterException,
    InvalidPasswordException,
    NotAuthorizedException,
)

# Cognito's defaults for a pool created without a PasswordPolicy, and its symbol characters.
DEFAULT_PASSWORD_POLICY = {
    "MinimumLength": 8,
    "RequireLowercase": True,
    "RequireUppercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
}
PASSWORD_SYMBOLS = frozenset("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ")


def password_policy_problem(policy: dict[str, Any], password: str) -> str | None:
    """Why ``password`` breaks ``policy`` in Cognito's words, or None when it conforms."""
    rules = {**DEFAULT_PASSWORD_POLICY, **(policy or {})}
    if len(password) < int(rules["MinimumLength"]):
        return "Password not long enough"
    checks = (
        ("RequireLowercase", str.islower, "lowercase"),
        ("RequireUppercase", str.isupper, "uppercase"),
        ("RequireNumbers", str.isdigit, "numeric"),
        ("RequireSymbols", PASSWORD_SYMBOLS.__contains__, "symbol"),
    )
    for rule, matches, kind in checks:
        if rules[rule] and not any(matches(char) for char in password):
            return f"Password must have {kind} characters"
    return None


class PoolsMixin(BackendBase):
    """Pool, client and user operations where moto needs a fix."""

    def _validate_password(self, user_pool_id: str, password: str) -> None:
        """Every password-setting call: moto's check has other defaults and no reason."""
        pool = self.describe_user_pool(user_pool_id)
        policy = pool.extended_config.get("Policies", {}).get("PasswordPolicy", {})
        problem = password_policy_problem(policy, password)
        if problem:
            raise InvalidPasswordException(f"Password did not conform with policy: {problem}")

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

    def admin_delete_user(self, user_pool_id: str, username: str) -> None:
        user = self.admin_get_user(user_pool_id, username)
        super().admin_delete_user(user_pool_id, username)
        self.user_states.pop(user.id, None)

    def user_attributes(self, user: CognitoIdpUser) -> dict[str, str]:
        return flatten_attrs(user.attributes)
