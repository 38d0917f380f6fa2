# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Fixtures and helpers of the MFA, device and password tests: MFA pools, users with an
authenticator app, confirmed and remembered devices.

``tests/conftest.py`` registers the fixtures (``pytest_plugins``); test modules import the
helpers they use by name. Set-up talks to the emulator with the plain boto3 client, so a broken
example never hides behind a fixture error.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from cognito_users import (
    TEST_PASSWORD,
    admin_sign_in,
    create_confirmed_user,
    secret_hash,
    signed_in,
)
from pycognito import aws_srp
from totp_app import TotpApp

__all__ = [
    "Device",
    "TotpUser",
    "assert_json_masked",
    "confirmed_device",
    "error_code",
    "make_app_client",
    "make_user",
    "mfa_app_client",
    "mfa_pool",
    "mfa_user",
    "optional_app_client",
    "optional_mfa_pool",
    "optional_user",
    "remembered_device",
    "secret_hash",
    "signed_in_as",
    "totp_user",
]


@dataclass
class TotpUser:
    """A user whose authenticator app is set up, signed in once with it."""

    username: str
    app: TotpApp
    access_token: str
    id_token: str
    refresh_token: str
    new_device: dict[str, str] | None

    def code(self) -> str:
        """A valid code of the app, never one used before (see :class:`totp_app.TotpApp`)."""
        return self.app.code()

    def wrong_code(self) -> str:
        """A 6-digit code that is valid in none of the accepted windows."""
        return self.app.wrong_code()


@dataclass
class Device:
    """A device confirmed with ConfirmDevice; the app keeps these three secrets."""

    key: str
    group_key: str
    password: str
    owner: TotpUser


def error_code(exc_info: pytest.ExceptionInfo[Any]) -> str:
    """The Cognito error code of a raised ``ClientError``."""
    return str(exc_info.value.response["Error"]["Code"])


MASKED = re.compile(r"^(.{4}\.\.\..{4}|\*{4})$")
SENSITIVE_KEYS = {"AccessToken", "IdToken", "RefreshToken", "Session", "SECRET_BLOCK"}


def assert_json_masked(data: Any) -> int:
    """Every token/session value in printed JSON is masked; returns how many were checked."""
    checked = 0
    if isinstance(data, dict):
        for key, value in data.items():
            if key in SENSITIVE_KEYS:
                assert isinstance(value, str) and MASKED.match(value), f"{key} not masked"
                checked += 1
            else:
                checked += assert_json_masked(value)
    elif isinstance(data, list):
        checked += sum(assert_json_masked(item) for item in data)
    return checked


def _make_pool(cognito: Any, name: str, mfa: str) -> str:
    pool_id: str = cognito.create_user_pool(
        PoolName=name,
        AutoVerifiedAttributes=["email"],
        DeviceConfiguration={  # a remembered device signs in without a TOTP code
            "ChallengeRequiredOnNewDevice": True,
            "DeviceOnlyRememberedOnUserPrompt": True,
        },
    )["UserPool"]["Id"]
    cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id,
        SoftwareTokenMfaConfiguration={"Enabled": True},
        MfaConfiguration=mfa,
    )
    return pool_id


def _delete_pool(cognito: Any, pool_id: str) -> None:
    with contextlib.suppress(cognito.exceptions.ResourceNotFoundException):
        cognito.delete_user_pool(UserPoolId=pool_id)


def make_app_client(cognito: Any, pool_id: str, *, generate_secret: bool = False) -> dict[str, Any]:
    """An app client allowing every password flow, token revocation on; the UserPoolClient."""
    client: dict[str, Any] = cognito.create_user_pool_client(
        UserPoolId=pool_id,
        ClientName="mfa-app",
        GenerateSecret=generate_secret,
        EnableTokenRevocation=True,
        ExplicitAuthFlows=[
            "ALLOW_ADMIN_USER_PASSWORD_AUTH",
            "ALLOW_USER_PASSWORD_AUTH",
            "ALLOW_USER_SRP_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH",
        ],
    )["UserPoolClient"]
    return client


def signed_in_as(cognito: Any, response: dict[str, Any]) -> str:
    """The user whose access token a sign-in returned, as GetUser reports it (the token works)."""
    username: str = cognito.get_user(AccessToken=response["AuthenticationResult"]["AccessToken"])[
        "Username"
    ]
    return username


