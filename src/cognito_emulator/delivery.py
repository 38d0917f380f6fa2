# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Messages to the outbox, and the one-time codes they carry.

Every code Cognito would send (sign-up, password reset, attribute verification) and every
temporary password is delivered here: one outbox message, and masked ``CodeDeliveryDetails``
for the answer. A code is kept with its purpose and expiry until it is used once
(:func:`use_code`), or replaced.

Like :mod:`~cognito_emulator.signin`, these are functions of a backend that use only what
:class:`~cognito_emulator.backend_base.BackendBase` shares, so every concern (codes.py,
attributes.py) delivers the same way.
"""

from __future__ import annotations

import secrets

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool

from cognito_emulator.backend_base import BackendBase
from cognito_emulator.exceptions import (
    CodeMismatchException,
    ExpiredCodeException,
    InvalidParameterException,
)
from cognito_emulator.outbox import OutboxMessage
from cognito_emulator.state import DeliveredCode, _dt
from cognito_emulator.text import same_secret


def mask_destination(destination: str) -> str:
    """Mask an e-mail address or phone number the way Cognito's CodeDeliveryDetails do."""
    if "@" in destination:
        local, _, domain = destination.partition("@")
        return f"{local[:1]}***@{domain[:1]}***"
    return "+" + "*" * max(len(destination) - 5, 0) + destination[-4:]


def destination_of(pool: CognitoIdpUserPool, user: CognitoIdpUser) -> tuple[str, str]:
    """(attribute name, value) a code goes to: e-mail first, else phone number (phone first
    when the pool auto-verifies only phone numbers); InvalidParameterException if neither."""
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
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    user: CognitoIdpUser,
    trigger: str,
    code: str,
    destination: tuple[str, str] | None = None,
) -> dict[str, str]:
    """Deliver one message to the outbox, to ``destination`` ((attribute, value); by default
    :func:`destination_of` the user); return masked CodeDeliveryDetails."""
    attribute, address = destination or destination_of(pool, user)
    message: OutboxMessage = {
        "username": user.username,
        "user_pool_id": pool.id,
        "destination": address,
        "trigger": trigger,
        "code": code,
        "sent_at": _dt(backend.now()).isoformat(timespec="microseconds"),
    }
    backend.outbox.deliver(message)
    return {
        "Destination": mask_destination(address),
        "DeliveryMedium": "EMAIL" if attribute == "email" else "SMS",
        "AttributeName": attribute,
    }


def new_code(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    user: CognitoIdpUser,
    purpose: str,
    trigger: str,
    validity: float,
    *,
    destination: tuple[str, str] | None = None,
    replace: bool = False,
) -> dict[str, str]:
    """Deliver a new random 6-digit code for ``purpose``, valid ``validity`` seconds (with
    ``replace``, the earlier codes of that purpose stop working); the CodeDeliveryDetails."""
    code = f"{secrets.randbelow(1_000_000):06d}"
    details = deliver(backend, pool, user, trigger, code, destination)
    state = backend.state_of(user)
    if replace:
        state.codes = [c for c in state.codes if c.purpose != purpose]
    state.codes.append(DeliveredCode(code, purpose, backend.now() + validity))
    return details


def use_code(backend: BackendBase, user: CognitoIdpUser, purpose: str, code: str | None) -> None:
    """Accept a delivered code of ``purpose`` once (then every code of that purpose is spent):
    CodeMismatchException for a code never delivered, ExpiredCodeException for an old one."""
    state = backend.state_of(user)
    now = backend.now()
    matches = [c for c in state.codes if c.purpose == purpose and same_secret(c.code, code)]
    if not matches:
        raise CodeMismatchException("Invalid verification code provided, please try again.")
    if all(c.expires_at <= now for c in matches):
        raise ExpiredCodeException("Invalid code provided, please request a code again.")
    state.codes = [c for c in state.codes if c.purpose != purpose]


def has_code(backend: BackendBase, user: CognitoIdpUser, purpose: str) -> bool:
    """Whether a code of ``purpose`` was delivered to ``user`` and not used yet."""
    return any(c.purpose == purpose for c in backend.state_of(user).codes)
