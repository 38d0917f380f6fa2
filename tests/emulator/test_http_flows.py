# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The emulator over HTTP with independent clients: boto3, pycognito's AWSSRP, pyotp, PyJWT."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jwt
import pyotp
import pytest
import requests
from botocore.exceptions import ClientError
from emulator_helpers import PASSWORD, http_pool, http_user
from pycognito import aws_srp

from cognito_emulator import EmulatorServer, latest_code, read_outbox
from cognito_emulator.clock import Clock

DEVICES = {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": False}


def _code(exc: pytest.ExceptionInfo[ClientError]) -> str:
    return str(exc.value.response["Error"]["Code"])


def _other(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_sign_up_codes_go_to_the_outbox(cognito: Any, outbox: Path, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = f"u{unique_name}"
    resp = cognito.sign_up(
        ClientId=client,
        Username=user,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": "ana@example.com"}],
    )
    assert resp["UserConfirmed"] is False
    assert resp["CodeDeliveryDetails"] == {
        "Destination": "a***@e***",
        "DeliveryMedium": "EMAIL",
        "AttributeName": "email",
    }
    first = latest_code(outbox, user, pool)
    assert first is not None and len(first) == 6
    with pytest.raises(ClientError) as exc:
        cognito.confirm_sign_up(ClientId=client, Username=user, ConfirmationCode=_other(first))
    assert _code(exc) == "CodeMismatchException"
    resent = cognito.resend_confirmation_code(ClientId=client, Username=user)
    assert resent["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    messages = read_outbox(outbox, user, pool)
    assert [m["trigger"] for m in messages] == ["CustomMessage_SignUp", "CustomMessage_ResendCode"]
    cognito.confirm_sign_up(ClientId=client, Username=user, ConfirmationCode=messages[-1]["code"])
    assert cognito.admin_get_user(UserPoolId=pool, Username=user)["UserStatus"] == "CONFIRMED"


def test_expired_confirmation_code(
    cognito: Any, outbox: Path, unique_name: str, http_clock: Clock
) -> None:
    _, client, _ = http_pool(cognito, unique_name)
    user = f"u{unique_name}"
    cognito.sign_up(
        ClientId=client,
        Username=user,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": "e@example.com"}],
    )
    http_clock.advance(25 * 3600)
    with pytest.raises(ClientError) as exc:
        cognito.confirm_sign_up(
            ClientId=client, Username=user, ConfirmationCode=latest_code(outbox, user)
        )
    assert _code(exc) == "ExpiredCodeException"


def test_forgot_and_change_password(cognito: Any, outbox: Path, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool, f"u{unique_name}")
    details = cognito.forgot_password(ClientId=client, Username=user)["CodeDeliveryDetails"]
    assert details["AttributeName"] == "email"
    code = latest_code(outbox, user, pool, trigger="CustomMessage_ForgotPassword")
    assert code is not None
    with pytest.raises(ClientError) as exc:
        cognito.confirm_forgot_password(
            ClientId=client, Username=user, ConfirmationCode=_other(code), Password="New-Horse-9!"
        )
    assert _code(exc) == "CodeMismatchException"
    cognito.confirm_forgot_password(
        ClientId=client, Username=user, ConfirmationCode=code, Password="New-Horse-9!"
    )
    tokens = cognito.initiate_auth(
        ClientId=client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user, "PASSWORD": "New-Horse-9!"},
    )["AuthenticationResult"]
    with pytest.raises(ClientError) as exc:
        cognito.change_password(
            AccessToken=tokens["AccessToken"],
            PreviousPassword="wrong-Horse-9!",
            ProposedPassword="Third-Horse-9!",
        )
    assert _code(exc) == "NotAuthorizedException"
    cognito.change_password(
        AccessToken=tokens["AccessToken"],
        PreviousPassword="New-Horse-9!",
        ProposedPassword="Third-Horse-9!",
    )
    with pytest.raises(ClientError) as exc:
        cognito.initiate_auth(
            ClientId=client,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": user, "PASSWORD": "New-Horse-9!"},
        )
    assert exc.value.response["Error"]["Message"] == "Incorrect username or password."


def test_mfa_setup_then_srp_then_remembered_device(
    cognito: Any, unique_name: str, http_clock: Clock
) -> None:
    pool, client, _ = http_pool(cognito, unique_name, mfa="ON", devices=DEVICES)
    user = http_user(cognito, pool)
    setup = cognito.initiate_auth(
        ClientId=client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
    )
    assert setup["ChallengeName"] == "MFA_SETUP"
    assoc = cognito.associate_software_token(Session=setup["Session"])
    totp = pyotp.TOTP(assoc["SecretCode"])

    def code() -> str:  # the authenticator app, on the emulator's clock
        return totp.at(http_clock.now())

    with pytest.raises(ClientError) as exc:
        cognito.verify_software_token(Session=assoc["Session"], UserCode=_other(code()))
    assert _code(exc) == "EnableSoftwareTokenMFAException"
    verified = cognito.verify_software_token(Session=assoc["Session"], UserCode=code())
    done = cognito.respond_to_auth_challenge(
        ClientId=client,
        ChallengeName="MFA_SETUP",
        Session=verified["Session"],
        ChallengeResponses={"USERNAME": user},
    )
    assert "AccessToken" in done["AuthenticationResult"]

    srp = aws_srp.AWSSRP(
        username=user, password=PASSWORD, pool_id=pool, client_id=client, client=cognito
    )
    with pytest.raises(aws_srp.SoftwareTokenMFAChallengeException) as mfa:
        srp.authenticate_user()
    challenge = mfa.value.get_tokens()
    http_clock.advance(30)  # the set-up used this step's code: a TOTP code works once
    with pytest.raises(ClientError) as exc:
        cognito.respond_to_auth_challenge(
            ClientId=client,
            ChallengeName="SOFTWARE_TOKEN_MFA",
            Session=challenge["Session"],
            ChallengeResponses={"USERNAME": user, "SOFTWARE_TOKEN_MFA_CODE": _other(code())},
        )
    assert exc.value.response["Error"] == {
        "Code": "CodeMismatchException",
        "Message": "Invalid code received for user",
    }
    result = cognito.respond_to_auth_challenge(
        ClientId=client,
        ChallengeName="SOFTWARE_TOKEN_MFA",
        Session=challenge["Session"],
        ChallengeResponses={"USERNAME": user, "SOFTWARE_TOKEN_MFA_CODE": code()},
    )["AuthenticationResult"]
    meta = result["NewDeviceMetadata"]
    access = result["AccessToken"]
    device_password, config = aws_srp.generate_hash_device(
        meta["DeviceGroupKey"], meta["DeviceKey"]
    )
    confirmed = cognito.confirm_device(
        AccessToken=access,
        DeviceKey=meta["DeviceKey"],
        DeviceSecretVerifierConfig=config,
        DeviceName="laptop",
    )
    assert confirmed["UserConfirmationNecessary"] is False
    listed = cognito.admin_list_devices(UserPoolId=pool, Username=user)["Devices"]
    assert [d["DeviceKey"] for d in listed] == [meta["DeviceKey"]]

    def device_sign_in(password: str) -> dict[str, Any]:
        return aws_srp.AWSSRP(
            username=user,
            password=PASSWORD,
            pool_id=pool,
            client_id=client,
            client=cognito,
            device_key=meta["DeviceKey"],
            device_group_key=meta["DeviceGroupKey"],
            device_password=password,
        ).authenticate_user()

    tokens = device_sign_in(device_password)["AuthenticationResult"]
    assert "NewDeviceMetadata" not in tokens
    assert (
        jwt.decode(tokens["AccessToken"], options={"verify_signature": False})["device_key"]
        == meta["DeviceKey"]
    )
    with pytest.raises(ClientError) as exc:
        device_sign_in("not-the-device-password")
    assert _code(exc) == "NotAuthorizedException"

    cognito.update_device_status(
        AccessToken=access, DeviceKey=meta["DeviceKey"], DeviceRememberedStatus="not_remembered"
    )
    with pytest.raises(aws_srp.SoftwareTokenMFAChallengeException):
        device_sign_in(device_password)  # a device that is not remembered needs MFA again
    cognito.forget_device(AccessToken=access, DeviceKey=meta["DeviceKey"])
    assert cognito.list_devices(AccessToken=access)["Devices"] == []


def test_srp_wrong_password_and_secret_hash_client(cognito: Any, unique_name: str) -> None:
    pool, client, secret = http_pool(cognito, unique_name, secret=True)
    user = http_user(cognito, pool)
    with pytest.raises(ClientError) as exc:
        aws_srp.AWSSRP(
            username=user,
            password="Wrong-Horse-9!",
            pool_id=pool,
            client_id=client,
            client=cognito,
            client_secret=secret,
        ).authenticate_user()
    assert exc.value.response["Error"]["Message"] == "Incorrect username or password."
    with pytest.raises(ClientError) as exc:
        aws_srp.AWSSRP(
            username=user, password=PASSWORD, pool_id=pool, client_id=client, client=cognito
        ).authenticate_user()
    assert _code(exc) == "NotAuthorizedException"
    assert "SECRET_HASH was not received" in exc.value.response["Error"]["Message"]
    tokens = aws_srp.AWSSRP(
        username=user,
        password=PASSWORD,
        pool_id=pool,
        client_id=client,
        client=cognito,
        client_secret=secret,
    ).authenticate_user()
    assert "IdToken" in tokens["AuthenticationResult"]


def test_tokens_verify_against_jwks_and_revocation(
    cognito: Any, emulator: EmulatorServer, unique_name: str, http_clock: Clock
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool)

    def sign_in() -> dict[str, str]:
        return cognito.admin_initiate_auth(
            UserPoolId=pool,
            ClientId=client,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
        )["AuthenticationResult"]

    tokens = sign_in()
    jwks = requests.get(f"{emulator.url}/{pool}/.well-known/jwks.json", timeout=5).json()
    keys = {key["kid"]: jwt.PyJWK(key).key for key in jwks["keys"]}
    id_claims = jwt.decode(
        tokens["IdToken"],
        keys[jwt.get_unverified_header(tokens["IdToken"])["kid"]],
        algorithms=["RS256"],
        audience=client,
        options={"verify_iat": False},
    )
    assert id_claims["cognito:username"] == user
    assert id_claims["iss"].endswith(f"/{pool}")
    access_claims = jwt.decode(
        tokens["AccessToken"],
        keys[jwt.get_unverified_header(tokens["AccessToken"])["kid"]],
        algorithms=["RS256"],
        options={"verify_iat": False},
    )
    assert access_claims["token_use"] == "access" and access_claims["client_id"] == client
    assert (
        requests.get(
            f"{emulator.url}/us-east-1_missing/.well-known/jwks.json", timeout=5
        ).status_code
        == 404
    )

    # RevokeToken: the refresh token and the access tokens issued from it stop working.
    refreshed = cognito.initiate_auth(
        ClientId=client,
        AuthFlow="REFRESH_TOKEN_AUTH",
        AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]},
    )["AuthenticationResult"]
    other = sign_in()
    cognito.revoke_token(Token=tokens["RefreshToken"], ClientId=client)
    for access in (tokens["AccessToken"], refreshed["AccessToken"]):
        with pytest.raises(ClientError) as exc:
            cognito.get_user(AccessToken=access)
        assert _code(exc) == "NotAuthorizedException"
    with pytest.raises(ClientError) as exc:
        cognito.initiate_auth(
            ClientId=client,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]},
        )
    assert _code(exc) == "NotAuthorizedException"
    assert cognito.get_user(AccessToken=other["AccessToken"])["Username"] == user

    # GlobalSignOut: every token of the user stops working.
    cognito.global_sign_out(AccessToken=other["AccessToken"])
    with pytest.raises(ClientError) as exc:
        cognito.get_user(AccessToken=other["AccessToken"])
    assert exc.value.response["Error"]["Message"] == "Access Token has been revoked"

    # Expiry by the backend's clock.
    fresh = sign_in()
    http_clock.advance(3700)
    with pytest.raises(ClientError) as exc:
        cognito.get_user(AccessToken=fresh["AccessToken"])
    assert exc.value.response["Error"]["Message"] == "Access Token has expired"


