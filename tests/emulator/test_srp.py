# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Cognito's SRP, server side, checked against pycognito's client (``pycognito.aws_srp``)."""

from __future__ import annotations

import base64
import itertools
from typing import Any

import jwt
import pytest
from botocore.exceptions import ClientError
from emulator_helpers import http_pool, http_user
from hypothesis import given, settings
from hypothesis import strategies as st
from pycognito import aws_srp

from cognito_emulator.srp import (
    K,
    N,
    SrpChallenge,
    device_verifier,
    new_salt,
    user_verifier,
)

POOL_ID = "us-east-1_AbCdEf123"
POOL_NAME = "AbCdEf123"
CLIENT_ID = "client-id"
USER_ID = "5b1f3c7e-1111-4222-8333-944455556666"
PASSWORD = "Correct-Horse-9!"


class _NoBoto:
    """Stands in for the boto3 client where a test drives pycognito's maths by hand."""


def _client(username: str = USER_ID, password: str = PASSWORD, **device: str) -> Any:
    return aws_srp.AWSSRP(username, password, POOL_ID, CLIENT_ID, client=_NoBoto(), **device)


def _challenge_parameters(challenge: SrpChallenge, user_id: str = USER_ID) -> dict[str, str]:
    return {
        "USERNAME": user_id,
        "USER_ID_FOR_SRP": user_id,
        "SALT": challenge.salt_hex,
        "SRP_B": challenge.srp_b_hex,
        "SECRET_BLOCK": challenge.secret_block_b64,
    }


def _user_round(
    client_password: str = PASSWORD, salt: bytes | None = None, user_id: str = USER_ID
) -> tuple[SrpChallenge, dict[str, str]]:
    """The server knows PASSWORD; a pycognito client claims ``client_password``."""
    salt = new_salt() if salt is None else salt
    verifier = user_verifier(POOL_NAME, user_id, PASSWORD, salt)
    client = _client(user_id, client_password)
    auth_params = client.get_auth_params()
    challenge = SrpChallenge.start(verifier, auth_params["SRP_A"], salt)
    answer = client.process_challenge(_challenge_parameters(challenge, user_id), auth_params)
    return challenge, answer


def _user_claim_ok(challenge: SrpChallenge, answer: dict[str, str], user_id: str = USER_ID) -> bool:
    return challenge.claim_is_valid(
        POOL_NAME,
        user_id,
        answer["PASSWORD_CLAIM_SECRET_BLOCK"],
        answer["TIMESTAMP"],
        answer["PASSWORD_CLAIM_SIGNATURE"],
    )


@pytest.fixture(scope="module")
def user_round() -> tuple[SrpChallenge, dict[str, str]]:
    """One honest user round, shared by the tests that only vary what is checked."""
    return _user_round()


def test_constants_match_pycognito() -> None:
    client = _client()
    assert client.big_n == N
    assert client.val_k == K
    assert N.bit_length() == 3072


def test_right_password_gives_a_valid_claim() -> None:
    challenge, answer = _user_round()
    assert answer["PASSWORD_CLAIM_SECRET_BLOCK"] == challenge.secret_block_b64
    assert _user_claim_ok(challenge, answer)


def test_wrong_password_gives_an_invalid_claim() -> None:
    challenge, answer = _user_round(client_password=PASSWORD + "x")
    assert not _user_claim_ok(challenge, answer)


def test_claim_for_another_user_id_or_pool_is_invalid(
    user_round: tuple[SrpChallenge, dict[str, str]],
) -> None:
    challenge, answer = user_round
    block, stamp, sig = (
        answer["PASSWORD_CLAIM_SECRET_BLOCK"],
        answer["TIMESTAMP"],
        answer["PASSWORD_CLAIM_SIGNATURE"],
    )
    assert not challenge.claim_is_valid("OtherPool", USER_ID, block, stamp, sig)
    assert not challenge.claim_is_valid(POOL_NAME, USER_ID + "x", block, stamp, sig)
    assert challenge.claim_is_valid(POOL_NAME, USER_ID, block, stamp, sig)


def test_tampered_timestamp_is_invalid(user_round: tuple[SrpChallenge, dict[str, str]]) -> None:
    challenge, answer = user_round
    stamp = answer["TIMESTAMP"]
    later = stamp.replace(stamp[-4:], str(int(stamp[-4:]) + 1))
    assert later != stamp
    assert not challenge.claim_is_valid(
        POOL_NAME,
        USER_ID,
        answer["PASSWORD_CLAIM_SECRET_BLOCK"],
        later,
        answer["PASSWORD_CLAIM_SIGNATURE"],
    )


