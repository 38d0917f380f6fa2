# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""ListDevices: the devices confirmed for the signed-in user."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.list_devices import list_devices
from mfa_fixtures import (
    Device,
    TotpUser,
    error_code,
)


def test_no_confirmed_device_means_an_empty_list(cognito: Any, totp_user: TotpUser) -> None:
    # The sign-in created NewDeviceMetadata, but an unconfirmed device is not listed.
    assert list_devices(cognito, totp_user.access_token) == []


def test_confirmed_device_is_listed_with_its_attributes(
    cognito: Any, remembered_device: Device
) -> None:
    devices = list_devices(cognito, remembered_device.owner.access_token)

    assert [d["DeviceKey"] for d in devices] == [remembered_device.key]
    attributes = {a["Name"]: a["Value"] for a in devices[0]["DeviceAttributes"]}
    assert attributes["device_name"] == "laptop"
    assert attributes["dev:device_remembered_status"] == "remembered"
    assert "DeviceCreateDate" in devices[0]


def test_revoked_access_token_is_not_authorized(
    cognito: Any, confirmed_device: Device, caplog: pytest.LogCaptureFixture
) -> None:
    cognito.global_sign_out(AccessToken=confirmed_device.owner.access_token)

    with pytest.raises(ClientError) as exc_info:
        list_devices(cognito, confirmed_device.owner.access_token)

    assert error_code(exc_info) == "NotAuthorizedException"

    assert "NotAuthorizedException" in caplog.text
    assert "sign in again" in caplog.text


def test_command_line_lists_the_devices(run_cli: Any, confirmed_device: Device) -> None:
    token = confirmed_device.owner.access_token

    run = run_cli("list_devices", "--access-token", token)

    assert run.returncode == 0, run.stderr
    assert [d["DeviceKey"] for d in json.loads(run.stdout)] == [confirmed_device.key]
    assert token not in run.stdout + run.stderr
    assert confirmed_device.password not in run.stdout
