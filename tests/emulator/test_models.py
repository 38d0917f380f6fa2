# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Model-level tests of what the emulator adds to moto (no HTTP)."""

from __future__ import annotations

import re

import pyotp
import pytest
from emulator_helpers import PASSWORD, FakeClock, make_pool, make_user, sign_in, with_totp
from moto.cognitoidp.exceptions import ResourceNotFoundError
from pycognito import aws_srp

from cognito_emulator.delivery import mask_destination
from cognito_emulator.exceptions import (
    CodeMismatchException,
    EnableSoftwareTokenMFAException,
    ExpiredCodeException,
    InvalidParameterException,
    NotAuthorizedException,
    ResourceNotFoundException,
    SoftwareTokenMFANotFoundException,
    UserNotConfirmedException,
)
from cognito_emulator.models import EmulatorBackend

EMAIL = [{"Name": "email", "Value": "ana@example.com"}]


def _respond(backend: EmulatorBackend, client: str, name: str, session: str, **resp: str) -> dict:
    return backend.respond_to_auth_challenge(session, client, name, {"USERNAME": "ana", **resp})


# ---------------------------------------------------------------- codes
def test_sign_up_delivers_a_six_digit_code_with_masked_details(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    user, details = backend.sign_up(client, "ana", PASSWORD, EMAIL)
    assert details == {
        "Destination": "a***@e***",
        "DeliveryMedium": "EMAIL",
        "AttributeName": "email",
    }
    (message,) = backend.outbox.messages()
    assert set(message) == {"username", "user_pool_id", "destination", "trigger", "code", "sent_at"}
    assert re.fullmatch(r"\d{6}", message["code"])
    assert message["destination"] == "ana@example.com"
    assert message["user_pool_id"] == pool
    assert user.status == "UNCONFIRMED"


def test_confirm_sign_up_accepts_only_the_delivered_code(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    backend.sign_up(client, "ana", PASSWORD, EMAIL)
    code = backend.outbox.messages()[-1]["code"]
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(CodeMismatchException):
        backend.confirm_sign_up(client, "ana", wrong)
    backend.confirm_sign_up(client, "ana", code)
    user = backend.admin_get_user(pool, "ana")
    assert user.status == "CONFIRMED"
    assert user.attribute_lookup["email_verified"] == "true"
    with pytest.raises(NotAuthorizedException, match="Current status is CONFIRMED"):
        backend.confirm_sign_up(client, "ana", code)


def test_confirmation_code_expires_after_a_day(backend: EmulatorBackend, clock: FakeClock) -> None:
    _, client = make_pool(backend)
    backend.sign_up(client, "ana", PASSWORD, EMAIL)
    code = backend.outbox.messages()[-1]["code"]
    clock.advance(24 * 3600 + 1)
    with pytest.raises(ExpiredCodeException):
        backend.confirm_sign_up(client, "ana", code)


def test_resend_delivers_a_new_code_and_refuses_confirmed_users(
    backend: EmulatorBackend,
) -> None:
    _, client = make_pool(backend)
    backend.sign_up(client, "ana", PASSWORD, EMAIL)
    details = backend.resend_confirmation_code(client, "ana")
    assert details["Destination"] == "a***@e***"
    assert [m["trigger"] for m in backend.outbox.messages()] == [
        "CustomMessage_SignUp",
        "CustomMessage_ResendCode",
    ]
    backend.confirm_sign_up(client, "ana", backend.outbox.messages()[-1]["code"])
    with pytest.raises(InvalidParameterException, match="already confirmed"):
        backend.resend_confirmation_code(client, "ana")


def test_unconfirmed_user_cannot_sign_in(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    backend.sign_up(client, "ana", PASSWORD, EMAIL)
    with pytest.raises(UserNotConfirmedException):
        sign_in(backend, pool, client)


def test_forgot_password_code_resets_the_password_once(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    _, response = backend.forgot_password(client, "ana")
    assert response["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    code = backend.outbox.messages()[-1]["code"]
    assert backend.outbox.messages()[-1]["trigger"] == "CustomMessage_ForgotPassword"
    with pytest.raises(CodeMismatchException):
        backend.confirm_forgot_password(client, "ana", "New-Horse-9!", "12345x")
    backend.confirm_forgot_password(client, "ana", "New-Horse-9!", code)
    result = backend.admin_initiate_auth(
        pool, client, "ADMIN_USER_PASSWORD_AUTH", {"USERNAME": "ana", "PASSWORD": "New-Horse-9!"}
    )
    assert "AccessToken" in result["AuthenticationResult"]
    with pytest.raises(ExpiredCodeException):
        backend.confirm_forgot_password(client, "ana", "Other-Horse-9!", code)
    backend.forgot_password(client, "ana")
    clock.advance(3601)
    with pytest.raises(ExpiredCodeException):
        backend.confirm_forgot_password(
            client, "ana", "Other-Horse-9!", backend.outbox.messages()[-1]["code"]
        )


def test_admin_create_user_delivers_a_temporary_password(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    backend.admin_create_user(pool, "bob", None, None, [{"Name": "email", "Value": "b@x.org"}])
    (message,) = backend.outbox.messages()
    assert message["trigger"] == "CustomMessage_AdminCreateUser"
    first = backend.admin_initiate_auth(
        pool, client, "ADMIN_USER_PASSWORD_AUTH", {"USERNAME": "bob", "PASSWORD": message["code"]}
    )
    assert first["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    done = backend.respond_to_auth_challenge(
        first["Session"],
        client,
        "NEW_PASSWORD_REQUIRED",
        {"USERNAME": "bob", "NEW_PASSWORD": "Brand-New-9!"},
    )
    assert "AccessToken" in done["AuthenticationResult"]
    assert backend.admin_get_user(pool, "bob").status == "CONFIRMED"


def test_mask_destination() -> None:
    assert mask_destination("ana@example.com") == "a***@e***"
    assert mask_destination("+15555550100") == "+*******0100"


# ---------------------------------------------------------------- MFA
def test_mfa_on_password_sign_in_without_authenticator_asks_for_setup(
    backend: EmulatorBackend,
) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    assert sign_in(backend, pool, client)["ChallengeName"] == "MFA_SETUP"
    user_flow = backend.initiate_auth(
        client, "USER_PASSWORD_AUTH", {"USERNAME": "ana", "PASSWORD": PASSWORD}
    )
    assert user_flow["ChallengeName"] == "MFA_SETUP"
    assert user_flow["ChallengeParameters"]["MFAS_CAN_SETUP"] == '["SOFTWARE_TOKEN_MFA"]'


def test_each_association_gets_its_own_random_secret(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    make_user(backend, pool, "bob")
    s1 = sign_in(backend, pool, client)["Session"]
    s2 = sign_in(backend, pool, client, "bob")["Session"]
    a = backend.associate_software_token(None, s1)
    b = backend.associate_software_token(None, s2)
    assert a["SecretCode"] != b["SecretCode"]
    assert re.fullmatch(r"[A-Z2-7]{32}", a["SecretCode"])
    assert a["Session"] != s1


def test_verify_software_token_checks_the_code_with_one_step_window(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    session = sign_in(backend, pool, client)["Session"]
    assoc = backend.associate_software_token(None, session)
    totp = pyotp.TOTP(assoc["SecretCode"])
    with pytest.raises(EnableSoftwareTokenMFAException, match="Code mismatch"):
        backend.verify_software_token(None, assoc["Session"], totp.at(clock.now() - 90), None)
    with pytest.raises(SoftwareTokenMFANotFoundException):
        _respond(backend, client, "MFA_SETUP", assoc["Session"])
    previous_step = totp.at(clock.now() - 30)
    result = backend.verify_software_token(None, assoc["Session"], previous_step, "phone")
    assert result["Status"] == "SUCCESS"
    user = backend.admin_get_user(pool, "ana")
    assert user.to_json(extended=True)["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"]


def test_verified_user_gets_software_token_mfa_and_wrong_codes_fail(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    totp = with_totp(backend, pool, client)
    clock.advance(30)  # the set-up used this step's code: a TOTP code works once
    challenge = sign_in(backend, pool, client)
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    code = totp.at(backend.now())
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(CodeMismatchException, match="Invalid code received for user"):
        _respond(
            backend,
            client,
            "SOFTWARE_TOKEN_MFA",
            challenge["Session"],
            SOFTWARE_TOKEN_MFA_CODE=wrong,
        )
    done = _respond(
        backend, client, "SOFTWARE_TOKEN_MFA", challenge["Session"], SOFTWARE_TOKEN_MFA_CODE=code
    )
    assert "IdToken" in done["AuthenticationResult"]


def test_sessions_expire_after_three_minutes(backend: EmulatorBackend, clock: FakeClock) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    totp = with_totp(backend, pool, client)
    challenge = sign_in(backend, pool, client)
    clock.advance(181)
    with pytest.raises(NotAuthorizedException, match="session is expired"):
        _respond(
            backend,
            client,
            "SOFTWARE_TOKEN_MFA",
            challenge["Session"],
            SOFTWARE_TOKEN_MFA_CODE=totp.at(clock.now()),
        )
    with pytest.raises(NotAuthorizedException, match="session is expired"):
        _respond(
            backend,
            client,
            "SOFTWARE_TOKEN_MFA",
            "not-a-session",
            SOFTWARE_TOKEN_MFA_CODE=totp.at(clock.now()),
        )


def test_optional_pool_follows_the_users_preference(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend, mfa="OPTIONAL")
    make_user(backend, pool)
    tokens = sign_in(backend, pool, client)["AuthenticationResult"]
    with pytest.raises(InvalidParameterException):
        backend.set_user_mfa_preference(tokens["AccessToken"], {"Enabled": True}, None)
    secret = backend.associate_software_token(tokens["AccessToken"], None)["SecretCode"]
    totp = pyotp.TOTP(secret)
    backend.verify_software_token(tokens["AccessToken"], None, totp.at(backend.now()), None)
    assert "AuthenticationResult" in sign_in(backend, pool, client)
    backend.set_user_mfa_preference(
        tokens["AccessToken"], {"Enabled": True, "PreferredMfa": True}, None
    )
    assert sign_in(backend, pool, client)["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    backend.admin_set_user_mfa_preference(pool, "ana", {"Enabled": False}, None)
    assert "AuthenticationResult" in sign_in(backend, pool, client)


def test_wrong_password_is_refused(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    with pytest.raises(NotAuthorizedException, match=r"Incorrect username or password\."):
        backend.initiate_auth(client, "USER_PASSWORD_AUTH", {"USERNAME": "ana", "PASSWORD": "x"})


# ---------------------------------------------------------------- SRP (model level)
def _srp_start(backend: EmulatorBackend, pool: str, client: str, password: str) -> tuple:
    helper = aws_srp.AWSSRP(
        username="ana", password=password, pool_id=pool, client_id=client, client=object()
    )
    params = helper.get_auth_params()
    challenge = backend.initiate_auth(client, "USER_SRP_AUTH", params)
    assert challenge["ChallengeName"] == "PASSWORD_VERIFIER"
    return helper, params, challenge


def test_srp_claim_is_checked(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    helper, params, challenge = _srp_start(backend, pool, client, "Wrong-Horse-9!")
    answer = helper.process_challenge(challenge["ChallengeParameters"], params)
    with pytest.raises(NotAuthorizedException, match=r"Incorrect username or password\."):
        backend.respond_to_auth_challenge(challenge["Session"], client, "PASSWORD_VERIFIER", answer)
    helper, params, challenge = _srp_start(backend, pool, client, PASSWORD)
    answer = helper.process_challenge(challenge["ChallengeParameters"], params)
    done = backend.respond_to_auth_challenge(None, client, "PASSWORD_VERIFIER", answer)
    assert "AccessToken" in done["AuthenticationResult"]


def test_srp_challenges_differ_each_time(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    _, _, one = _srp_start(backend, pool, client, PASSWORD)
    _, _, two = _srp_start(backend, pool, client, PASSWORD)
    assert one["ChallengeParameters"]["SRP_B"] != two["ChallengeParameters"]["SRP_B"]
    assert one["ChallengeParameters"]["SECRET_BLOCK"] != two["ChallengeParameters"]["SECRET_BLOCK"]


# ---------------------------------------------------------------- devices (model level)
def test_device_lifecycle(backend: EmulatorBackend) -> None:
    pool, client = make_pool(
        backend,
        devices={"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    )
    make_user(backend, pool)
    result = sign_in(backend, pool, client)["AuthenticationResult"]
    meta = result["NewDeviceMetadata"]
    assert meta["DeviceKey"].startswith("us-east-1_")
    access = result["AccessToken"]
    assert backend.list_devices(access)[0] == []
    _, config = aws_srp.generate_hash_device(meta["DeviceGroupKey"], meta["DeviceKey"])
    assert backend.confirm_device(access, meta["DeviceKey"], config, "laptop") is True
    (device,), _ = backend.admin_list_devices(pool, "ana")
    attrs = {a["Name"]: a["Value"] for a in device["DeviceAttributes"]}
    assert attrs["device_name"] == "laptop"
    assert attrs["dev:device_remembered_status"] == "not_remembered"
    backend.update_device_status(access, meta["DeviceKey"], "remembered")
    got = backend.get_device(access, meta["DeviceKey"])
    assert {"Name": "dev:device_remembered_status", "Value": "remembered"} in got[
        "DeviceAttributes"
    ]
    with pytest.raises(InvalidParameterException):
        backend.update_device_status(access, meta["DeviceKey"], "sometimes")
    backend.admin_forget_device(pool, "ana", meta["DeviceKey"])
    with pytest.raises(ResourceNotFoundException, match=r"Device does not exist\."):
        backend.get_device(access, meta["DeviceKey"])


def test_confirm_device_rejects_a_bad_verifier(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend, devices={"ChallengeRequiredOnNewDevice": True})
    make_user(backend, pool)
    result = sign_in(backend, pool, client)["AuthenticationResult"]
    with pytest.raises(InvalidParameterException):
        backend.confirm_device(
            result["AccessToken"],
            result["NewDeviceMetadata"]["DeviceKey"],
            {"PasswordVerifier": "not base64!", "Salt": "AA=="},
            None,
        )
    with pytest.raises(ResourceNotFoundException):
        backend.confirm_device(result["AccessToken"], "us-east-1_nope", {}, None)


# ---------------------------------------------------------------- tokens (model level)
def test_access_tokens_expire_and_refresh(backend: EmulatorBackend, clock: FakeClock) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    tokens = sign_in(backend, pool, client)["AuthenticationResult"]
    assert backend.get_user(tokens["AccessToken"]).username == "ana"
    clock.advance(3601)
    with pytest.raises(NotAuthorizedException, match="Access Token has expired"):
        backend.get_user(tokens["AccessToken"])
    fresh = backend.initiate_auth(
        client, "REFRESH_TOKEN_AUTH", {"REFRESH_TOKEN": tokens["RefreshToken"]}
    )["AuthenticationResult"]
    assert "RefreshToken" not in fresh
    assert backend.get_user(fresh["AccessToken"]).username == "ana"


def test_secret_hash_is_checked(backend: EmulatorBackend) -> None:
    pool, client_id = make_pool(backend, secret=True)
    make_user(backend, pool)
    client = backend.describe_user_pool_client(pool, client_id)
    with pytest.raises(NotAuthorizedException, match="SECRET_HASH was not received"):
        sign_in(backend, pool, client_id)
    with pytest.raises(
        NotAuthorizedException, match=f"Unable to verify secret hash for client {client_id}"
    ):
        backend.admin_initiate_auth(
            pool,
            client_id,
            "ADMIN_USER_PASSWORD_AUTH",
            {"USERNAME": "ana", "PASSWORD": PASSWORD, "SECRET_HASH": "bm9wZQ=="},
        )
    good = aws_srp.AWSSRP.get_secret_hash("ana", client_id, client.secret)
    result = backend.admin_initiate_auth(
        pool,
        client_id,
        "ADMIN_USER_PASSWORD_AUTH",
        {"USERNAME": "ana", "PASSWORD": PASSWORD, "SECRET_HASH": good},
    )
    assert "AccessToken" in result["AuthenticationResult"]
    with pytest.raises(NotAuthorizedException):
        backend.sign_up(client_id, "bob", PASSWORD, [], secret_hash=None)


def test_forgot_password_needs_a_verified_address(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    backend.admin_create_user(
        pool, "hal", "SUPPRESS", PASSWORD, [{"Name": "email", "Value": "h@x.org"}]
    )
    with pytest.raises(InvalidParameterException, match="no registered/verified"):
        backend.forgot_password(client, "hal")
    assert backend.outbox.messages() == []


def test_moto_gaps_answer_like_cognito(backend: EmulatorBackend) -> None:
    pool, client_id = make_pool(backend, secret=True)
    assert re.fullmatch(r"[a-z0-9]{51}", backend.describe_user_pool_client(pool, client_id).secret)
    with pytest.raises(InvalidParameterException):
        backend.set_user_pool_mfa_config(pool, None, {"Enabled": False}, "ON")
    make_user(backend, pool)
    with pytest.raises(NotAuthorizedException, match="Current status is CONFIRMED"):
        backend.admin_confirm_sign_up(pool, "ana")
    backend.update_user_pool(pool, {"DeletionProtection": "ACTIVE"})
    with pytest.raises(InvalidParameterException, match="deletion protection"):
        backend.delete_user_pool(pool)
    with pytest.raises(ResourceNotFoundError):  # moto's own error, type ResourceNotFoundException
        backend.list_resource_servers("us-east-1_nope")


def test_schema_attributes_without_a_name_are_refused(backend: EmulatorBackend) -> None:
    """moto fails with a KeyError (an HTTP 500) on these; the fuzzer found them."""
    with pytest.raises(InvalidParameterException, match=r"Schema\.1\.Name"):
        backend.create_user_pool("pool", {"Schema": [{}]})
    pool, _ = make_pool(backend)
    with pytest.raises(InvalidParameterException, match=r"CustomAttributes\.2\.Name"):
        backend.add_custom_attributes(pool, [{"Name": "team"}, {"AttributeDataType": "String"}])
    assert "custom:team" not in backend.describe_user_pool(pool).schema_attributes
