# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Answers where the emulator once differed from Cognito (issue 9, item 7).

Each answer is quoted from Cognito's API reference or from public issue threads that quote
the service; where Cognito's behaviour is not documented the emulator's README says so.
"""

from __future__ import annotations

import re
from typing import Any

import jwt
import pyotp
import pytest
import requests
from botocore.exceptions import ClientError
from cognito_users import admin_sign_in
from emulator_helpers import (
    PASSWORD,
    FakeClock,
    answer_mfa,
    http_pool,
    http_user,
    http_with_totp,
    make_pool,
    make_user,
    sign_in,
    with_totp,
)
from pycognito import aws_srp

from cognito_emulator import EmulatorServer
from cognito_emulator.clock import Clock
from cognito_emulator.models import EmulatorBackend

SNS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms"  # a made-up role: no SMS is sent


def _error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = exc.value.response["Error"]
    return str(error["Code"]), str(error["Message"])


# ---------------------------------------------------------------- pools
@pytest.mark.parametrize("mfa", ["ON", "OPTIONAL"])
def test_create_user_pool_with_mfa_needs_an_sms_configuration(
    cognito: Any, unique_name: str, mfa: str
) -> None:
    """CreateUserPool's MfaConfiguration is SMS MFA's: TOTP comes with SetUserPoolMfaConfig
    (aws/aws-cli#3876, aws/aws-cdk#12075 quote the answer)."""
    with pytest.raises(ClientError) as exc:
        cognito.create_user_pool(PoolName=f"mfa-{unique_name}", MfaConfiguration=mfa)
    assert _error(exc) == (
        "InvalidParameterException",
        "SMS configuration and Auto verification for phone_number are required when MFA is "
        "required/optional",
    )
    names = [p["Name"] for p in cognito.list_user_pools(MaxResults=60)["UserPools"]]
    assert f"mfa-{unique_name}" not in names
    pool = cognito.create_user_pool(
        PoolName=f"sms-{unique_name}",
        MfaConfiguration=mfa,
        SmsConfiguration={"SnsCallerArn": SNS_ROLE},
        AutoVerifiedAttributes=["phone_number"],
    )["UserPool"]
    assert pool["MfaConfiguration"] == mfa
    cognito.delete_user_pool(UserPoolId=pool["Id"])


def test_set_user_pool_mfa_config_refuses_mfa_without_a_factor(
    cognito: Any, unique_name: str
) -> None:
    pool, _, _ = http_pool(cognito, unique_name)
    with pytest.raises(ClientError) as exc:
        cognito.set_user_pool_mfa_config(
            UserPoolId=pool,
            SoftwareTokenMfaConfiguration={"Enabled": False},
            MfaConfiguration="ON",
        )
    assert _error(exc) == (
        "InvalidParameterException",
        "Invalid MFA configuration given, can't disable all MFAs with a required or optional "
        "configuration.",
    )


def test_user_pool_ids_are_shaped_like_cognitos(emulator: EmulatorServer, cognito: Any) -> None:
    """``<region>_<9 letters and digits>``, e.g. ``us-east-1_AbCdE1234`` (moto: 32 hex digits)."""
    import boto3

    made: list[tuple[Any, str]] = []
    try:
        for region in ("us-east-1", "eu-west-3"):
            regional = boto3.client("cognito-idp", endpoint_url=emulator.url, region_name=region)
            for number in range(10):
                pool = regional.create_user_pool(PoolName=f"shape-{number}")["UserPool"]
                made.append((regional, pool["Id"]))
                assert re.fullmatch(rf"{region}_[0-9A-Za-z]{{9}}", pool["Id"]), pool["Id"]
                assert pool["Arn"].endswith(f":userpool/{pool['Id']}")
                assert (
                    regional.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]["Id"]
                    == (pool["Id"])
                )
        assert len({pool_id for _, pool_id in made}) == len(made)
    finally:
        for client, pool_id in made:
            client.delete_user_pool(UserPoolId=pool_id)


def test_srp_works_with_cognito_shaped_pool_ids(cognito: Any, unique_name: str) -> None:
    """The SRP maths use the part of the id after ``_`` (9 characters now)."""
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool)
    tokens = aws_srp.AWSSRP(user, PASSWORD, pool, client, client=cognito).authenticate_user()
    assert "AccessToken" in tokens["AuthenticationResult"]


