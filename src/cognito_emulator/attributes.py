# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""A signed-in user's own attributes, and verifying an e-mail address or phone number.

UpdateUserAttributes changes attributes (a blank value deletes one). When ``email`` or
``phone_number`` gets a new value and the pool auto-verifies it, a code goes to the new value
(trigger ``CustomMessage_UpdateUserAttribute``) and the answer lists where
(``CodeDeliveryDetailsList``): the attribute is unverified until VerifyUserAttribute takes
the code. A pool that keeps original attribute values until the new one is verified
(``UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate``) keeps the old
value, still verified, and holds the new one aside until then.
GetUserAttributeVerificationCode sends a new code (``CustomMessage_VerifyUserAttribute``);
DeleteUserAttributes removes attributes, never ``sub`` nor one the pool requires.
"""

from __future__ import annotations

from typing import Any

from moto.cognitoidp.models import (
    CognitoIdpUser,
    CognitoIdpUserPool,
    CognitoIdpUserPoolAttribute,
)

from cognito_emulator import delivery
from cognito_emulator.backend_base import BackendBase
from cognito_emulator.codes import check_email_attribute
from cognito_emulator.exceptions import InvalidParameterException

VERIFIABLE = ("email", "phone_number")
"""The attributes Cognito verifies with a code."""
ATTRIBUTE_CODE_VALIDITY = 24 * 3600
"""Seconds an attribute verification code stays valid (Cognito: 24 hours)."""
TRIGGER_UPDATE_USER_ATTRIBUTE = "CustomMessage_UpdateUserAttribute"
TRIGGER_VERIFY_USER_ATTRIBUTE = "CustomMessage_VerifyUserAttribute"


def _purpose(attribute: str) -> str:
    return f"verify_{attribute}"


def _verifiable(attribute: str) -> str:
    if attribute not in VERIFIABLE:
        raise InvalidParameterException(
            f"Invalid attribute name {attribute!r}: only email and phone_number are verified "
            "with a code."
        )
    return attribute


def _settings(pool: CognitoIdpUserPool, key: str) -> set[str]:
    if key == "AutoVerifiedAttributes":
        return set(pool.extended_config.get(key) or [])
    settings = pool.extended_config.get("UserAttributeUpdateSettings") or {}
    return set(settings.get("AttributesRequireVerificationBeforeUpdate") or [])


def _schema_attribute(pool: CognitoIdpUserPool, name: str) -> Any:
    """The pool's schema entry for attribute ``name`` (standard or ``custom:``), or None."""
    attribute = pool.schema_attributes.get(name)
    if attribute is None and name in CognitoIdpUserPoolAttribute.STANDARD_SCHEMA:
        schema = CognitoIdpUserPoolAttribute.STANDARD_SCHEMA[name]
        attribute = CognitoIdpUserPoolAttribute(name, False, schema)
    return attribute


