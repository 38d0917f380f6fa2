"""What a correct first factor leads to: the next challenge, or tokens.

After a right password (or SRP proof): UserNotConfirmedException,
PasswordResetRequiredException or NEW_PASSWORD_REQUIRED by the user's status; then
DEVICE_SRP_AUTH for a remembered device, MFA_SETUP / SOFTWARE_TOKEN_MFA when MFA applies,
else tokens, with NewDeviceMetadata when the pool tracks devices and none was used.
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

from cognito_emulator.devices import DevicesMixin
from cognito_emulator.exceptions import PasswordResetRequiredException, UserNotConfirmedException
from cognito_emulator.mfa import MfaMixin
from cognito_emulator.state import AuthSession, Device


class SignInMixin(MfaMixin, DevicesMixin):
    """The steps shared by every sign-in flow once the first factor is right."""

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