def make_user(cognito: Any, pool_id: str, username: str, password: str = TEST_PASSWORD) -> str:
    """A CONFIRMED user with a verified example.com address and ``password``."""
    return create_confirmed_user(cognito, pool_id, username, password)


@pytest.fixture
def mfa_pool(cognito: Any, unique_name: str) -> Iterator[str]:
    """A user pool requiring MFA (ON, TOTP only) that remembers devices on request; its id."""
    pool_id = _make_pool(cognito, f"mfa-{unique_name}", "ON")
    yield pool_id
    _delete_pool(cognito, pool_id)


@pytest.fixture
def optional_mfa_pool(cognito: Any, unique_name: str) -> Iterator[str]:
    """A user pool where MFA is OPTIONAL (TOTP allowed); its id."""
    pool_id = _make_pool(cognito, f"opt-{unique_name}", "OPTIONAL")
    yield pool_id
    _delete_pool(cognito, pool_id)


@pytest.fixture
def mfa_app_client(cognito: Any, mfa_pool: str) -> str:
    """An app client (no secret) of ``mfa_pool``; its id."""
    return str(make_app_client(cognito, mfa_pool)["ClientId"])


@pytest.fixture
def optional_app_client(cognito: Any, optional_mfa_pool: str) -> str:
    """An app client (no secret) of ``optional_mfa_pool``; its id."""
    return str(make_app_client(cognito, optional_mfa_pool)["ClientId"])


@pytest.fixture
def mfa_user(cognito: Any, mfa_pool: str, unique_name: str) -> str:
    """A confirmed user of ``mfa_pool`` without MFA set up yet; its user name."""
    return make_user(cognito, mfa_pool, f"ana-{unique_name}")


@pytest.fixture
def optional_user(
    cognito: Any, optional_mfa_pool: str, optional_app_client: str, unique_name: str
) -> dict[str, str]:
    """A user of ``optional_mfa_pool`` signed in with a password; user name and tokens."""
    username = make_user(cognito, optional_mfa_pool, f"ben-{unique_name}")
    return signed_in(cognito, optional_mfa_pool, optional_app_client, username)


@pytest.fixture
def totp_user(
    cognito: Any,
    mfa_pool: str,
    mfa_app_client: str,
    mfa_user: str,
    totp_app: Callable[[str], TotpApp],
) -> TotpUser:
    """``mfa_user`` after the MFA_SETUP sign-in: authenticator set up, tokens issued."""
    started = admin_sign_in(cognito, mfa_pool, mfa_app_client, mfa_user)
    assert started.get("ChallengeName") == "MFA_SETUP", started.get("ChallengeName")
    associated = cognito.associate_software_token(Session=started["Session"])
    app = totp_app(associated["SecretCode"])
    verified = cognito.verify_software_token(
        Session=associated["Session"], UserCode=app.code(), FriendlyDeviceName="phone"
    )
    assert verified["Status"] == "SUCCESS"
    result = cognito.admin_respond_to_auth_challenge(
        UserPoolId=mfa_pool,
        ClientId=mfa_app_client,
        ChallengeName="MFA_SETUP",
        Session=verified["Session"],
        ChallengeResponses={"USERNAME": mfa_user},
    )["AuthenticationResult"]
    return TotpUser(
        username=mfa_user,
        app=app,
        access_token=result["AccessToken"],
        id_token=result["IdToken"],
        refresh_token=result["RefreshToken"],
        new_device=result.get("NewDeviceMetadata"),
    )


@pytest.fixture
def confirmed_device(cognito: Any, totp_user: TotpUser) -> Device:
    """The device of ``totp_user``'s sign-in, confirmed (tracked, not remembered yet)."""
    assert totp_user.new_device, "sign-in in a device-tracking pool returns NewDeviceMetadata"
    key = totp_user.new_device["DeviceKey"]
    group_key = totp_user.new_device["DeviceGroupKey"]
    password, verifier = aws_srp.generate_hash_device(group_key, key)
    cognito.confirm_device(
        AccessToken=totp_user.access_token,
        DeviceKey=key,
        DeviceSecretVerifierConfig=verifier,
        DeviceName="laptop",
    )
    return Device(key=key, group_key=group_key, password=password, owner=totp_user)


@pytest.fixture
def remembered_device(cognito: Any, confirmed_device: Device) -> Device:
    """``confirmed_device`` set to remembered."""
    cognito.update_device_status(
        AccessToken=confirmed_device.owner.access_token,
        DeviceKey=confirmed_device.key,
        DeviceRememberedStatus="remembered",
    )
    return confirmed_device
