# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Codes, passwords and SECRET_HASH of any text: a Cognito answer, never a 500 (issue 9, 2b 2c 4).

A JSON body may hold any Unicode (``"é"``, full-width digits) and also lone surrogates
(``"\\ud800"``), which are not text at all. Each of these once reached a comparison or an
encoder that raised; now a code that isn't the delivered one is a mismatch, a password that
isn't text is refused before anything keeps it, and only ASCII digits are a TOTP code.
Over HTTP with boto3 (which sends a lone surrogate as the JSON escape ``\\ud800``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError
from cognito_users import admin_sign_in
from emulator_helpers import (
    PASSWORD,
    FakeClock,
    http_pool,
    http_sign_up,
    http_user,
    http_with_totp,
    make_pool,
    make_user,
    sign_in,
)
from pycognito import aws_srp

from cognito_emulator import latest_code
from cognito_emulator.clock import Clock
from cognito_emulator.exceptions import EnableSoftwareTokenMFAException
from cognito_emulator.models import EmulatorBackend

FULL_WIDTH = {ord("0") + d: 0xFF10 + d for d in range(10)}  # full-width: U+FF10..U+FF19
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Digits that NFKC normalisation (which pyotp applies) turns into ASCII digits."""

NOT_TEXT = "Correct-Horse-9!\ud800"
"""A password Cognito's default policy would take, but for its lone surrogate."""


def _error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = exc.value.response["Error"]
    return str(error["Code"]), str(error["Message"])


# ---------------------------------------------------------------- 2(b) confirmation codes
@pytest.mark.parametrize("shape", ["é", "wide", "superscript"])
def test_a_non_ascii_confirmation_code_is_a_mismatch(
    cognito: Any, outbox: Path, unique_name: str, shape: str
) -> None:
    _, client, _ = http_pool(cognito, unique_name)
    user = f"u{unique_name}"
    http_sign_up(cognito, client, user)
    code = latest_code(outbox, user)
    assert code is not None
    sent = {"wide": code.translate(FULL_WIDTH), "superscript": code.translate(SUPERSCRIPT)}.get(
        shape, shape
    )
    with pytest.raises(ClientError) as exc:
        cognito.confirm_sign_up(ClientId=client, Username=user, ConfirmationCode=sent)
    assert _error(exc) == (
        "CodeMismatchException",
        "Invalid verification code provided, please try again.",
    )
    cognito.confirm_sign_up(ClientId=client, Username=user, ConfirmationCode=code)


def test_a_non_ascii_reset_code_is_a_mismatch(cognito: Any, outbox: Path, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool, f"u{unique_name}")
    cognito.forgot_password(ClientId=client, Username=user)
    code = latest_code(outbox, user, trigger="CustomMessage_ForgotPassword")
    assert code is not None
    for sent in ("é" * 6, code.translate(FULL_WIDTH)):
        with pytest.raises(ClientError) as exc:
            cognito.confirm_forgot_password(
                ClientId=client, Username=user, ConfirmationCode=sent, Password="New-Horse-9!"
            )
        assert _error(exc)[0] == "CodeMismatchException"
    cognito.confirm_forgot_password(
        ClientId=client, Username=user, ConfirmationCode=code, Password="New-Horse-9!"
    )


# ---------------------------------------------------------------- 2(c) lone surrogates
def test_sign_up_refuses_a_password_that_is_not_text_and_keeps_no_user(
    cognito: Any, unique_name: str
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = f"u{unique_name}"
    with pytest.raises(ClientError) as exc:
        cognito.sign_up(
            ClientId=client,
            Username=user,
            Password=NOT_TEXT,
            UserAttributes=[{"Name": "email", "Value": "ana@example.com"}],
        )
    code, message = _error(exc)
    assert code == "InvalidParameterException"
    assert "Value at 'password' failed to satisfy constraint" in message
    with pytest.raises(ClientError) as exc:
        cognito.admin_get_user(UserPoolId=pool, Username=user)
    assert _error(exc)[0] == "UserNotFoundException"


def test_every_password_setting_call_refuses_a_password_that_is_not_text(
    cognito: Any, outbox: Path, unique_name: str
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool, f"u{unique_name}")
    tokens = admin_sign_in(cognito, pool, client, user)["AuthenticationResult"]
    cognito.forgot_password(ClientId=client, Username=user)
    code = latest_code(outbox, user, trigger="CustomMessage_ForgotPassword")
    calls = {
        "AdminSetUserPassword": lambda: cognito.admin_set_user_password(
            UserPoolId=pool, Username=user, Password=NOT_TEXT, Permanent=True
        ),
        "ChangePassword": lambda: cognito.change_password(
            AccessToken=tokens["AccessToken"],
            PreviousPassword=PASSWORD,
            ProposedPassword=NOT_TEXT,
        ),
        "ConfirmForgotPassword": lambda: cognito.confirm_forgot_password(
            ClientId=client, Username=user, ConfirmationCode=code, Password=NOT_TEXT
        ),
        "AdminCreateUser": lambda: cognito.admin_create_user(
            UserPoolId=pool, Username=f"v{unique_name}", TemporaryPassword=NOT_TEXT
        ),
    }
    for name, call in calls.items():
        with pytest.raises(ClientError) as exc:
            call()
        assert _error(exc)[0] == "InvalidParameterException", name
    signed_in = admin_sign_in(cognito, pool, client, user)
    assert "AccessToken" in signed_in["AuthenticationResult"]  # the password is unchanged


def test_a_new_password_that_is_not_text_is_refused(cognito: Any, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = f"u{unique_name}"
    cognito.admin_create_user(
        UserPoolId=pool, Username=user, TemporaryPassword=PASSWORD, MessageAction="SUPPRESS"
    )
    challenge = admin_sign_in(cognito, pool, client, user)
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    with pytest.raises(ClientError) as exc:
        cognito.admin_respond_to_auth_challenge(
            UserPoolId=pool,
            ClientId=client,
            ChallengeName="NEW_PASSWORD_REQUIRED",
            Session=challenge["Session"],
            ChallengeResponses={"USERNAME": user, "NEW_PASSWORD": NOT_TEXT},
        )
    code, message = _error(exc)
    assert code == "InvalidParameterException"
    assert "Value at 'password' failed to satisfy constraint" in message
    done = cognito.admin_respond_to_auth_challenge(
        UserPoolId=pool,
        ClientId=client,
        ChallengeName="NEW_PASSWORD_REQUIRED",
        Session=challenge["Session"],
        ChallengeResponses={"USERNAME": user, "NEW_PASSWORD": "New-Horse-9!"},
    )
    assert "AccessToken" in done["AuthenticationResult"]


@pytest.mark.parametrize("password", [NOT_TEXT, "\ud800", "Corrèct-Horse-9!", PASSWORD + "é"])
def test_signing_in_with_a_password_of_any_text_is_a_wrong_password(
    cognito: Any, unique_name: str, password: str
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool, f"u{unique_name}")
    for flow in ("ADMIN_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"):
        call = cognito.admin_initiate_auth if flow.startswith("ADMIN") else cognito.initiate_auth
        kwargs = {"UserPoolId": pool} if flow.startswith("ADMIN") else {}
        with pytest.raises(ClientError) as exc:
            call(
                ClientId=client,
                AuthFlow=flow,
                AuthParameters={"USERNAME": user, "PASSWORD": password},
                **kwargs,
            )
        assert _error(exc) == ("NotAuthorizedException", "Incorrect username or password."), flow


@pytest.mark.parametrize("secret_hash", ["\ud800", "é" * 44, "c2VjcmV0\udfff=="])
def test_a_secret_hash_of_any_text_is_not_verified(
    cognito: Any, unique_name: str, secret_hash: str
) -> None:
    pool, client, secret = http_pool(cognito, unique_name, secret=True)
    user = http_user(cognito, pool, f"u{unique_name}")
    with pytest.raises(ClientError) as exc:
        cognito.initiate_auth(
            ClientId=client,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD, "SECRET_HASH": secret_hash},
        )
    assert _error(exc) == (
        "NotAuthorizedException",
        f"Unable to verify secret hash for client {client}",
    )
    right = aws_srp.AWSSRP.get_secret_hash(user, client, secret)
    tokens = cognito.initiate_auth(
        ClientId=client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD, "SECRET_HASH": right},
    )
    assert "AccessToken" in tokens["AuthenticationResult"]


# ---------------------------------------------------------------- 4: only ASCII digits
@pytest.mark.parametrize("digits", [FULL_WIDTH, SUPERSCRIPT], ids=["full-width", "superscript"])
def test_software_token_mfa_takes_only_ascii_digits(
    cognito: Any, unique_name: str, http_clock: Clock, digits: dict[int, str]
) -> None:
    pool, client, _ = http_pool(cognito, unique_name, mfa="ON")
    user = http_user(cognito, pool, f"u{unique_name}")
    totp = http_with_totp(cognito, client, user, http_clock.now())
    http_clock.advance(60)  # a time step whose code was never sent
    challenge = cognito.initiate_auth(
        ClientId=client,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user, "PASSWORD": PASSWORD},
    )
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    code = totp.at(http_clock.now())

    def answer(sent: str) -> dict[str, Any]:
        result: dict[str, Any] = cognito.respond_to_auth_challenge(
            ClientId=client,
            ChallengeName="SOFTWARE_TOKEN_MFA",
            Session=challenge["Session"],
            ChallengeResponses={"USERNAME": user, "SOFTWARE_TOKEN_MFA_CODE": sent},
        )
        return result

    with pytest.raises(ClientError) as exc:
        answer(code.translate(digits))
    assert _error(exc) == ("CodeMismatchException", "Invalid code received for user")
    assert "AccessToken" in answer(code)["AuthenticationResult"]  # the same code, in ASCII


