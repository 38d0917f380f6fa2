# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""UpdateDeviceStatus: remembered and not_remembered, as ListDevices shows."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.update_device_status import update_device_status
from mfa_fixtures import (
    Device,
    error_code,
)


def _status(cognito: Any, device: Device) -> str:
    devices = cognito.list_devices(AccessToken=device.owner.access_token)["Devices"]
    (listed,) = [d for d in devices if d["DeviceKey"] == device.key]
    return {a["Name"]: a["Value"] for a in listed["DeviceAttributes"]}[
        "dev:device_remembered_status"
    ]


def test_device_becomes_remembered(cognito: Any, confirmed_device: Device) -> None:
    assert _status(cognito, confirmed_device) == "not_remembered"

    update_device_status(
        cognito, confirmed_device.owner.access_token, confirmed_device.key, remembered=True
    )

    assert _status(cognito, confirmed_device) == "remembered"


def test_device_can_be_forgotten_as_remembered_and_stays_listed(
    cognito: Any, confirmed_device: Device
) -> None:
    token = confirmed_device.owner.access_token
    update_device_status(cognito, token, confirmed_device.key, remembered=True)

    update_device_status(cognito, token, confirmed_device.key, remembered=False)

    assert _status(cognito, confirmed_device) == "not_remembered"


def test_unknown_device_is_not_found(
    cognito: Any, mfa_pool: str, confirmed_device: Device, caplog: pytest.LogCaptureFixture
) -> None:
    unknown = f"{mfa_pool.split('_')[0]}_00000000-0000-4000-8000-000000000000"

    with pytest.raises(ClientError) as exc_info:
        update_device_status(cognito, confirmed_device.owner.access_token, unknown, True)

    assert error_code(exc_info) == "ResourceNotFoundException"

    assert "ResourceNotFoundException" in caplog.text
    assert "confirm it first" in caplog.text


def test_command_line_remembers_a_device(
    run_cli: Any, cognito: Any, confirmed_device: Device
) -> None:
    token = confirmed_device.owner.access_token

    run = run_cli(
        "update_device_status",
        "--access-token",
        token,
        "--device-key",
        confirmed_device.key,
        "--remembered",
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["DeviceRememberedStatus"] == "remembered"
    assert token not in run.stdout + run.stderr
    assert _status(cognito, confirmed_device) == "remembered"