# ---------------------------------------------------------------- users
def test_sign_up_of_a_taken_name(cognito: Any, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool, f"u{unique_name}")
    with pytest.raises(ClientError) as exc:
        cognito.sign_up(ClientId=client, Username=user, Password=PASSWORD)
    assert _error(exc) == ("UsernameExistsException", "User already exists")
    with pytest.raises(ClientError) as exc:
        cognito.admin_create_user(UserPoolId=pool, Username=user, MessageAction="SUPPRESS")
    assert _error(exc) == ("UsernameExistsException", "User account already exists")


def test_sign_up_of_a_taken_address_where_addresses_are_user_names(
    cognito: Any, unique_name: str
) -> None:
    pool = cognito.create_user_pool(PoolName=f"email-{unique_name}", UsernameAttributes=["email"])
    pool_id = pool["UserPool"]["Id"]
    try:
        client = cognito.create_user_pool_client(UserPoolId=pool_id, ClientName="app")
        client_id = client["UserPoolClient"]["ClientId"]
        address = f"{unique_name}@example.com"
        cognito.sign_up(ClientId=client_id, Username=address, Password=PASSWORD)
        with pytest.raises(ClientError) as exc:
            cognito.sign_up(ClientId=client_id, Username=address, Password=PASSWORD)
        assert _error(exc) == (
            "UsernameExistsException",
            "An account with the given email already exists.",
        )
    finally:
        cognito.delete_user_pool(UserPoolId=pool_id)


def test_get_user_leaves_out_the_mfa_members_when_empty(
    cognito: Any, unique_name: str, http_clock: Clock
) -> None:
    pool, client, _ = http_pool(cognito, unique_name, mfa="OPTIONAL")
    user = http_user(cognito, pool, f"u{unique_name}")
    tokens = cognito.initiate_auth(
        ClientId=client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
    )["AuthenticationResult"]
    mfa_members = {"MFAOptions", "PreferredMfaSetting", "UserMFASettingList"}
    assert not mfa_members & set(cognito.admin_get_user(UserPoolId=pool, Username=user))
    assert not mfa_members & set(cognito.get_user(AccessToken=tokens["AccessToken"]))
    secret = cognito.associate_software_token(AccessToken=tokens["AccessToken"])["SecretCode"]
    cognito.verify_software_token(
        AccessToken=tokens["AccessToken"], UserCode=pyotp.TOTP(secret).at(http_clock.now())
    )
    cognito.set_user_mfa_preference(
        AccessToken=tokens["AccessToken"],
        SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True},
    )
    for document in (
        cognito.admin_get_user(UserPoolId=pool, Username=user),
        cognito.get_user(AccessToken=tokens["AccessToken"]),
    ):
        assert document["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"
        assert document["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"]
        assert "MFAOptions" not in document  # SMS MFA options of old; never set here


# ---------------------------------------------------------------- sign-in
@pytest.mark.parametrize(
    ("operation", "flow"),
    [("initiate_auth", "ADMIN_USER_PASSWORD_AUTH"), ("admin_initiate_auth", "USER_PASSWORD_AUTH")],
)
def test_a_flow_of_the_other_operation_is_not_supported(
    cognito: Any, unique_name: str, operation: str, flow: str
) -> None:
    """aws-doc-sdk-examples#5289 quotes the answer, full stop included."""
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool)
    kwargs = {"UserPoolId": pool} if operation == "admin_initiate_auth" else {}
    with pytest.raises(ClientError) as exc:
        getattr(cognito, operation)(
            ClientId=client,
            AuthFlow=flow,
            AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
            **kwargs,
        )
    assert _error(exc) == ("InvalidParameterException", "Initiate Auth method not supported.")


