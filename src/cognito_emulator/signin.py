# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What a correct first factor leads to: the next challenge, or tokens.

After a right password (or SRP proof): UserNotConfirmedException,
PasswordResetRequiredException or NEW_PASSWORD_REQUIRED by the user's status; then
DEVICE_SRP_AUTH for a remembered device, MFA_SETUP / SOFTWARE_TOKEN_MFA when MFA applies,
else tokens, with NewDeviceMetadata when the pool tracks devices and none was used.

These are steps of the sign-in flows (:mod:`~cognito_emulator.auth`,
:mod:`~cognito_emulator.srp_auth`), not operations: functions of a backend, which use only
what :class:`~cognito_emulator.backend_base.BackendBase` shares.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from moto.cognitoidp.models import (
    CognitoIdpUser,
    CognitoIdpUserPool,
    CognitoIdpUserPoolClient,
    UserStatus,
)

from cognito_emulator.backend_base import BackendBase
from cognito_emulator.devices import device_replaces_mfa, remembered_device
from cognito_emulator.exceptions import PasswordResetRequiredException, UserNotConfirmedException
from cognito_emulator.mfa import mfa_challenge
from cognito_emulator.state import AuthSession, Device


def after_password(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    device_key: str | None,
    session: AuthSession | None = None,
) -> dict[str, Any]:
    """The password was right: next challenge, or tokens."""
    if session is not None:
        backend.auth_sessions.drop(session)
    if user.status == UserStatus.UNCONFIRMED:
        raise UserNotConfirmedException("User is not confirmed.")
    if user.status == UserStatus.RESET_REQUIRED:
        raise PasswordResetRequiredException()
    if user.status == UserStatus.FORCE_CHANGE_PASSWORD:
        new = backend.new_session(
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
    return after_first_factor(backend, pool, client, user, device_key)


def after_first_factor(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    device_key: str | None,
) -> dict[str, Any]:
    """The first factor is done: a remembered device's challenge, MFA, or tokens.

    A remembered device answers DEVICE_SRP_AUTH instead of the MFA challenge only when the
    pool's ChallengeRequiredOnNewDevice says so; otherwise MFA is asked as for any device."""
    state = backend.state_of(user)
    challenge = mfa_challenge(pool, user, state)
    device = remembered_device(state, device_key)
    if device is not None and (challenge is None or device_replaces_mfa(pool)):
        new = backend.new_session(
            pool, client, user.username, "DEVICE_SRP_AUTH", device_key=device.key
        )
        backend.auth_sessions.expect_device_auth(new, device.key)
        return {"ChallengeName": "DEVICE_SRP_AUTH", "Session": new.id, "ChallengeParameters": {}}
    if challenge == "MFA_SETUP":
        new = backend.new_session(pool, client, user.username, "MFA_SETUP", device_key=device_key)
        return {
            "ChallengeName": "MFA_SETUP",
            "Session": new.id,
            "ChallengeParameters": {"MFAS_CAN_SETUP": '["SOFTWARE_TOKEN_MFA"]'},
        }
    if challenge == "SOFTWARE_TOKEN_MFA":
        new = backend.new_session(
            pool, client, user.username, "SOFTWARE_TOKEN_MFA", device_key=device_key
        )
        parameters = {"USER_ID_FOR_SRP": user.username}
        if state.totp_device_name:  # the FriendlyDeviceName given to VerifySoftwareToken
            parameters["FRIENDLY_DEVICE_NAME"] = state.totp_device_name
        return {
            "ChallengeName": "SOFTWARE_TOKEN_MFA",
            "Session": new.id,
            "ChallengeParameters": parameters,
        }
    return signed_in(backend, pool, client, user, device_key)


def signed_in(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    device_key: str | None,
    device_authenticated: bool = False,
) -> dict[str, Any]:
    """Tokens, plus NewDeviceMetadata when the pool tracks devices and none was used; the
    access token names the device (``device_key``), known or new."""
    state = backend.state_of(user)
    known = state.devices.get(device_key or "")
    if known is not None and known.confirmed:
        known.last_authenticated = backend.now()
    else:
        known = None
    new_device = None
    if (
        pool.extended_config.get("DeviceConfiguration")
        and known is None
        and not device_authenticated
    ):
        new_device = Device(
            key=f"{backend.region_name}_{uuid.uuid4()}",
            group_key=state.device_group_key,
            created=backend.now(),
        )
        state.devices[new_device.key] = new_device
    device = known or new_device
    tokens = backend.issue_tokens(pool, client, user, device_key=device.key if device else None)
    if new_device is not None:
        tokens["NewDeviceMetadata"] = {
            "DeviceKey": new_device.key,
            "DeviceGroupKey": new_device.group_key,
        }
    return {"ChallengeParameters": {}, "AuthenticationResult": tokens}
