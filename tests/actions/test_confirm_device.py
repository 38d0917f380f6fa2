# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""ConfirmDevice: the device of NewDeviceMetadata is registered with a client-made verifier."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_idp.confirm_device import confirm_device
from cognito_users import TEST_PASSWORD
from mfa_fixtures import (
    TotpUser,
    error_code,
    make_app_client,
    make_user,
)
from pycognito import aws_srp


def _attributes(device: dict[str, Any]) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in device["DeviceAttributes"]}


def test_device_is_confirmed_and_listed_not_remembered_yet(
    cognito: Any, totp_user: TotpUser
) -> None:
    assert totp_user.new_device is not None
    key = totp_user.new_device["DeviceKey"]
    _, verifier = aws_srp.generate_hash_device(totp_user.new_device["DeviceGroupKey"], key)

    result = confirm_device(cognito, totp_user.access_token, key, verifier, "Ana's laptop")

    assert result == {"UserConfirmationNecessary": True}  # the pool remembers on request
    devices = cognito.list_devices(AccessToken=totp_user.access_token)["Devices"]
    listed = {d["DeviceKey"]: _attributes(d) for d in devices}
    assert listed[key]["device_name"] == "Ana's laptop"
    assert listed[key]["dev:device_remembered_status"] == "not_remembered"


def test_pool_that_always_remembers_needs_no_user_confirmation(
    cognito: Any, unique_name: str
) -> None:
    pool = cognito.create_user_pool(
        PoolName=f"always-{unique_name}",
        DeviceConfiguration={
            "ChallengeRequiredOnNewDevice": False,
            "DeviceOnlyRememberedOnUserPrompt": False,
        },
    )["UserPool"]["Id"]
    try:
        client_id = make_app_client(cognito, pool)["ClientId"]
        username = make_user(cognito, pool, f"gil-{unique_name}")
        tokens = cognito.initiate_auth(
            ClientId=client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": username, "PASSWORD": TEST_PASSWORD},
        )["AuthenticationResult"]
        device = tokens["NewDeviceMetadata"]
        _, verifier = aws_srp.generate_hash_device(device["DeviceGroupKey"], device["DeviceKey"])

        result = confirm_device(cognito, tokens["AccessToken"], device["DeviceKey"], verifier)

        assert result == {"UserConfirmationNecessary": False}
        listed = cognito.list_devices(AccessToken=tokens["AccessToken"])["Devices"]
        assert _attributes(listed[0])["dev:device_remembered_status"] == "remembered"
    finally:
        cognito.delete_user_pool(UserPoolId=pool)


def test_unknown_device_key_is_not_found(
    cognito: Any, mfa_pool: str, totp_user: TotpUser, caplog: pytest.LogCaptureFixture
) -> None:
    key = f"{mfa_pool.split('_')[0]}_00000000-0000-4000-8000-000000000000"
    _, verifier = aws_srp.generate_hash_device("-group", key)

    with pytest.raises(ClientError) as exc_info:
        confirm_device(cognito, totp_user.access_token, key, verifier)

    assert error_code(exc_info) == "ResourceNotFoundException"

    assert "ResourceNotFoundException" in caplog.text
    assert "use the DeviceKey of NewDeviceMetadata" in caplog.text


def test_revoked_access_token_is_not_authorized(
    cognito: Any, totp_user: TotpUser, caplog: pytest.LogCaptureFixture
) -> None:
    assert totp_user.new_device is not None
    key = totp_user.new_device["DeviceKey"]
    _, verifier = aws_srp.generate_hash_device(totp_user.new_device["DeviceGroupKey"], key)
    cognito.global_sign_out(AccessToken=totp_user.access_token)

    with pytest.raises(ClientError) as exc_info:
        confirm_device(cognito, totp_user.access_token, key, verifier)

    assert error_code(exc_info) == "NotAuthorizedException"
    assert "NotAuthorizedException" in caplog.text


def test_command_line_confirms_a_device(run_cli: Any, cognito: Any, totp_user: TotpUser) -> None:
    assert totp_user.new_device is not None
    key = totp_user.new_device["DeviceKey"]
    _, verifier = aws_srp.generate_hash_device(totp_user.new_device["DeviceGroupKey"], key)

    run = run_cli(
        "confirm_device",
        "--access-token",
        totp_user.access_token,
        "--device-key",
        key,
        "--password-verifier",
        verifier["PasswordVerifier"],
        "--salt",
        verifier["Salt"],
        "--device-name",
        "cli laptop",
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"DeviceKey": key, "UserConfirmationNecessary": True}
    assert totp_user.access_token not in run.stdout + run.stderr
    keys = [
        d["DeviceKey"] for d in cognito.list_devices(AccessToken=totp_user.access_token)["Devices"]
    ]
    assert keys == [key]
