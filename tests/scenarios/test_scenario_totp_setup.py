# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The setup key, the otpauth:// URI and the QR code an authenticator app scans."""

from __future__ import annotations

import io
import re
import stat
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import pyotp
import pytest
import zxingcpp
from mfa_scenario.totp_setup import (
    ISSUER,
    MAX_QR_LINES,
    can_draw_qr,
    compact_qr,
    draw_qr,
    group_setup_key,
    otpauth_uri,
    qr_lines,
    remove_qr_png,
    write_qr_png,
)
from PIL import Image
from scripted_user import totp_now
from spec_harness import SETUP_KEY, Transcript, decode_terminal_qr

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
LONG_SECRET = pyotp.random_base32(52)  # Cognito's secrets may be this long


def decode_qr(path: Path) -> str:
    with Image.open(path) as image:
        barcodes = zxingcpp.read_barcodes(image.convert("L"))
    assert len(barcodes) == 1
    return str(barcodes[0].text)


def assert_totp_uri(uri: str, secret: str, username: str) -> None:
    """The Key Uri Format: otpauth://totp/ISSUER:USER?secret=...&issuer=ISSUER."""
    parsed = urlparse(uri)
    assert (parsed.scheme, parsed.netloc) == ("otpauth", "totp")
    assert unquote(parsed.path) == f"/{ISSUER}:{username}"
    query = parse_qs(parsed.query)
    assert query["secret"] == [secret] and query["issuer"] == [ISSUER]
    totp = pyotp.parse_uri(uri)
    assert isinstance(totp, pyotp.TOTP)
    assert (totp.secret, totp.issuer, totp.name) == (secret, ISSUER, username)
    assert (totp.digits, totp.interval) == (6, 30)


def test_setup_key_is_grouped_for_reading() -> None:
    assert group_setup_key(SECRET) == "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP"
    assert group_setup_key("ABCDEF") == "ABCD EF"


def test_uri_is_a_totp_uri_with_the_secret_and_the_issuer() -> None:
    assert_totp_uri(otpauth_uri(SECRET, "ana"), SECRET, "ana")


def test_qr_png_decodes_to_the_uri_and_is_private(tmp_path: Path) -> None:
    uri = otpauth_uri(SECRET, "ana@example.com")

    path = write_qr_png(uri)
    try:
        assert decode_qr(path) == uri
        if sys.platform != "win32":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        remove_qr_png(path)
    assert not path.exists() and not path.parent.exists()


@pytest.mark.parametrize("secret", [SECRET, LONG_SECRET], ids=["32", "52"])
@pytest.mark.parametrize("username", ["ana", "mfa-user-1234abcd", "ana@example.com", "x" * 128])
def test_the_terminal_qr_fits_21_lines_and_a_phone_reads_it(secret: str, username: str) -> None:
    uri, qr = compact_qr(secret, username)
    out = io.StringIO()
    draw_qr(qr, out)
    lines = out.getvalue().splitlines()

    assert qr_lines(qr) == len(lines) <= MAX_QR_LINES
    assert max(len(line) for line in lines) <= 80
    assert decode_terminal_qr(lines) == uri  # zxing-cpp, as a phone's camera app
    totp = pyotp.parse_uri(uri)
    assert isinstance(totp, pyotp.TOTP) and totp.secret == secret and totp.issuer == ISSUER
    assert username.startswith(str(totp.name))  # cut only when it can't fit whole


def test_the_most_complete_uri_that_fits_is_chosen() -> None:
    uri, _ = compact_qr(SECRET, "mfa-user-1234abcd")
    assert uri == otpauth_uri(SECRET, "mfa-user-1234abcd")  # issuer parameter and label
    uri, _ = compact_qr(LONG_SECRET, "mfa-user-1234abcd")
    assert uri == otpauth_uri(LONG_SECRET, "mfa-user-1234abcd", issuer_parameter=False)
    assert uri.startswith(f"otpauth://totp/{ISSUER}:mfa-user-1234abcd?")


def test_only_block_characters_are_drawn() -> None:
    assert can_draw_qr(io.StringIO())
    assert not can_draw_qr(io.TextIOWrapper(io.BytesIO(), encoding="ascii"))


def test_the_key_qr_and_prompt_fit_on_an_80x24_screen(play: Any) -> None:
    result = play()

    assert result.status == 0, result.err
    first = next(i for i, p in enumerate(result.user.prompts) if "authenticator app" in p)
    shown = result.user.screens[first].split("\n")  # the prompt is the last line
    Transcript(result.out).check_first_code_screen(shown)
    assert max(len(line) for line in result.out.split("\n")) <= 80


def test_k_at_the_code_prompt_shows_the_key_and_qr_again(play: Any) -> None:
    result = play(answers={"authenticator app": ["k", totp_now, totp_now]})

    assert result.status == 0, result.err
    setup = result.out.split("Step 4 of 8")[1].split("Step 5 of 8")[0]
    assert len([line for line in setup.split("\n") if SETUP_KEY.match(line)]) == 2
    assert len(Transcript(setup).qr_blocks()) == 2
    assert "Type k at the code prompt to see them again" in " ".join(setup.split())


def test_a_terminal_without_block_characters_is_told_where_the_image_is(
    play: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signup_user_with_mfa as scenario

    monkeypatch.setattr(scenario, "can_draw_qr", lambda out: False)

    result = play()

    assert result.status == 0, result.err
    assert "This terminal can't draw the QR code: open the image file above." in result.out
    assert not Transcript(result.out).qr_blocks()


@pytest.mark.usefixtures("nothing_left")
def test_the_scenario_qr_decodes_to_the_setup_key_shown(play: Any) -> None:
    result = play(["--auto", "--keep"])

    assert result.status == 0, result.err
    path = result.qr_path()
    try:
        assert "Kept (--keep)" in result.out and path.exists()
        key = re.findall(r"Setup key: ([A-Z2-7 ]+)", result.out)[-1].replace(" ", "")
        username = re.search(r"User name: (\S+)", result.out)
        assert username is not None
        assert_totp_uri(decode_qr(path), key, username.group(1))
    finally:
        remove_qr_png(path)
