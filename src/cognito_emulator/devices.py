# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Remembered devices, which moto does not track.

ConfirmDevice stores a device's SRP verifier (remembered at once, or on UpdateDeviceStatus
when the pool sets DeviceOnlyRememberedOnUserPrompt); ListDevices / AdminListDevices,
GetDevice / AdminGetDevice, ForgetDevice / AdminForgetDevice and UpdateDeviceStatus /
AdminUpdateDeviceStatus read and change them. A remembered device may answer
DEVICE_SRP_AUTH at sign-in (:mod:`cognito_emulator.srp_auth`).
"""

from __future__ import annotations

from typing import Any

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool

from cognito_emulator import srp
from cognito_emulator.backend_base import BackendBase
from cognito_emulator.exceptions import InvalidParameterException, ResourceNotFoundException
from cognito_emulator.state import Device, UserState


def remembered_device(state: UserState, device_key: str | None) -> Device | None:
    """The user's device ``device_key`` if it may answer DEVICE_SRP_AUTH (confirmed,
    remembered, with a verifier), else None."""
    if not device_key:
        return None
    device = state.devices.get(device_key)
    if device and device.confirmed and device.remembered and device.verifier:
        return device
    return None


def device_replaces_mfa(pool: CognitoIdpUserPool) -> bool:
    """ChallengeRequiredOnNewDevice: "When true, a remembered device can sign in with device
    authentication instead of SMS and TOTP factors for MFA" (API reference,
    DeviceConfigurationType); when false, a remembered device still answers the MFA challenge."""
    config = pool.extended_config.get("DeviceConfiguration") or {}
    return bool(config.get("ChallengeRequiredOnNewDevice"))


class DevicesMixin(BackendBase):
    """A user's devices: confirming, listing, getting, forgetting and their remembered status."""

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
