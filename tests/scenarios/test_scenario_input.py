"""Malformed answers at the prompts: explained and asked again, never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from scripted_user import shown_code, totp_now


@pytest.mark.parametrize("blank", ["", "   "])
def test_empty_confirmation_code_is_asked_again(play: Any, nothing_left: None, blank: str) -> None:
    result = play(answers={"Confirmation code": [blank, shown_code]})

    assert result.status == 0, result.err
    assert "Parameter validation failed" not in result.out + result.err
    assert sum("Confirmation code" in p for p in result.user.prompts) == 2


@pytest.mark.parametrize("answer", ["123", "1234567", "12a456", "abcdef"])
def test_malformed_setup_code_is_explained_and_asked_again(
    play: Any, nothing_left: None, answer: str
) -> None:
    result = play(answers={"authenticator app": [answer, totp_now, totp_now]})

    assert result.status == 0, result.err
    assert "Parameter validation failed" not in result.out + result.err
    assert "6 digits" in result.out
    assert sum("authenticator app" in p for p in result.user.prompts) == 3


@pytest.mark.parametrize("bad_name", ["ana smith", "x" * 200])
def test_invalid_user_name_is_explained_and_asked_again(
    play: Any, nothing_left: None, bad_name: str
) -> None:
    result = play(answers={"User name": [bad_name, "ana-ok-name"], "E-mail": ["", ""]})

    assert result.status == 0, result.err
    assert "!! Cognito refused the user name" in result.out
    assert sum("User name" in p for p in result.user.prompts) == 2
    assert "Signed up ana-ok-name" in result.out


def test_invalid_email_is_explained_and_asked_again(play: Any, nothing_left: None) -> None:
    result = play(answers={"E-mail": ["not-an-e-mail", ""]})

    assert result.status == 0, result.err
    assert "!! Cognito refused the e-mail address: Invalid email address format." in result.out
    assert sum("E-mail" in p for p in result.user.prompts) == 2