def test_a_wrong_setup_code_answers_cognitos_message(cognito: Any, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name, mfa="ON")
    user = http_user(cognito, pool)
    setup = admin_sign_in(cognito, pool, client, user)
    assoc = cognito.associate_software_token(Session=setup["Session"])
    code = pyotp.TOTP(assoc["SecretCode"]).now()
    with pytest.raises(ClientError) as exc:
        cognito.verify_software_token(
            Session=assoc["Session"], UserCode=f"{(int(code) + 1) % 1_000_000:06d}"
        )
    assert _error(exc) == (
        "EnableSoftwareTokenMFAException",
        "Code mismatch and fail enable Software Token MFA",
    )


@pytest.mark.parametrize("name", ["Ana's phone", None])
def test_software_token_mfa_challenge_parameters(
    cognito: Any, unique_name: str, http_clock: Clock, name: str | None
) -> None:
    """As the API reference's InitiateAuth example: the FriendlyDeviceName given to
    VerifySoftwareToken, and USER_ID_FOR_SRP."""
    pool, client, _ = http_pool(cognito, unique_name, mfa="ON")
    user = http_user(cognito, pool, f"u{unique_name}")
    http_with_totp(cognito, client, user, http_clock.now(), device_name=name)
    challenge = cognito.initiate_auth(
        ClientId=client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
    )
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    expected = {"USER_ID_FOR_SRP": user}
    if name is not None:
        expected["FRIENDLY_DEVICE_NAME"] = name
    assert challenge["ChallengeParameters"] == expected


# ---------------------------------------------------------------- remembered devices
@pytest.mark.parametrize("replaces_mfa", [True, False])
def test_a_remembered_device_replaces_mfa_only_when_the_pool_says_so(
    backend: EmulatorBackend, clock: FakeClock, replaces_mfa: bool
) -> None:
    """ChallengeRequiredOnNewDevice: "When true, a remembered device can sign in with device
    authentication instead of SMS and TOTP factors" (DeviceConfigurationType)."""
    devices = {
        "ChallengeRequiredOnNewDevice": replaces_mfa,
        "DeviceOnlyRememberedOnUserPrompt": False,
    }
    pool, client = make_pool(backend, mfa="ON", devices=devices)
    make_user(backend, pool)
    totp = with_totp(backend, pool, client)
    clock.advance(60)
    challenge = sign_in(backend, pool, client)
    first = answer_mfa(backend, client, challenge["Session"], "ana", totp.at(clock.now()))[
        "AuthenticationResult"
    ]
    meta = first["NewDeviceMetadata"]
    _, config = aws_srp.generate_hash_device(meta["DeviceGroupKey"], meta["DeviceKey"])
    assert backend.confirm_device(first["AccessToken"], meta["DeviceKey"], config, None) is False
    clock.advance(60)
    with_device = {"USERNAME": "ana", "PASSWORD": PASSWORD, "DEVICE_KEY": meta["DeviceKey"]}
    again = backend.admin_initiate_auth(pool, client, "ADMIN_USER_PASSWORD_AUTH", with_device)
    if replaces_mfa:
        assert again["ChallengeName"] == "DEVICE_SRP_AUTH"
        return
    assert again["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    done = answer_mfa(backend, client, again["Session"], "ana", totp.at(clock.now()))[
        "AuthenticationResult"
    ]
    assert "NewDeviceMetadata" not in done  # the device is known: its key is in the token
    claims = jwt.decode(done["AccessToken"], options={"verify_signature": False})
    assert claims["device_key"] == meta["DeviceKey"]


# ---------------------------------------------------------------- the .well-known documents
def test_an_unknown_well_known_document_is_not_a_missing_pool(
    emulator: EmulatorServer, cognito: Any, unique_name: str
) -> None:
    pool, _, _ = http_pool(cognito, unique_name)
    answer = requests.get(f"{emulator.url}/{pool}/.well-known/unknown.json", timeout=10)
    assert answer.status_code == 404
    assert "does not exist" not in answer.json()["message"]
    assert f"/{pool}/.well-known/unknown.json" in answer.json()["message"]
    missing = requests.get(f"{emulator.url}/us-east-1_Missing00/.well-known/jwks.json", timeout=10)
    assert missing.status_code == 404
    assert missing.json() == {
        "__type": "ResourceNotFoundException",
        "message": "User pool us-east-1_Missing00 does not exist.",
    }
    assert requests.get(f"{emulator.url}/{pool}/.well-known/jwks.json", timeout=10).ok
