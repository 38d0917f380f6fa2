# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""TOTP codes are one-time (RFC 6238, section 5.2): once a code is accepted, it and every code
of an earlier time step are refused for that user's authenticator, as Cognito refuses them
(ExpiredCodeException, "Your software token has already been used once.").

Tests move the emulator's clock to the next 30 s step instead of waiting for it.
"""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
import requests
from botocore.exceptions import ClientError
from cognito_users import admin_sign_in
from emulator_helpers import (
    FakeClock,
    answer_mfa,
    http_pool,
    http_user,
    make_pool,
    make_user,
    sign_in,
    with_totp,
)

from cognito_emulator import EmulatorServer
from cognito_emulator.clock import Clock
from cognito_emulator.exceptions import CodeMismatchException, ExpiredCodeException
from cognito_emulator.models import EmulatorBackend

USED = "Your software token has already been used once."


def _error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = exc.value.response["Error"]
    return str(error["Code"]), str(error["Message"])


def _answer(backend: EmulatorBackend, client: str, session: str, code: str) -> dict[str, Any]:
    return answer_mfa(backend, client, session, "ana", code)


def _set_up(backend: EmulatorBackend) -> tuple[str, str, pyotp.TOTP]:
    """ana through MFA_SETUP, verified with the current step's code."""
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    return pool, client, with_totp(backend, pool, client)


def test_the_code_verify_software_token_took_is_refused_at_sign_in(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client, totp = _set_up(backend)
    session = sign_in(backend, pool, client)["Session"]

    with pytest.raises(ExpiredCodeException, match=USED):
        _answer(backend, client, session, totp.at(clock.now()))

    # the next step's code (one step of drift) is still good, in the same session
    assert (
        "AccessToken"
        in _answer(backend, client, session, totp.at(clock.now() + 30))["AuthenticationResult"]
    )


def test_a_code_signs_in_once_and_earlier_codes_never_again(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client, totp = _set_up(backend)
    clock.advance(60)
    code = totp.at(clock.now())
    assert "AuthenticationResult" in _answer(
        backend, client, sign_in(backend, pool, client)["Session"], code
    )

    session = sign_in(backend, pool, client)["Session"]
    for earlier in (code, totp.at(clock.now() - 30)):  # in the window, but not after `code`
        with pytest.raises(ExpiredCodeException, match=USED):
            _answer(backend, client, session, earlier)
    with pytest.raises(CodeMismatchException):  # a wrong code is still a wrong code
        _answer(backend, client, session, "000000" if code != "000000" else "111111")
    clock.advance(30)
    assert "AuthenticationResult" in _answer(backend, client, session, totp.at(clock.now()))


def test_only_ascii_digits_are_a_code(backend: EmulatorBackend, clock: FakeClock) -> None:
    pool, client, totp = _set_up(backend)
    clock.advance(30)
    code = totp.at(clock.now())
    full_width = "".join(chr(ord(digit) - ord("0") + 0xFF10) for digit in code)  # U+FF10..
    session = sign_in(backend, pool, client)["Session"]

    with pytest.raises(CodeMismatchException):
        _answer(backend, client, session, full_width)
    assert "AuthenticationResult" in _answer(backend, client, session, code)


def test_a_new_authenticator_is_not_held_to_the_old_ones_codes(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client, totp = _set_up(backend)
    clock.advance(30)
    tokens = _answer(
        backend, client, sign_in(backend, pool, client)["Session"], totp.at(clock.now())
    )["AuthenticationResult"]

    secret = backend.associate_software_token(tokens["AccessToken"], None)["SecretCode"]
    new_totp = pyotp.TOTP(secret)

    result = backend.verify_software_token(
        tokens["AccessToken"], None, new_totp.at(clock.now()), "new phone"
    )
    assert result == {"Status": "SUCCESS"}
    with pytest.raises(ExpiredCodeException, match=USED):
        _answer(
            backend,
            client,
            sign_in(backend, pool, client)["Session"],
            new_totp.at(clock.now()),
        )


def test_over_http_the_clock_seam_makes_the_next_code(
    cognito: Any, emulator: EmulatorServer, unique_name: str, http_clock: Clock
) -> None:
    """What a test in any language does: move the clock over HTTP, then compute the code."""
    pool, client, _ = http_pool(cognito, unique_name, mfa="ON")
    user = http_user(cognito, pool)

    def now() -> float:
        return float(requests.get(f"{emulator.url}/_emulator/clock", timeout=5).json()["now"])

    def sign_in() -> str:
        session: str = admin_sign_in(cognito, pool, client, user)["Session"]
        return session

    associated = cognito.associate_software_token(Session=sign_in())
    totp = pyotp.TOTP(associated["SecretCode"])
    code = totp.at(now())
    verified = cognito.verify_software_token(Session=associated["Session"], UserCode=code)
    cognito.admin_respond_to_auth_challenge(
        UserPoolId=pool,
        ClientId=client,
        ChallengeName="MFA_SETUP",
        Session=verified["Session"],
        ChallengeResponses={"USERNAME": user},
    )

    def answer(session: str, code: str) -> dict[str, Any]:
        result: dict[str, Any] = cognito.admin_respond_to_auth_challenge(
            UserPoolId=pool,
            ClientId=client,
            ChallengeName="SOFTWARE_TOKEN_MFA",
            Session=session,
            ChallengeResponses={"USERNAME": user, "SOFTWARE_TOKEN_MFA_CODE": code},
        )
        return result

    session = sign_in()
    with pytest.raises(ClientError) as exc:
        answer(session, code)
    assert _error(exc) == ("ExpiredCodeException", USED)

    requests.post(f"{emulator.url}/_emulator/clock", json={"advance": 30}, timeout=5)
    assert "AccessToken" in answer(session, totp.at(now()))["AuthenticationResult"]
