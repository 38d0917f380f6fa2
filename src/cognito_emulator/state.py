# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Plain state the emulator keeps beside moto's pools, clients and users.

moto's ``CognitoIdpUser`` has no delivered codes, TOTP secret or devices, moto has no
challenge sessions, and its token maps keep every token string forever; these dataclasses hold
what the emulator keeps instead. They carry no behaviour beyond :meth:`Device.to_json`
(the shape ListDevices / GetDevice answer with).
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from cognito_emulator import srp


def _dt(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=timezone.utc)


def _random_alnum(n: int) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(n))


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
    totp_device_name: str | None = None  # VerifySoftwareToken's FriendlyDeviceName
    device_group_key: str = field(default_factory=lambda: "-" + _random_alnum(9))
    devices: dict[str, Device] = field(default_factory=dict)
    totp_last_step: tuple[str, int] | None = None
    """(secret, time step) of the last TOTP code accepted: that code and every earlier one of
    the same secret are refused afterwards (RFC 6238, section 5.2)."""
    pending_attributes: dict[str, str] = field(default_factory=dict)
    """New values of ``email`` / ``phone_number`` waiting for VerifyUserAttribute, in pools
    that keep the original value until then (AttributesRequireVerificationBeforeUpdate)."""


@dataclass
class AuthSession:
    """A challenge in progress; ``id`` is the opaque ``Session`` string the client sees."""

    id: str
    pool_id: str
    client_id: str
    username: str
    challenge: str
    created: float
    expires_at: float
    srp: srp.SrpChallenge | None = None
    user_id_for_srp: str = ""
    device_key: str | None = None
    totp_verified: bool = False
    attempts: int = 0


@dataclass
class SignIn:
    """One sign-in's tokens: its refresh token and the ID and access tokens issued from it.

    Every token of the sign-in carries ``origin_jti``; the emulator keeps this record, not the
    tokens, and revoking the sign-in (RevokeToken, GlobalSignOut, deleting the user) is
    forgetting it. ``refresh_id`` names the refresh token in use; with rotation, the one
    rotated out (``retired_refresh_id``) still works until ``retired_until``.
    """

    origin_jti: str
    pool_id: str
    client_id: str
    sub: str
    username: str
    refresh_id: str
    refresh_expires_at: float
    device_key: str | None = None
    authenticated_at: float = 0.0
    keep_until: float = 0.0
    """When the record may be dropped: its refresh token and every token issued have expired."""
    retired_refresh_id: str | None = None
    retired_until: float = 0.0
