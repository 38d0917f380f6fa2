# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The guided scenario, path by path, answered the way a person at the terminal would."""

from __future__ import annotations

import re
from typing import Any

import pytest
import signup_user_with_mfa as scenario
from cognito_users import TEST_PASSWORD
from scripted_user import (
    ScriptedUser,
    assert_nothing_secret_shown,
    shown_code,
    totp_now,
    wrong_totp,
)

pytestmark = pytest.mark.usefixtures("nothing_left")

STEP_TITLES = [f"Step {n} of 8" for n in range(1, 9)]


def steps_in_order(text: str) -> bool:
    positions = [text.find(title) for title in STEP_TITLES]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


def test_happy_path_walks_through_every_step(play: Any) -> None:
    result = play()

    assert result.status == 0, result.err
    assert steps_in_order(result.out)
    for operation in (
        "CreateUserPool", "SetUserPoolMfaConfig", "CreateUserPoolClient", "SignUp",
        "ConfirmSignUp", "ListUsers", "AdminInitiateAuth", "AssociateSoftwareToken",
        "VerifySoftwareToken", "(MFA_SETUP)", "(SOFTWARE_TOKEN_MFA)", "ConfirmDevice",
        "(DEVICE_SRP_AUTH)", "(DEVICE_PASSWORD_VERIFIER)", "ListDevices", "ForgetDevice",
    ):  # fmt: skip
        assert operation in result.out, operation
    username = result.user.prompts and re.search(r"User name \[[^\]]*\]: (\S+)", result.out)
    assert username and f"{username.group(1)}  CONFIRMED" in result.out
    assert "no authenticator code asked" in result.out
    # one prompt for the setup code, one for the sign-in code, none for the device sign-in
    assert sum("authenticator app" in p for p in result.user.prompts) == 2
    assert "Done:" in result.out
    assert_nothing_secret_shown(result.out)
    assert not result.qr_path().exists() and not result.qr_path().parent.exists()


def test_auto_plays_the_user_without_a_prompt(play: Any) -> None:
    result = play(["--auto"])

    assert result.status == 0, result.err
    assert steps_in_order(result.out)
    assert "(--auto)" in result.out and "Done:" in result.out
    assert result.err == ""
    assert_nothing_secret_shown(result.out)
    assert not result.qr_path().exists()


def test_wrong_confirmation_code_is_explained_and_asked_again(play: Any) -> None:
    def wrong(user: ScriptedUser) -> str:
        return f"{(int(user.shown_code()) + 1) % 1_000_000:06d}"

    result = play(answers={"Confirmation code": [wrong, shown_code]})

    assert result.status == 0, result.err
    assert "!! Wrong code: Invalid verification code provided" in result.out
    assert sum("Confirmation code" in p for p in result.user.prompts) == 2


def test_resend_sends_a_new_code(play: Any) -> None:
    result = play(answers={"Confirmation code": ["r", shown_code]})

    assert result.status == 0, result.err
    assert "-> ResendConfirmationCode" in result.out
    assert len(re.findall(r"to its outbox: (\d{6})", result.out)) == 2


def test_weak_password_is_reported_as_soon_as_it_is_typed(play: Any) -> None:
    result = play(answers={"Password": ["weak", "alllowercase-9", TEST_PASSWORD]})

    assert result.status == 0, result.err
    before_email = result.out.split("E-mail address [")[0]
    assert before_email.count("!! The pool's policy refuses this password") == 2
    assert "-> SignUp" not in before_email  # nothing sent yet, no other question asked
    flat = " ".join(before_email.split())  # the narration wraps at 80 columns
    assert "it needs at least 8 characters (this one has 4); an upper-case letter" in flat
    assert "an upper-case letter; a number; a symbol such as ! or -." in flat  # every rule
    kinds = [next(k for k in ScriptedUser.KEYS if k in p) for p in result.user.prompts]
    assert kinds[:5] == ["User name", "Password", "Password", "Password", "E-mail"]
    assert "The pool's password policy: at least 8 characters, with an upper-case" in flat


