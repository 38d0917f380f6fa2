# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""ForgetDevice: the device disappears from the user's list."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.forget_device import forget_device
from mfa_fixtures import (
    Device,
    error_code,
)


def _keys(cognito: Any, access_token: str) -> list[str]:
    return [d["DeviceKey"] for d in cognito.list_devices(AccessToken=access_token)["Devices"]]


def test_forgotten_device_is_gone(cognito: Any, remembered_device: Device) -> None:
    token = remembered_device.owner.access_token
    assert _keys(cognito, token) == [remembered_device.key]

    forget_device(cognito, remembered_device.key, access_token=token)

    assert _keys(cognito, token) == []


def test_forgetting_twice_is_not_found(
    cognito: Any, confirmed_device: Device, caplog: pytest.LogCaptureFixture
) -> None:
    token = confirmed_device.owner.access_token
    forget_device(cognito, confirmed_device.key, access_token=token)

    with pytest.raises(ClientError) as exc_info:
        forget_device(cognito, confirmed_device.key, access_token=token)

    assert error_code(exc_info) == "ResourceNotFoundException"
    assert "isn't tracked" in caplog.text
    assert "ResourceNotFoundException" in caplog.text


def test_revoked_access_token_is_not_authorized(
    cognito: Any, confirmed_device: Device, caplog: pytest.LogCaptureFixture
) -> None:
    token = confirmed_device.owner.access_token
    cognito.global_sign_out(AccessToken=token)

    with pytest.raises(ClientError) as exc_info:
        forget_device(cognito, confirmed_device.key, access_token=token)

    assert error_code(exc_info) == "NotAuthorizedException"

    assert "NotAuthorizedException" in caplog.text
    assert token not in caplog.text


def test_command_line_forgets_a_device(
    run_cli: Any, cognito: Any, confirmed_device: Device
) -> None:
    token = confirmed_device.owner.access_token

    run = run_cli(
        "forget_device",
        "--access-token",
        token,
        "--device-key",
        confirmed_device.key,
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"DeviceKey": confirmed_device.key, "Forgotten": True}
    assert token not in run.stdout + run.stderr
    assert _keys(cognito, token) == []