def test_delete_user_with_access_token(cognito: Any, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool)
    tokens = cognito.admin_initiate_auth(
        UserPoolId=pool,
        ClientId=client,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
    )["AuthenticationResult"]
    cognito.delete_user(AccessToken=tokens["AccessToken"])
    with pytest.raises(ClientError) as exc:
        cognito.admin_get_user(UserPoolId=pool, Username=user)
    assert _code(exc) == "UserNotFoundException"


def test_optional_pool_with_access_token_association(cognito: Any, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name, mfa="OPTIONAL")
    user = http_user(cognito, pool)

    def sign_in() -> dict[str, Any]:
        return cognito.admin_initiate_auth(
            UserPoolId=pool,
            ClientId=client,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
        )

    access = sign_in()["AuthenticationResult"]["AccessToken"]
    totp = pyotp.TOTP(cognito.associate_software_token(AccessToken=access)["SecretCode"])
    assert cognito.verify_software_token(AccessToken=access, UserCode=totp.now())["Status"] == (
        "SUCCESS"
    )
    assert "AuthenticationResult" in sign_in()
    cognito.set_user_mfa_preference(
        AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True}
    )
    assert sign_in()["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    got = cognito.admin_get_user(UserPoolId=pool, Username=user)
    assert got["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"


def test_unconfirmed_user_gets_user_not_confirmed(cognito: Any, unique_name: str) -> None:
    _, client, _ = http_pool(cognito, unique_name)
    cognito.sign_up(
        ClientId=client,
        Username="zed",
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": "z@example.com"}],
    )
    with pytest.raises(ClientError) as exc:
        cognito.initiate_auth(
            ClientId=client,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": "zed", "PASSWORD": PASSWORD},
        )
    assert _code(exc) == "UserNotConfirmedException"
