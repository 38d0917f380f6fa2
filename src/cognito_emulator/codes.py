# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Delivered codes: what the emulator adds to moto's sign-up and password-reset operations.

SignUp / ResendConfirmationCode / ForgotPassword / AdminResetUserPassword generate random
6-digit codes that expire (24 hours for sign-up, 1 hour for a password reset) and write them
to the outbox; AdminCreateUser delivers the temporary password the same way.
ConfirmSignUp / ConfirmForgotPassword accept only those codes, once. Delivering and checking
codes is :mod:`~cognito_emulator.delivery`, shared with the attribute verification codes.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import string
from typing import Any

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool, UserStatus
from moto.cognitoidp.utils import validate_username_format

from cognito_emulator import delivery
from cognito_emulator.backend_base import BackendBase
from cognito_emulator.exceptions import (
    ExpiredCodeException,
    InvalidParameterException,
    NotAuthorizedException,
    UsernameExistsException,
)
from cognito_emulator.state import _random_alnum

SIGN_UP_CODE_VALIDITY = 24 * 3600
"""Seconds a sign-up confirmation code stays valid (Cognito: 24 hours)."""
FORGOT_PASSWORD_CODE_VALIDITY = 3600
"""Seconds a password-reset code stays valid (Cognito: 1 hour)."""

TRIGGER_SIGN_UP = "CustomMessage_SignUp"
TRIGGER_RESEND_CODE = "CustomMessage_ResendCode"
TRIGGER_FORGOT_PASSWORD = "CustomMessage_ForgotPassword"  # noqa: S105 - not a password
TRIGGER_ADMIN_CREATE_USER = "CustomMessage_AdminCreateUser"

_SIGN_UP_PURPOSE = "sign_up"
_FORGOT_PURPOSE = "forgot_password"

_EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def check_email_attribute(attributes: list[dict[str, str]] | None) -> None:
    """Cognito refuses an ``email`` attribute that isn't shaped like an e-mail address."""
    for attribute in attributes or []:
        if attribute.get("Name") == "email" and not _EMAIL_SHAPE.fullmatch(
            str(attribute.get("Value", ""))
        ):
            raise InvalidParameterException("Invalid email address format.")


def _taken_name_message(pool: CognitoIdpUserPool, username: str) -> str:
    """SignUp's message for a taken name: "User already exists", or where e-mail addresses
    or phone numbers are the user names, "An account with the given email already exists."."""
    for attribute in pool.extended_config.get("UsernameAttributes") or []:
        if validate_username_format(username, _format=attribute):
            return f"An account with the given {attribute} already exists."
    return "User already exists"


class CodesMixin(BackendBase):
    """Codes and temporary passwords delivered to the outbox, and the operations using them."""

    def _new_code(
        self, pool: CognitoIdpUserPool, user: CognitoIdpUser, purpose: str, trigger: str
    ) -> dict[str, str]:
        if purpose == _SIGN_UP_PURPOSE:
            return delivery.new_code(self, pool, user, purpose, trigger, SIGN_UP_CODE_VALIDITY)
        # a new reset code replaces the previous one
        return delivery.new_code(
            self, pool, user, purpose, trigger, FORGOT_PASSWORD_CODE_VALIDITY, replace=True
        )

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
        check_email_attribute(attributes)
        if pool._get_user(username) is not None:
            raise UsernameExistsException(_taken_name_message(pool, username))
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
        delivery.use_code(self, user, _SIGN_UP_PURPOSE, confirmation_code)
        user.status = UserStatus.CONFIRMED
        self._mark_destination_verified(pool, user)
        return ""

    def _mark_destination_verified(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> None:
        try:
            attribute, _ = delivery.destination_of(pool, user)
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
        if not delivery.has_code(self, user, _FORGOT_PURPOSE):
            raise ExpiredCodeException("Invalid code provided, please request a code again.")
        delivery.use_code(self, user, _FORGOT_PURPOSE, confirmation_code)
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
        check_email_attribute(attributes)
        if message_action != "RESEND" and pool._get_user(username) is not None:
            raise UsernameExistsException("User account already exists")
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
                delivery.deliver(self, pool, user, TRIGGER_ADMIN_CREATE_USER, temporary_password)
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