class AttributesMixin(BackendBase):
    """UpdateUserAttributes, DeleteUserAttributes, GetUserAttributeVerificationCode and
    VerifyUserAttribute, with the user's access token."""

    def update_user_attributes(  # type: ignore[override]  # moto's answers nothing
        self, access_token: str, attributes: list[dict[str, str]]
    ) -> list[dict[str, str]]:
        """Change the user's attributes; the CodeDeliveryDetails of each code sent."""
        pool, user, _ = self.resolve_access_token(access_token)
        check_email_attribute(attributes)
        changes = {str(a.get("Name")): str(a.get("Value") or "") for a in attributes or []}
        for name in changes:
            self._check_writable(pool, name)
        self._verify_email_is_not_used(pool.id, changes.get("email") or None)
        state = self.state_of(user)
        auto = _settings(pool, "AutoVerifiedAttributes")
        keep_original = _settings(pool, "AttributesRequireVerificationBeforeUpdate")
        updates: list[dict[str, str]] = []
        deletions: list[str] = []
        sent: list[dict[str, str]] = []
        for name, value in changes.items():
            if not value:
                deletions.append(name)
                continue
            if name not in VERIFIABLE or value == user.attribute_lookup.get(name):
                updates.append({"Name": name, "Value": value})
                continue
            if name in auto and name in keep_original and user.attribute_lookup.get(name):
                state.pending_attributes[name] = value  # the verified old value stays
            else:
                state.pending_attributes.pop(name, None)
                updates += [
                    {"Name": name, "Value": value},
                    {"Name": f"{name}_verified", "Value": "false"},
                ]
            if name in auto:
                sent.append(self._send_code(pool, user, name, value, TRIGGER_UPDATE_USER_ATTRIBUTE))
        if updates:
            user.update_attributes(updates)
        self._delete(pool, user, deletions)
        return sent

    def delete_user_attributes(self, access_token: str, names: list[str]) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        for name in names or []:
            self._check_writable(pool, name)
            schema = _schema_attribute(pool, name)
            if schema is not None and schema.required:
                raise InvalidParameterException(f"{name}: a required attribute can't be deleted.")
        self._delete(pool, user, list(names or []))

    def get_user_attribute_verification_code(
        self, access_token: str, attribute_name: str
    ) -> dict[str, str]:
        """Send a code to verify the user's e-mail address or phone number (the new value,
        while a change waits for verification); the CodeDeliveryDetails."""
        pool, user, _ = self.resolve_access_token(access_token)
        name = _verifiable(attribute_name)
        value = self.state_of(user).pending_attributes.get(name) or user.attribute_lookup.get(name)
        if not value:
            raise InvalidParameterException(f"The user has no {name} attribute to verify.")
        return self._send_code(pool, user, name, value, TRIGGER_VERIFY_USER_ATTRIBUTE)

    def verify_user_attribute(self, access_token: str, attribute_name: str, code: str) -> None:
        """Take a code sent for the attribute: the attribute (its new value, if one was
        waiting) becomes verified."""
        pool, user, _ = self.resolve_access_token(access_token)
        name = _verifiable(attribute_name)
        delivery.use_code(self, user, _purpose(name), code)
        pending = self.state_of(user).pending_attributes.pop(name, None)
        if pending is not None and name == "email":
            self._verify_email_is_not_used(pool.id, pending)
        changes = [{"Name": f"{name}_verified", "Value": "true"}]
        if pending is not None:
            changes.insert(0, {"Name": name, "Value": pending})
        user.update_attributes(changes)

    # ------------------------------------------------------------------ helpers
    def _check_writable(self, pool: CognitoIdpUserPool, name: str) -> None:
        schema = _schema_attribute(pool, name)
        if schema is not None and schema.mutable is False:  # sub, among others
            raise InvalidParameterException(f"Cannot modify the non-mutable attribute {name}.")
        if schema is None:
            raise InvalidParameterException(
                f"Invalid user attributes: user.{name}: Attribute does not exist in the schema."
            )

    def _send_code(
        self,
        pool: CognitoIdpUserPool,
        user: CognitoIdpUser,
        name: str,
        value: str,
        trigger: str,
    ) -> dict[str, str]:
        return delivery.new_code(
            self,
            pool,
            user,
            _purpose(name),
            trigger,
            ATTRIBUTE_CODE_VALIDITY,
            destination=(name, value),
            replace=True,
        )

    def _delete(self, pool: CognitoIdpUserPool, user: CognitoIdpUser, names: list[str]) -> None:
        """Remove ``names`` from the user (with their ``_verified`` flags, pending changes and
        codes); names the user doesn't have are left alone."""
        state = self.state_of(user)
        doomed = set()
        for name in names:
            doomed |= {name, f"{name}_verified"} if name in VERIFIABLE else {name}
            state.pending_attributes.pop(name, None)
            state.codes = [c for c in state.codes if c.purpose != _purpose(name)]
        present = [n for n in doomed if n in user.attribute_lookup]
        if present:
            user.delete_attributes(present)