def test_secret_block_of_another_challenge_is_invalid() -> None:
    """A claim correctly signed over someone else's secret block is refused."""
    salt = new_salt()
    verifier = user_verifier(POOL_NAME, USER_ID, PASSWORD, salt)
    client = _client()
    auth_params = client.get_auth_params()
    challenge = SrpChallenge.start(verifier, auth_params["SRP_A"], salt)
    other = SrpChallenge.start(verifier, auth_params["SRP_A"], salt)
    params = _challenge_parameters(challenge)
    params["SECRET_BLOCK"] = other.secret_block_b64  # the client signs the wrong block
    answer = client.process_challenge(params, auth_params)
    assert answer["PASSWORD_CLAIM_SECRET_BLOCK"] == other.secret_block_b64
    assert not _user_claim_ok(challenge, answer)


def test_claim_belongs_to_its_own_challenge() -> None:
    """Each start() picks a fresh b: an answer to one challenge does not satisfy another."""
    salt = new_salt()
    verifier = user_verifier(POOL_NAME, USER_ID, PASSWORD, salt)
    client = _client()
    auth_params = client.get_auth_params()
    first = SrpChallenge.start(verifier, auth_params["SRP_A"], salt)
    second = SrpChallenge.start(verifier, auth_params["SRP_A"], salt)
    assert first.srp_b_hex != second.srp_b_hex
    assert first.secret_block_b64 != second.secret_block_b64
    answer = client.process_challenge(_challenge_parameters(first), auth_params)
    assert _user_claim_ok(first, answer)
    assert not _user_claim_ok(second, answer)


@pytest.mark.parametrize(
    "signature",
    ["", "not base64!", "AAAA", "A", "QUJD\n", "é", "=" * 8, "QUJDRA"],
)
def test_malformed_signature_is_false_not_an_error(
    signature: str, user_round: tuple[SrpChallenge, dict[str, str]]
) -> None:
    challenge, answer = user_round
    assert not challenge.claim_is_valid(
        POOL_NAME, USER_ID, answer["PASSWORD_CLAIM_SECRET_BLOCK"], answer["TIMESTAMP"], signature
    )


@pytest.mark.parametrize("block", ["", "%%%", "QUJD", "é", "QUJDRA"])
def test_malformed_or_foreign_secret_block_is_false(
    block: str, user_round: tuple[SrpChallenge, dict[str, str]]
) -> None:
    challenge, answer = user_round
    assert not challenge.claim_is_valid(
        POOL_NAME, USER_ID, block, answer["TIMESTAMP"], answer["PASSWORD_CLAIM_SIGNATURE"]
    )


def test_non_string_arguments_are_false(user_round: tuple[SrpChallenge, dict[str, str]]) -> None:
    challenge, answer = user_round
    good = [
        POOL_NAME,
        USER_ID,
        answer["PASSWORD_CLAIM_SECRET_BLOCK"],
        answer["TIMESTAMP"],
        answer["PASSWORD_CLAIM_SIGNATURE"],
    ]
    assert challenge.claim_is_valid(*good)
    for index, junk in itertools.product(range(len(good)), [None, 1, b"x", ["a"]]):
        args: list[Any] = list(good)
        args[index] = junk
        assert challenge.claim_is_valid(*args) is False


def test_unicode_surrogates_are_false_not_an_error(
    user_round: tuple[SrpChallenge, dict[str, str]],
) -> None:
    challenge, answer = user_round
    assert not challenge.claim_is_valid(
        POOL_NAME,
        "\ud800",
        answer["PASSWORD_CLAIM_SECRET_BLOCK"],
        answer["TIMESTAMP"],
        answer["PASSWORD_CLAIM_SIGNATURE"],
    )


@pytest.mark.parametrize(
    "srp_a",
    ["", "xyz", "0x1f", " 1f", "1f ", "-1f", "+1f", "1_f", "0", "00", f"{N:x}", f"{3 * N:x}"],
)
def test_start_rejects_bad_srp_a(srp_a: str) -> None:
    with pytest.raises(ValueError):
        SrpChallenge.start(user_verifier(POOL_NAME, USER_ID, PASSWORD, b"s"), srp_a, b"s")


