# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Each security check of the emulator has a test that fails when the check is broken (issue 9, 8).

These are the bugs the suite once let through, each a one-line edit of a check: a code that
confirms another user, a challenge session answered for another user or reused after success,
a TOTP window of two steps, unlimited wrong MFA codes, a wrong password accepted once the user
has TOTP, a JWKS whose ``kid`` is not the tokens'. ``tests/emulator/mutants.py`` (``nox -s
mutation``) applies such edits one at a time and checks that these tests catch every one.

Model level (no HTTP), on a clock that moves only when a test moves it; TOTP codes are never
sent twice (the clock moves a step or more between two codes of one user).
"""

from __future__ import annotations

from typing import Any

import jwt
import pyotp
import pytest
import requests
from cognito_users import admin_sign_in
from emulator_helpers import (
    PASSWORD,
    FakeClock,
    answer_mfa,
    http_pool,
    http_user,
    make_pool,
    make_user,
    sign_in,
    with_totp,
)
from pycognito import aws_srp

from cognito_emulator import EmulatorServer
from cognito_emulator.exceptions import (
    CodeMismatchException,
    EnableSoftwareTokenMFAException,
    InvalidParameterException,
    NotAuthorizedException,
)
from cognito_emulator.mfa import MAX_MFA_ATTEMPTS
from cognito_emulator.models import EmulatorBackend

DEVICES = {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": False}
Refused = (NotAuthorizedException, InvalidParameterException)
"""How Cognito refuses a challenge answer whose session is gone (by Session, or without it)."""


def _email(name: str) -> list[dict[str, str]]:
    return [{"Name": "email", "Value": f"{name}@example.com"}]


def _last_code(backend: EmulatorBackend, username: str) -> str:
    """The code most recently delivered to ``username``."""
    return [m for m in backend.outbox.messages() if m["username"] == username][-1]["code"]


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


# ---------------------------------------------------------------- codes
def test_a_confirmation_code_confirms_only_the_user_it_was_sent_to(
    backend: EmulatorBackend,
) -> None:
    pool, client = make_pool(backend)
    backend.sign_up(client, "ana", PASSWORD, _email("ana"))
    backend.sign_up(client, "bob", PASSWORD, _email("bob"))
    ana_code = _last_code(backend, "ana")
    while (bob_code := _last_code(backend, "bob")) == ana_code:
        backend.resend_confirmation_code(client, "bob")  # one chance in a million
    with pytest.raises(CodeMismatchException):
        backend.confirm_sign_up(client, "ana", bob_code)
    assert backend.admin_get_user(pool, "ana").status == "UNCONFIRMED"
    backend.confirm_sign_up(client, "bob", bob_code)
    backend.confirm_sign_up(client, "ana", ana_code)
    assert backend.admin_get_user(pool, "ana").status == "CONFIRMED"


def test_a_reset_code_resets_only_the_password_of_the_user_it_was_sent_to(
    backend: EmulatorBackend,
) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool, "ana")
    make_user(backend, pool, "bob")
    backend.forgot_password(client, "bob")
    bob_code = _last_code(backend, "bob")
    backend.forgot_password(client, "ana")
    with pytest.raises(CodeMismatchException):
        backend.confirm_forgot_password(client, "ana", "Taken-Over-9!", bob_code)
    assert "AuthenticationResult" in sign_in(backend, pool, client, "ana", PASSWORD)


# ---------------------------------------------------------------- passwords
@pytest.fixture
def mfa_pool(backend: EmulatorBackend, clock: FakeClock) -> tuple[str, str, pyotp.TOTP]:
    """An MFA ON pool whose user ana has an authenticator; the clock a step past its code."""
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    totp = with_totp(backend, pool, client)
    clock.advance(60)
    return pool, client, totp


def test_a_user_with_totp_still_needs_the_right_password(
    backend: EmulatorBackend, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    pool, client, _ = mfa_pool
    with pytest.raises(NotAuthorizedException, match=r"Incorrect username or password\."):
        sign_in(backend, pool, client, "ana", "Wrong-Horse-9!")
    with pytest.raises(NotAuthorizedException, match=r"Incorrect username or password\."):
        backend.initiate_auth(
            client, "USER_PASSWORD_AUTH", {"USERNAME": "ana", "PASSWORD": "Wrong-Horse-9!"}
        )
    assert sign_in(backend, pool, client, "ana", PASSWORD)["ChallengeName"] == (
        "SOFTWARE_TOKEN_MFA"
    )


def test_a_user_with_totp_still_needs_the_right_srp_proof(
    backend: EmulatorBackend, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    pool, client, _ = mfa_pool

    def srpsign_in(password: str) -> dict[str, Any]:
        helper = aws_srp.AWSSRP("ana", password, pool, client, client=object())
        params = helper.get_auth_params()
        challenge = backend.initiate_auth(client, "USER_SRP_AUTH", params)
        answer = helper.process_challenge(challenge["ChallengeParameters"], params)
        return backend.respond_to_auth_challenge(
            challenge["Session"], client, "PASSWORD_VERIFIER", answer
        )

    with pytest.raises(NotAuthorizedException, match=r"Incorrect username or password\."):
        srpsign_in("Wrong-Horse-9!")
    assert srpsign_in(PASSWORD)["ChallengeName"] == "SOFTWARE_TOKEN_MFA"


def test_a_disabled_user_cannot_sign_in_or_refresh(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    tokens = sign_in(backend, pool, client, "ana", PASSWORD)["AuthenticationResult"]
    backend.admin_disable_user(pool, "ana")
    with pytest.raises(NotAuthorizedException, match=r"User is disabled\."):
        sign_in(backend, pool, client, "ana", PASSWORD)
    with pytest.raises(NotAuthorizedException, match=r"User is disabled\."):
        _srp_challenge(backend, pool, client)
    with pytest.raises(NotAuthorizedException, match=r"User is disabled\."):
        backend.initiate_auth(
            client, "REFRESH_TOKEN_AUTH", {"REFRESH_TOKEN": tokens["RefreshToken"]}
        )
    backend.admin_enable_user(pool, "ana")
    assert "AuthenticationResult" in sign_in(backend, pool, client, "ana", PASSWORD)


def test_an_app_client_allows_only_its_own_auth_flows(backend: EmulatorBackend) -> None:
    pool, _ = make_pool(backend)
    make_user(backend, pool)
    srp_only = backend.create_user_pool_client(
        pool, False, {"ClientName": "srp", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"]}
    ).id
    with pytest.raises(InvalidParameterException, match="flow not enabled for this client"):
        backend.initiate_auth(
            srp_only, "USER_PASSWORD_AUTH", {"USERNAME": "ana", "PASSWORD": PASSWORD}
        )
    with pytest.raises(InvalidParameterException, match="flow not enabled for this client"):
        sign_in(backend, pool, srp_only, "ana", PASSWORD)
    assert _srp_challenge(backend, pool, srp_only)[1]["ChallengeName"] == "PASSWORD_VERIFIER"


# ---------------------------------------------------------------- TOTP codes
def _code_steps_away(totp: pyotp.TOTP, clock: FakeClock, steps: int) -> str:
    """The code ``steps`` time steps from now, moving the clock in the rare case that it is
    also the code of a step within the accepted window (then it would rightly pass)."""
    while True:
        code = totp.at(clock.now() + 30 * steps)
        if code not in {totp.at(clock.now() + 30 * d) for d in (-1, 0, 1)}:
            return code
        clock.advance(30)


@pytest.mark.parametrize("steps", [-2, 2, -3, 3, 10])
def test_software_token_mfa_refuses_codes_beyond_one_step(
    backend: EmulatorBackend,
    clock: FakeClock,
    mfa_pool: tuple[str, str, pyotp.TOTP],
    steps: int,
) -> None:
    pool, client, totp = mfa_pool
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    with pytest.raises(CodeMismatchException, match="Invalid code received for user"):
        answer_mfa(backend, client, session, "ana", _code_steps_away(totp, clock, steps))


@pytest.mark.parametrize("steps", [-1, 1])
def test_software_token_mfa_takes_the_code_of_the_next_or_previous_step(
    backend: EmulatorBackend,
    clock: FakeClock,
    mfa_pool: tuple[str, str, pyotp.TOTP],
    steps: int,
) -> None:
    pool, client, totp = mfa_pool
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    done = answer_mfa(backend, client, session, "ana", totp.at(clock.now() + 30 * steps))
    assert "AccessToken" in done["AuthenticationResult"]


@pytest.mark.parametrize("steps", [-2, 2])
def test_verify_software_token_refuses_codes_beyond_one_step(
    backend: EmulatorBackend, clock: FakeClock, steps: int
) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    setup = sign_in(backend, pool, client, "ana", PASSWORD)
    assoc = backend.associate_software_token(None, setup["Session"])
    totp = pyotp.TOTP(assoc["SecretCode"])
    with pytest.raises(EnableSoftwareTokenMFAException):
        backend.verify_software_token(
            None, assoc["Session"], _code_steps_away(totp, clock, steps), None
        )


def test_a_challenge_session_takes_five_wrong_codes_then_is_gone(
    backend: EmulatorBackend, clock: FakeClock, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    pool, client, totp = mfa_pool
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    right = totp.at(clock.now())
    for _ in range(MAX_MFA_ATTEMPTS):
        with pytest.raises(CodeMismatchException):
            answer_mfa(backend, client, session, "ana", _wrong(right))
    with pytest.raises(NotAuthorizedException, match="session is expired"):
        answer_mfa(backend, client, session, "ana", right)
    fresh = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    assert "AccessToken" in answer_mfa(backend, client, fresh, "ana", right)["AuthenticationResult"]


def test_a_challenge_session_takes_the_right_code_after_four_wrong_ones(
    backend: EmulatorBackend, clock: FakeClock, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    assert MAX_MFA_ATTEMPTS == 5  # Cognito's number (README); this test pins it
    pool, client, totp = mfa_pool
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    right = totp.at(clock.now())
    for _ in range(MAX_MFA_ATTEMPTS - 1):
        with pytest.raises(CodeMismatchException):
            answer_mfa(backend, client, session, "ana", _wrong(right))
    assert (
        "AccessToken" in answer_mfa(backend, client, session, "ana", right)["AuthenticationResult"]
    )


# ---------------------------------------------------------------- challenge sessions
def test_a_challenge_session_answers_only_for_its_own_user(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool, "ana")
    make_user(backend, pool, "bob")
    with_totp(backend, pool, client, "ana")
    bob = with_totp(backend, pool, client, "bob")
    clock.advance(60)
    ana_session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        answer_mfa(backend, client, ana_session, "bob", bob.at(clock.now()))
    # MFA_SETUP likewise: a new user's set-up session does not finish bob's sign-in
    make_user(backend, pool, "cy")
    setup = sign_in(backend, pool, client, "cy", PASSWORD)
    assoc = backend.associate_software_token(None, setup["Session"])
    verified = backend.verify_software_token(
        None, assoc["Session"], pyotp.TOTP(assoc["SecretCode"]).at(clock.now()), None
    )
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        backend.respond_to_auth_challenge(
            verified["Session"], client, "MFA_SETUP", {"USERNAME": "bob"}
        )


def test_a_challenge_session_answers_only_for_its_own_app_client(
    backend: EmulatorBackend, clock: FakeClock, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    pool, client, totp = mfa_pool
    other = backend.create_user_pool_client(
        pool, False, {"ClientName": "other", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"]}
    ).id
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        answer_mfa(backend, other, session, "ana", totp.at(clock.now()))


def test_a_challenge_session_answers_only_its_own_challenge(
    backend: EmulatorBackend, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    """A password alone gets a SOFTWARE_TOKEN_MFA session: it must not change the password."""
    pool, client, _ = mfa_pool
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    with pytest.raises(InvalidParameterException, match="expects SOFTWARE_TOKEN_MFA"):
        backend.respond_to_auth_challenge(
            session,
            client,
            "NEW_PASSWORD_REQUIRED",
            {"USERNAME": "ana", "NEW_PASSWORD": "Taken-Over-9!"},
        )
    assert sign_in(backend, pool, client, "ana", PASSWORD)["ChallengeName"] == (
        "SOFTWARE_TOKEN_MFA"
    )


def test_an_mfa_challenge_session_cannot_set_up_another_authenticator(
    backend: EmulatorBackend, clock: FakeClock, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    """Only an MFA_SETUP session may associate a token: else a password alone would replace
    the user's authenticator with the attacker's and sign in through MFA_SETUP."""
    pool, client, totp = mfa_pool
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        backend.associate_software_token(None, session)
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        backend.verify_software_token(None, session, totp.at(clock.now()), None)
    assert (
        "AccessToken"
        in answer_mfa(backend, client, session, "ana", totp.at(clock.now()))["AuthenticationResult"]
    )


def test_an_mfa_session_answered_once_cannot_be_answered_again(
    backend: EmulatorBackend, clock: FakeClock, mfa_pool: tuple[str, str, pyotp.TOTP]
) -> None:
    pool, client, totp = mfa_pool
    session = sign_in(backend, pool, client, "ana", PASSWORD)["Session"]
    answer_mfa(backend, client, session, "ana", totp.at(clock.now()))
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        answer_mfa(backend, client, session, "ana", totp.at(clock.now() + 30))


def test_mfa_setup_sessions_answered_once_cannot_be_answered_again(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    setup = sign_in(backend, pool, client, "ana", PASSWORD)
    assoc = backend.associate_software_token(None, setup["Session"])
    with pytest.raises(NotAuthorizedException):  # the set-up session was exchanged
        backend.associate_software_token(None, setup["Session"])
    totp = pyotp.TOTP(assoc["SecretCode"])
    verified = backend.verify_software_token(None, assoc["Session"], totp.at(clock.now()), None)
    with pytest.raises(NotAuthorizedException):  # so was the association's
        backend.verify_software_token(None, assoc["Session"], totp.at(clock.now() + 30), None)
    answer = {"USERNAME": "ana"}
    backend.respond_to_auth_challenge(verified["Session"], client, "MFA_SETUP", answer)
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        backend.respond_to_auth_challenge(verified["Session"], client, "MFA_SETUP", answer)


def test_a_new_password_session_answered_once_cannot_be_answered_again(
    backend: EmulatorBackend,
) -> None:
    pool, client = make_pool(backend)
    backend.admin_create_user(pool, "ana", "SUPPRESS", PASSWORD, _email("ana"))
    challenge = sign_in(backend, pool, client, "ana", PASSWORD)
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    answer = {"USERNAME": "ana", "NEW_PASSWORD": "New-Horse-9!"}
    backend.respond_to_auth_challenge(challenge["Session"], client, "NEW_PASSWORD_REQUIRED", answer)
    answer["NEW_PASSWORD"] = "Other-Horse-9!"
    with pytest.raises(NotAuthorizedException, match="Invalid session"):
        backend.respond_to_auth_challenge(
            challenge["Session"], client, "NEW_PASSWORD_REQUIRED", answer
        )
    assert "AuthenticationResult" in sign_in(backend, pool, client, "ana", "New-Horse-9!")


def _srp_challenge(
    backend: EmulatorBackend, pool: str, client: str, **device: str
) -> tuple[aws_srp.AWSSRP, dict[str, Any], dict[str, str]]:
    helper = aws_srp.AWSSRP("ana", PASSWORD, pool, client, client=object(), **device)
    params = helper.get_auth_params()
    challenge = backend.initiate_auth(client, "USER_SRP_AUTH", params)
    return helper, challenge, helper.process_challenge(challenge["ChallengeParameters"], params)


def test_a_password_verifier_answered_once_cannot_be_answered_again(
    backend: EmulatorBackend,
) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    _, challenge, answer = _srp_challenge(backend, pool, client)
    backend.respond_to_auth_challenge(challenge["Session"], client, "PASSWORD_VERIFIER", answer)
    for session in (challenge["Session"], None):  # by Session, or by its secret block
        with pytest.raises(Refused):
            backend.respond_to_auth_challenge(session, client, "PASSWORD_VERIFIER", answer)


def test_device_challenges_answered_once_cannot_be_answered_again(
    backend: EmulatorBackend,
) -> None:
    pool, client = make_pool(backend, devices=DEVICES)
    make_user(backend, pool)
    first = sign_in(backend, pool, client, "ana", PASSWORD)["AuthenticationResult"]
    meta = first["NewDeviceMetadata"]
    device_password, config = aws_srp.generate_hash_device(
        meta["DeviceGroupKey"], meta["DeviceKey"]
    )
    backend.confirm_device(first["AccessToken"], meta["DeviceKey"], config, None)
    device = {
        "device_key": meta["DeviceKey"],
        "device_group_key": meta["DeviceGroupKey"],
        "device_password": device_password,
    }
    helper, challenge, answer = _srp_challenge(backend, pool, client, **device)
    device_challenge = backend.respond_to_auth_challenge(
        challenge["Session"], client, "PASSWORD_VERIFIER", answer
    )
    assert device_challenge["ChallengeName"] == "DEVICE_SRP_AUTH"
    device_answer = {
        "USERNAME": "ana",
        "DEVICE_KEY": meta["DeviceKey"],
        "SRP_A": aws_srp.long_to_hex(helper.large_a_value),
    }
    verifier = backend.respond_to_auth_challenge(
        device_challenge["Session"], client, "DEVICE_SRP_AUTH", device_answer
    )
    with pytest.raises(Refused):
        backend.respond_to_auth_challenge(
            device_challenge["Session"], client, "DEVICE_SRP_AUTH", device_answer
        )
    claim = helper.process_device_challenge(verifier["ChallengeParameters"])
    done = backend.respond_to_auth_challenge(
        verifier["Session"], client, "DEVICE_PASSWORD_VERIFIER", claim
    )
    assert "AccessToken" in done["AuthenticationResult"]
    for session in (verifier["Session"], None):
        with pytest.raises(Refused):
            backend.respond_to_auth_challenge(session, client, "DEVICE_PASSWORD_VERIFIER", claim)


# ---------------------------------------------------------------- the JWKS
def _token_kids(tokens: dict[str, str]) -> dict[str, str]:
    return {
        name: jwt.get_unverified_header(tokens[name])["kid"] for name in ("IdToken", "AccessToken")
    }


def test_the_jwks_publishes_the_key_of_every_token_by_its_kid(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    """A verifier picks the key whose ``kid`` is in the token's header (as PyJWKClient and
    every JWT library do): that key must be published, and must verify the token."""
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool)
    tokens = admin_sign_in(cognito, pool, client, user)["AuthenticationResult"]
    answer = requests.get(f"{emulator.url}/{pool}/.well-known/jwks.json", timeout=10)
    keys = {key["kid"]: key for key in answer.json()["keys"]}
    for name, kid in _token_kids(tokens).items():
        assert kid in keys, f"the {name}'s kid {kid} is not in the pool's JWKS"
        claims = jwt.decode(
            tokens[name],
            jwt.PyJWK(keys[kid]).key,
            algorithms=[keys[kid]["alg"]],
            options={"verify_aud": False, "verify_iat": False},
        )
        assert claims["token_use"] == ("id" if name == "IdToken" else "access")
