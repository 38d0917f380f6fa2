# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""RespondToAuthChallenge: TOTP codes, MFA_SETUP, SRP and remembered devices."""

from __future__ import annotations

import json
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError
from cognito_idp.respond_to_auth_challenge import respond_to_auth_challenge
from cognito_users import TEST_PASSWORD
from mfa_fixtures import (
    Device,
    TotpUser,
    assert_json_masked,
    error_code,
    make_app_client,
    secret_hash,
)
from pycognito import aws_srp


def _totp_challenge(cognito: Any, client_id: str, username: str, **extra: str) -> dict[str, Any]:
    params = {"USERNAME": username, "PASSWORD": TEST_PASSWORD, **extra}
    started: dict[str, Any] = cognito.initiate_auth(
        ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters=params
    )
    assert started["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    return started


def test_right_totp_code_signs_the_user_in(
    cognito: Any, mfa_app_client: str, totp_user: TotpUser
) -> None:
    started = _totp_challenge(cognito, mfa_app_client, totp_user.username)

    result = respond_to_auth_challenge(
        cognito,
        mfa_app_client,
        "SOFTWARE_TOKEN_MFA",
        started["Session"],
        {"USERNAME": totp_user.username, "SOFTWARE_TOKEN_MFA_CODE": totp_user.code()},
    )

    tokens = result["AuthenticationResult"]
    assert cognito.get_user(AccessToken=tokens["AccessToken"])["Username"] == totp_user.username
    assert "ResponseMetadata" not in result


def test_wrong_totp_code_is_a_code_mismatch(
    cognito: Any, mfa_app_client: str, totp_user: TotpUser, caplog: pytest.LogCaptureFixture
) -> None:
    started = _totp_challenge(cognito, mfa_app_client, totp_user.username)
    wrong = totp_user.wrong_code()

    with pytest.raises(ClientError) as exc_info:
        respond_to_auth_challenge(
            cognito,
            mfa_app_client,
            "SOFTWARE_TOKEN_MFA",
            started["Session"],
            {"USERNAME": totp_user.username, "SOFTWARE_TOKEN_MFA_CODE": wrong},
        )

    assert error_code(exc_info) == "CodeMismatchException"
    assert "CodeMismatchException" in caplog.text
    assert "ask for the current code again" in caplog.text
    assert wrong not in caplog.text.replace("CodeMismatchException", "")
    assert started["Session"] not in caplog.text


def test_mfa_setup_ends_with_tokens_and_totp_registered(
    cognito: Any, mfa_pool: str, mfa_app_client: str, mfa_user: str
) -> None:
    started = cognito.initiate_auth(
        ClientId=mfa_app_client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": mfa_user, "PASSWORD": TEST_PASSWORD},
    )
    associated = cognito.associate_software_token(Session=started["Session"])
    verified = cognito.verify_software_token(
        Session=associated["Session"], UserCode=pyotp.TOTP(associated["SecretCode"]).now()
    )

    result = respond_to_auth_challenge(
        cognito, mfa_app_client, "MFA_SETUP", verified["Session"], {"USERNAME": mfa_user}
    )

    assert result["AuthenticationResult"]["AccessToken"]
    user = cognito.admin_get_user(UserPoolId=mfa_pool, Username=mfa_user)
    assert "SOFTWARE_TOKEN_MFA" in user.get("UserMFASettingList", [])


def test_a_session_is_single_use(
    cognito: Any, mfa_app_client: str, totp_user: TotpUser, caplog: pytest.LogCaptureFixture
) -> None:
    started = _totp_challenge(cognito, mfa_app_client, totp_user.username)
    answers = {"USERNAME": totp_user.username, "SOFTWARE_TOKEN_MFA_CODE": totp_user.code()}
    respond_to_auth_challenge(
        cognito, mfa_app_client, "SOFTWARE_TOKEN_MFA", started["Session"], answers
    )

    answers["SOFTWARE_TOKEN_MFA_CODE"] = totp_user.code()
    with pytest.raises(ClientError) as exc_info:
        respond_to_auth_challenge(
            cognito, mfa_app_client, "SOFTWARE_TOKEN_MFA", started["Session"], answers
        )

    assert error_code(exc_info) == "NotAuthorizedException"

    assert "NotAuthorizedException" in caplog.text
    assert "sign in again" in caplog.text


def test_secret_hash_goes_into_the_answers(
    cognito: Any, mfa_pool: str, totp_user: TotpUser
) -> None:
    app = make_app_client(cognito, mfa_pool, generate_secret=True)
    hashed = secret_hash(totp_user.username, app["ClientId"], app["ClientSecret"])
    started = _totp_challenge(cognito, app["ClientId"], totp_user.username, SECRET_HASH=hashed)

    result = respond_to_auth_challenge(
        cognito,
        app["ClientId"],
        "SOFTWARE_TOKEN_MFA",
        started["Session"],
        {"USERNAME": totp_user.username, "SOFTWARE_TOKEN_MFA_CODE": totp_user.code()},
        secret_hash=hashed,
    )

    assert result["AuthenticationResult"]["AccessToken"]


def test_srp_password_verifier_without_session(
    cognito: Any,
    optional_mfa_pool: str,
    optional_app_client: str,
    optional_user: dict[str, str],
) -> None:
    srp = aws_srp.AWSSRP(
        username=optional_user["username"],
        password=TEST_PASSWORD,
        pool_id=optional_mfa_pool,
        client_id=optional_app_client,
        client=cognito,
    )
    params = srp.get_auth_params()
    started = cognito.initiate_auth(
        ClientId=optional_app_client, AuthFlow="USER_SRP_AUTH", AuthParameters=params
    )
    assert started["ChallengeName"] == "PASSWORD_VERIFIER"

    result = respond_to_auth_challenge(
        cognito,
        optional_app_client,
        "PASSWORD_VERIFIER",
        started.get("Session", ""),
        srp.process_challenge(started["ChallengeParameters"], params),
    )

    assert result["AuthenticationResult"]["AccessToken"]


def test_remembered_device_signs_in_without_the_totp_code(
    cognito: Any, mfa_app_client: str, remembered_device: Device
) -> None:
    owner = remembered_device.owner
    started = cognito.initiate_auth(
        ClientId=mfa_app_client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={
            "USERNAME": owner.username,
            "PASSWORD": TEST_PASSWORD,
            "DEVICE_KEY": remembered_device.key,
        },
    )
    assert started["ChallengeName"] == "DEVICE_SRP_AUTH"  # no SOFTWARE_TOKEN_MFA
    srp = aws_srp.AWSSRP(
        username=owner.username,
        password=TEST_PASSWORD,
        pool_id="us-east-1_unused",
        client_id=mfa_app_client,
        client=cognito,
        device_key=remembered_device.key,
        device_group_key=remembered_device.group_key,
        device_password=remembered_device.password,
    )
    device_challenge = respond_to_auth_challenge(
        cognito,
        mfa_app_client,
        "DEVICE_SRP_AUTH",
        started.get("Session", ""),
        {
            "USERNAME": owner.username,
            "DEVICE_KEY": remembered_device.key,
            "SRP_A": aws_srp.long_to_hex(srp.large_a_value),
        },
    )
    assert device_challenge["ChallengeName"] == "DEVICE_PASSWORD_VERIFIER"

    result = respond_to_auth_challenge(
        cognito,
        mfa_app_client,
        "DEVICE_PASSWORD_VERIFIER",
        device_challenge.get("Session", ""),
        srp.process_device_challenge(device_challenge["ChallengeParameters"]),
    )

    assert cognito.get_user(AccessToken=result["AuthenticationResult"]["AccessToken"])


def test_command_line_answers_with_a_code(
    run_cli: Any,
    cognito: Any,
    mfa_app_client: str,
    totp_user: TotpUser,
) -> None:
    started = _totp_challenge(cognito, mfa_app_client, totp_user.username)

    run = run_cli(
        "respond_to_auth_challenge",
        "--client-id",
        mfa_app_client,
        "--challenge-name",
        "SOFTWARE_TOKEN_MFA",
        f"--session={started['Session']}",  # = : a value may start with "-"
        "--username",
        totp_user.username,
        "--code",
        totp_user.code(),
    )

    assert run.returncode == 0, run.stderr
    assert assert_json_masked(json.loads(run.stdout)) == 3