def test_start_rejects_non_string_srp_a() -> None:
    with pytest.raises(ValueError):
        SrpChallenge.start(5, 12345, b"s")  # type: ignore[arg-type]


def test_handed_out_values_are_well_formed() -> None:
    challenge, _ = _user_round()
    big_b = int(challenge.srp_b_hex, 16)
    assert 0 < big_b < N
    assert len(base64.b64decode(challenge.secret_block_b64, validate=True)) >= 32
    assert len(challenge.salt_hex) % 2 == 0
    assert challenge.salt_hex == aws_srp.pad_hex(challenge.salt_hex)
    assert "_key" not in repr(challenge)


def test_salt_with_leading_zero_byte_is_handed_out_canonically() -> None:
    """Amplify parses SALT as a number; pycognito pads the string; both must agree."""
    salt = b"\x00\x00\x9a" + bytes(range(1, 14))
    challenge, answer = _user_round(salt=salt)
    assert challenge.salt_hex == aws_srp.pad_hex(int.from_bytes(salt, "big"))
    assert _user_claim_ok(challenge, answer)


def test_new_salt_never_starts_with_zero() -> None:
    salts = [new_salt() for _ in range(300)]
    assert all(len(s) == 16 and s[0] != 0 for s in salts)
    assert len(set(salts)) == len(salts)


@settings(max_examples=5, deadline=None)
@given(
    salt=st.binary(min_size=1, max_size=32),
    user_id=st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s),
    password=st.text(min_size=1, max_size=40),
)
def test_any_salt_user_and_password_round_trip(salt: bytes, user_id: str, password: str) -> None:
    verifier = user_verifier(POOL_NAME, user_id, password, salt)
    client = _client(user_id, password)
    auth_params = client.get_auth_params()
    challenge = SrpChallenge.start(verifier, auth_params["SRP_A"], salt)
    answer = client.process_challenge(_challenge_parameters(challenge, user_id), auth_params)
    assert _user_claim_ok(challenge, answer, user_id)
    wrong = _client(user_id, password + "!")
    wrong_params = wrong.get_auth_params()
    challenge = SrpChallenge.start(verifier, wrong_params["SRP_A"], salt)
    answer = wrong.process_challenge(_challenge_parameters(challenge, user_id), wrong_params)
    assert not _user_claim_ok(challenge, answer, user_id)


# --- device SRP -------------------------------------------------------------------------

DEVICE_GROUP_KEY = "-cFw4kdGB"
DEVICE_KEY = "us-east-1_0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"


def _device_round(
    device_password: str | None = None, config: dict[str, str] | None = None
) -> tuple[SrpChallenge, dict[str, str]]:
    real_password, real_config = aws_srp.generate_hash_device(DEVICE_GROUP_KEY, DEVICE_KEY)
    verifier, salt = device_verifier(**_config_args(config or real_config))
    client = _client(
        device_key=DEVICE_KEY,
        device_group_key=DEVICE_GROUP_KEY,
        device_password=device_password or real_password,
    )
    srp_a = client.get_auth_params()["SRP_A"]
    challenge = SrpChallenge.start(verifier, srp_a, salt)
    answer = client.process_device_challenge(
        {
            "USERNAME": USER_ID,
            "SALT": challenge.salt_hex,
            "SRP_B": challenge.srp_b_hex,
            "SECRET_BLOCK": challenge.secret_block_b64,
        }
    )
    return challenge, answer


def _config_args(config: dict[str, str]) -> dict[str, str]:
    return {"password_verifier_b64": config["PasswordVerifier"], "salt_b64": config["Salt"]}


def _device_claim_ok(challenge: SrpChallenge, answer: dict[str, str], **overrides: str) -> bool:
    args = {
        "key_prefix": DEVICE_GROUP_KEY,
        "user_id": answer["DEVICE_KEY"],
        "secret_block_b64": answer["PASSWORD_CLAIM_SECRET_BLOCK"],
        "timestamp": answer["TIMESTAMP"],
        "signature_b64": answer["PASSWORD_CLAIM_SIGNATURE"],
    }
    args.update(overrides)
    return challenge.claim_is_valid(**args)


def test_device_verifier_decodes_the_confirm_device_config() -> None:
    password, config = aws_srp.generate_hash_device(DEVICE_GROUP_KEY, DEVICE_KEY)
    verifier, salt = device_verifier(**_config_args(config))
    assert salt == base64.b64decode(config["Salt"])
    assert verifier == int.from_bytes(base64.b64decode(config["PasswordVerifier"]), "big")
    assert 0 < verifier < N
    assert password


