"""Shared fixtures and helpers of the MFA, device and password action tests.

``conftest.py`` registers the fixtures for the whole folder; test modules import the helper
functions and constants they use by name (pytest puts this folder on ``sys.path`` because it has
no ``__init__.py``). Set-up talks to the
emulator with the plain boto3 client, so a broken example never hides behind a fixture error.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pyotp
import pytest
from botocore.stub import Stubber
from cognito_users import TEST_PASSWORD, admin_sign_in, create_confirmed_user, secret_hash
from pycognito import aws_srp

REPO_ROOT = Path(__file__).resolve().parents[2]
PASSWORD = TEST_PASSWORD
NEW_PASSWORD = "Battery-Staple-7?"

__all__ = [
    "NEW_PASSWORD",
    "PASSWORD",
    "Device",
    "TotpClock",
    "TotpUser",
    "assert_json_masked",
    "assert_masked",
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
    "run_cli",
    "secret_hash",
    "sign_in",
    "signed_in_as",
    "stubbed_client",
    "totp_clock",
    "totp_user",
]


class TotpClock:
    """The time TOTP codes are computed for, and how a test makes the next 30 s step come.

    On the emulator: its clock, moved forward instead of waiting (and put back when the test
    ends). With ``--aws``: real time, and waiting.
    """

    def __init__(self, emulator: Any | None) -> None:
        self._emulator = emulator

    def now(self) -> float:
        return float(self._emulator.clock.now()) if self._emulator else time.time()

    def next_step(self) -> None:
        """Let the current 30 s time step end."""
        if self._emulator:
            self._emulator.clock.advance(30)
        else:
            time.sleep(30 - time.time() % 30 + 0.1)


@dataclass
class TotpUser:
    """A user whose authenticator app is set up, signed in once with it."""

    username: str
    totp: pyotp.TOTP
    access_token: str
    id_token: str
    refresh_token: str
    new_device: dict[str, str] | None
    clock: TotpClock
    last_step: int = -1

    def code(self) -> str:
        """A valid TOTP code not used yet.

        Cognito accepts a code once, and after it no code of an earlier time step (RFC 6238,
        section 5.2); it also accepts the next step's code. So: the current step's code, else
        the next step's; when both were used, the test moves time on rather than waiting.
        """
        while True:
            step = int(self.clock.now()) // self.totp.interval
            for candidate in (step, step + 1):
                if candidate > self.last_step:
                    self.last_step = candidate
                    return self.totp.generate_otp(candidate)
            self.clock.next_step()

    def wrong_code(self) -> str:
        """A 6-digit code that is valid in none of the accepted windows."""
        now = self.clock.now()
        valid = {self.totp.at(now + step) for step in (-60, -30, 0, 30, 60)}
        return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


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


def run_cli(module: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``python python/cognito_idp/<module>.py ARGS`` as a reader would."""
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "python" / "cognito_idp" / f"{module}.py"), *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
        check=False,
    )


MASKED = re.compile(r"^(.{4}\.\.\..{4}|\*{4})$")
SENSITIVE_KEYS = {"AccessToken", "IdToken", "RefreshToken", "Session", "SECRET_BLOCK"}


def assert_masked(output: str, *secrets: str) -> None:
    """No given secret appears in full in ``output``."""
    for secret in secrets:
        assert secret not in output, "a full token, session or secret was printed"


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


def stubbed_client(error_code: str, operation: str, message: str = "stubbed") -> Any:
    """A client whose next ``operation`` fails with ``error_code`` (errors no emulator makes)."""
    client = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url="http://127.0.0.1:9")
    stubber = Stubber(client)
    stubber.add_client_error(
        operation, service_error_code=error_code, service_message=message, http_status_code=400
    )
    stubber.activate()
    return client


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


def make_user(cognito: Any, pool_id: str, username: str, password: str = PASSWORD) -> str:
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
    result = cognito.admin_initiate_auth(
        UserPoolId=optional_mfa_pool,
        ClientId=optional_app_client,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": PASSWORD},
    )["AuthenticationResult"]
    return {
        "username": username,
        "access_token": result["AccessToken"],
        "refresh_token": result["RefreshToken"],
    }


@pytest.fixture
def totp_clock(request: pytest.FixtureRequest) -> Iterator[TotpClock]:
    """What TOTP codes are computed against: the emulator's clock (put back afterwards), or
    real time with ``--aws``."""
    if request.config.getoption("--aws"):
        yield TotpClock(None)
        return
    emulator = request.getfixturevalue("emulator")
    saved = emulator.clock.offset
    yield TotpClock(emulator)
    emulator.clock.offset = saved


@pytest.fixture
def totp_user(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str, totp_clock: TotpClock
) -> TotpUser:
    """``mfa_user`` after the MFA_SETUP sign-in: authenticator set up, tokens issued."""
    started = cognito.admin_initiate_auth(
        UserPoolId=mfa_pool,
        ClientId=mfa_app_client,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": mfa_user, "PASSWORD": PASSWORD},
    )
    assert started.get("ChallengeName") == "MFA_SETUP", started.get("ChallengeName")
    associated = cognito.associate_software_token(Session=started["Session"])
    totp = pyotp.TOTP(associated["SecretCode"])
    first_step = int(totp_clock.now()) // totp.interval
    verified = cognito.verify_software_token(
        Session=associated["Session"],
        UserCode=totp.generate_otp(first_step),
        FriendlyDeviceName="phone",
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
        totp=totp,
        access_token=result["AccessToken"],
        id_token=result["IdToken"],
        refresh_token=result["RefreshToken"],
        new_device=result.get("NewDeviceMetadata"),
        clock=totp_clock,
        last_step=first_step,
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


sign_in = admin_sign_in  # shared with the emulator's tests (tests/cognito_users.py)