def test_password_cognito_refuses_at_sign_up_is_asked_again(
    play: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cognito has the last word (a policy the local check can't know about)."""
    monkeypatch.setattr(scenario, "policy_problems", lambda password, policy: [])

    result = play(answers={"Password": ["weak", TEST_PASSWORD]})

    assert result.status == 0, result.err
    assert result.out.count("!! Cognito refused the password") == 1
    assert "The pool's policy: at least 8 characters" in " ".join(result.out.split())


def test_duplicate_user_name_is_explained_and_asked_again(play: Any, cognito: Any) -> None:
    def taken(user: ScriptedUser) -> str:  # someone else signed up with this name just now
        cognito.admin_create_user(
            UserPoolId=user.pool_id(), Username="taken-name", MessageAction="SUPPRESS"
        )
        return "taken-name"

    result = play(answers={"User name": [taken, "free-name"]})

    assert result.status == 0, result.err
    assert "!! The user name taken-name is taken" in result.out
    assert "free-name  CONFIRMED" in result.out


def test_wrong_code_at_authenticator_setup_is_asked_again(play: Any) -> None:
    result = play(answers={"authenticator app": [wrong_totp, totp_now, totp_now]})

    assert result.status == 0, result.err
    setup = result.out.split("Step 5 of 8")[1].split("Step 6 of 8")[0]
    assert "!! Cognito refused the code" in setup


def test_wrong_code_at_sign_in_is_asked_again(play: Any) -> None:
    result = play(answers={"authenticator app": [totp_now, wrong_totp, totp_now]})

    assert result.status == 0, result.err
    sign_in = result.out.split("Step 6 of 8")[1].split("Step 7 of 8")[0]
    assert "!! Cognito refused the code (Invalid code received for user)" in sign_in


def test_empty_answer_lets_the_scenario_compute_the_code(play: Any) -> None:
    result = play(answers={"authenticator app": ["", ""]})

    assert result.status == 0, result.err
    computed = re.findall(
        r"computed with pyotp, as an authenticator app would: (\d{6})\n", result.out
    )
    assert len(computed) == 2  # the set-up code and the sign-in code
    assert sum("authenticator app" in p for p in result.user.prompts) == 2
    assert "!! Cognito refused the code" not in result.out  # both computed codes were accepted


def test_expired_session_at_setup_signs_in_again(play: Any, emulator: Any) -> None:
    def after_four_minutes(user: ScriptedUser) -> str:
        emulator.clock.advance(240)  # the person went for coffee; the 3-minute session is gone
        return user.totp()

    result = play(answers={"authenticator app": [after_four_minutes, totp_now, totp_now]})

    assert result.status == 0, result.err
    assert "!! The sign-in session expired" in result.out
    assert result.out.count("Step 4 of 8") == 2  # signed in again: a new secret, a new QR code
    keys = re.findall(r"Setup key: ([A-Z2-7 ]+)", result.out)
    assert len(keys) == 2 and keys[0] != keys[1]


def test_expired_session_at_sign_in_signs_in_again(play: Any, emulator: Any) -> None:
    def after_four_minutes(user: ScriptedUser) -> str:
        emulator.clock.advance(240)
        return user.totp()

    result = play(answers={"authenticator app": [totp_now, after_four_minutes, totp_now]})

    assert result.status == 0, result.err
    sign_in = result.out.split("Step 6 of 8")[1].split("Step 7 of 8")[0]
    assert "!! The sign-in session expired" in sign_in
    assert sign_in.count("-> AdminInitiateAuth") == 2


@pytest.mark.parametrize(
    ("prompt", "before"),
    [
        ("User name", 0),
        ("Password", 0),
        ("E-mail", 0),
        ("Confirmation code", 0),
        ("authenticator app", 0),  # step 5: the set-up code
        ("authenticator app", 1),  # step 6: the sign-in code
    ],
)
def test_ctrl_c_at_a_prompt_cleans_up_and_exits_130(play: Any, prompt: str, before: int) -> None:
    answers: dict[str, list[Any]] = {prompt: [totp_now] * before + [KeyboardInterrupt()]}

    result = play(answers=answers)

    assert result.status == 130
    assert result.err.strip() == "signup_user_with_mfa: interrupted (Ctrl-C)"
    assert "Step 8 of 8" in result.out and "ok Removed user pool" in result.out
    if "Confirmation code" in prompt or "authenticator" in prompt:
        assert "ok Removed user " in result.out.replace("user pool", "")


def test_end_of_input_stops_with_a_reason(play: Any) -> None:
    result = play(answers={"Confirmation code": []})

    assert result.status == 1
    assert result.err.strip().endswith("input ended before the scenario did")
    assert "ok Removed user pool" in result.out


def test_user_mistakes_have_a_limit(play: Any) -> None:
    result = play(answers={"authenticator app": [wrong_totp] * 5})

    assert result.status == 1
    assert "too many wrong authenticator codes" in result.err


def test_secrets_never_appear_whole(
    play: Any, emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = emulator.backend()
    issued: list[str] = []  # the access tokens the backend really issues during the run
    issue_tokens = backend.issue_tokens

    def recording_issue_tokens(*args: Any, **kwargs: Any) -> dict[str, Any]:
        tokens: dict[str, Any] = issue_tokens(*args, **kwargs)
        issued.append(tokens["AccessToken"])
        return tokens

    monkeypatch.setattr(backend, "issue_tokens", recording_issue_tokens)

    result = play()

    assert result.status == 0
    assert_nothing_secret_shown(result.out)
    assert re.search(r"AccessToken: eyJ\w{2}\.\.\.\S{4} \(\d+ chars\)", result.out)
    assert re.search(r"session \S{5}\.\.\.\S{4} \(\d+ chars\)", result.out)
    assert_nothing_secret_shown(result.err)  # nor on the error stream
    # The access tokens the backend really issued during the run: none is on screen.
    assert len(issued) >= 3  # MFA set-up, TOTP sign-in, device sign-in
    assert not [t for t in issued if t in result.out or t[-40:] in result.out + result.err]