def test_right_device_password_gives_a_valid_claim() -> None:
    challenge, answer = _device_round()
    assert answer["DEVICE_KEY"] == DEVICE_KEY
    assert _device_claim_ok(challenge, answer)


def test_wrong_device_password_gives_an_invalid_claim() -> None:
    challenge, answer = _device_round(device_password="not-the-device-password")
    assert not _device_claim_ok(challenge, answer)


def test_device_claim_with_tampered_fields_is_invalid() -> None:
    challenge, answer = _device_round()
    assert _device_claim_ok(challenge, answer)
    assert not _device_claim_ok(challenge, answer, key_prefix="-other")
    assert not _device_claim_ok(challenge, answer, user_id=DEVICE_KEY[:-1] + "0")
    assert not _device_claim_ok(challenge, answer, timestamp=answer["TIMESTAMP"] + " ")
    other = SrpChallenge.start(5, "abc", b"s")
    assert not _device_claim_ok(challenge, answer, secret_block_b64=other.secret_block_b64)
    assert not _device_claim_ok(challenge, answer, signature_b64="AAAA")


def test_device_verifier_of_another_device_fails() -> None:
    _, other_config = aws_srp.generate_hash_device(DEVICE_GROUP_KEY, DEVICE_KEY)
    challenge, answer = _device_round(config=other_config)
    assert not _device_claim_ok(challenge, answer)


@pytest.mark.parametrize(
    ("verifier", "salt"),
    [
        ("", "AAAA"),
        ("AAAA", ""),
        ("not base64", "AAAA"),
        ("AAAA", "not base64"),
        ("QUJD", "QUJ"),
        ("AAAA", "AAAA"),  # verifier 0
        (base64.b64encode(N.to_bytes(384, "big")).decode(), "AAAA"),  # verifier N
    ],
)
def test_device_verifier_rejects_malformed_config(verifier: str, salt: str) -> None:
    with pytest.raises(ValueError):
        device_verifier(verifier, salt)


# --- the whole flow, through pycognito's own authenticate_user, on the emulator ------------


def test_pycognito_authenticate_user_with_a_remembered_device(
    cognito: Any, unique_name: str
) -> None:
    """USER_SRP_AUTH, then DEVICE_SRP_AUTH with the device's own verifier, over HTTP."""
    devices = {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": False}
    pool, client_id, _ = http_pool(cognito, unique_name, devices=devices)
    user = http_user(cognito, pool)
    first = aws_srp.AWSSRP(user, PASSWORD, pool, client_id, client=cognito).authenticate_user()
    meta = first["AuthenticationResult"]["NewDeviceMetadata"]
    device_password, config = aws_srp.generate_hash_device(
        meta["DeviceGroupKey"], meta["DeviceKey"]
    )
    cognito.confirm_device(
        AccessToken=first["AuthenticationResult"]["AccessToken"],
        DeviceKey=meta["DeviceKey"],
        DeviceSecretVerifierConfig=config,
    )
    calls: list[str] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        calls.append(params.get("AuthFlow") or params["ChallengeName"])

    cognito.meta.events.register("before-parameter-build.cognito-idp.*", record)
    try:

        def sign_in(password: str) -> dict[str, Any]:
            return aws_srp.AWSSRP(
                user,
                PASSWORD,
                pool,
                client_id,
                client=cognito,
                device_key=meta["DeviceKey"],
                device_group_key=meta["DeviceGroupKey"],
                device_password=password,
            ).authenticate_user()

        tokens = sign_in(device_password)["AuthenticationResult"]
        assert calls == [
            "USER_SRP_AUTH",
            "PASSWORD_VERIFIER",
            "DEVICE_SRP_AUTH",
            "DEVICE_PASSWORD_VERIFIER",
        ]
        assert "NewDeviceMetadata" not in tokens
        claims = jwt.decode(tokens["AccessToken"], options={"verify_signature": False})
        assert claims["device_key"] == meta["DeviceKey"]
        with pytest.raises(ClientError) as refused:
            sign_in("not-the-device-password")
        assert refused.value.response["Error"]["Code"] == "NotAuthorizedException"
    finally:
        cognito.meta.events.unregister("before-parameter-build.cognito-idp.*", record)
        cognito.delete_user_pool(UserPoolId=pool)