def test_verify_software_token_takes_only_ascii_digits_over_http(
    cognito: Any, unique_name: str, http_clock: Clock
) -> None:
    """UserCode's pattern ``[0-9]+`` is ASCII digits in Cognito's (Java) regular expressions."""
    pool, client, _ = http_pool(cognito, unique_name, mfa="ON")
    user = http_user(cognito, pool, f"u{unique_name}")
    setup = admin_sign_in(cognito, pool, client, user)
    assoc = cognito.associate_software_token(Session=setup["Session"])
    code = pyotp.TOTP(assoc["SecretCode"]).at(http_clock.now())
    with pytest.raises(ClientError) as exc:
        cognito.verify_software_token(Session=assoc["Session"], UserCode=code.translate(FULL_WIDTH))
    assert _error(exc)[0] == "InvalidParameterException"
    assert cognito.verify_software_token(Session=assoc["Session"], UserCode=code)["Status"] == (
        "SUCCESS"
    )


@pytest.mark.parametrize("digits", [FULL_WIDTH, SUPERSCRIPT], ids=["full-width", "superscript"])
def test_verify_software_token_takes_only_ascii_digits(
    backend: EmulatorBackend, clock: FakeClock, digits: dict[int, str]
) -> None:
    """The backend's own check, behind the request validation."""
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    setup = sign_in(backend, pool, client)
    assoc = backend.associate_software_token(None, setup["Session"])
    code = pyotp.TOTP(assoc["SecretCode"]).at(clock.now())
    with pytest.raises(EnableSoftwareTokenMFAException):
        backend.verify_software_token(None, assoc["Session"], code.translate(digits), None)
    assert backend.verify_software_token(None, assoc["Session"], code, None)["Status"] == "SUCCESS"
