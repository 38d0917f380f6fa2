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
    draw_qr,
    group_setup_key,
    otpauth_uri,
    remove_qr_png,
    write_qr_png,
)
from PIL import Image

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


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


def test_terminal_qr_uses_block_characters_or_falls_back_to_ascii() -> None:
    unicode_out = io.StringIO()
    draw_qr(otpauth_uri(SECRET, "ana"), unicode_out)
    assert "\u2588" in unicode_out.getvalue()

    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    draw_qr(otpauth_uri(SECRET, "ana"), ascii_out)
    ascii_out.seek(0)
    assert "##" in ascii_out.read()


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
