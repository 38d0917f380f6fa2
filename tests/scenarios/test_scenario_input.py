# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Malformed answers at the prompts: explained and asked again, never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from scripted_user import shown_code, totp_now
from spec_harness import Transcript


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


def test_a_long_user_name_keeps_every_line_within_80_columns(play: Any, nothing_left: None) -> None:
    long_name = "ana-" + "x" * 120  # Cognito allows 128 characters

    result = play(answers={"User name": [long_name]})

    assert result.status == 0, result.err
    printed = result.out.replace(f"]: {long_name}\n", "]: \n")  # what the person typed
    transcript = Transcript(printed)
    transcript.check_width()  # the user list, the e-mail, the account label: wrapped or cut
    transcript.check_qr()  # the QR code still fits 21 lines, with the user name cut in it
    assert "E-mail address [Enter: the default above]: " in result.user.prompts
    assert f"{long_name}@example.com" in "".join(result.out.split())  # cut, not lost
