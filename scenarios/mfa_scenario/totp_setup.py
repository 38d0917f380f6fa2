# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The authenticator-app side of TOTP set-up: the setup key, its otpauth:// URI and a QR code.

Authenticator apps (Google Authenticator, Microsoft Authenticator, 1Password, Authy...)
accept the secret that AssociateSoftwareToken returns in two ways: typed in as a *setup key*
or scanned as a QR code of an ``otpauth://totp/ISSUER:USER?secret=...&issuer=ISSUER`` URI
(the Key Uri Format). Cognito's codes are the defaults of that format: SHA-1, 6 digits, 30 s.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path
from typing import TextIO
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pyotp
import segno

ISSUER = "Cognito"
"""The name the authenticator app shows above the code (short: it is in the QR code twice)."""
MAX_QR_LINES = 21
"""Terminal lines the QR code may take, so that the setup key, the QR code and the prompt for
the first code fit on one 80x24 screen (two modules a line, in height, border included)."""
QR_BORDER = 2
"""Quiet zone in modules around the terminal QR code (the standard asks 4; phones read 2)."""


def group_setup_key(secret: str, size: int = 4) -> str:
    """The secret in groups of ``size`` characters, easier to read and type: ``ABCD EFGH ...``."""
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))


def otpauth_uri(
    secret: str, username: str, issuer: str = ISSUER, *, issuer_parameter: bool = True
) -> str:
    """The Key Uri Format URI an authenticator app scans: otpauth://totp/ISSUER:USER?secret=...

    With ``issuer_parameter`` it ends in ``&issuer=ISSUER`` too, as the format recommends;
    without, the ``ISSUER:`` prefix of the label alone names the issuer (shorter).
    """
    uri = pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)
    if issuer_parameter:
        return uri
    parts = urlsplit(uri)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "issuer"]
    return urlunsplit(parts._replace(query=urlencode(query)))


def qr_lines(qr: segno.QRCode) -> int:
    """Terminal lines :func:`draw_qr` takes for ``qr`` (two modules a line)."""
    _, height = qr.symbol_size(border=QR_BORDER)
    return int(height + 1) // 2


def compact_qr(secret: str, username: str) -> tuple[str, segno.QRCode]:
    """The most complete otpauth:// URI whose QR code fits in :data:`MAX_QR_LINES`, and its QR.

    Tried in turn: the full URI; without the ``issuer`` parameter; with the user name in the
    label cut shorter and shorter (a long user name). Low error correction (L, raised by segno
    when the size allows) keeps the code small: a screen is a clean surface to scan.
    """
    candidates = [
        otpauth_uri(secret, username),
        otpauth_uri(secret, username, issuer_parameter=False),
    ]
    candidates += [
        otpauth_uri(secret, username[:length], issuer_parameter=False)
        for length in range(len(username) - 1, 0, -1)
    ]
    for uri in candidates:
        qr = _qr(uri)
        if qr_lines(qr) <= MAX_QR_LINES:
            return uri, qr
    raise ValueError(f"a {len(secret)}-character secret makes too big a QR code for a terminal")


@functools.lru_cache(maxsize=64)
def _qr(uri: str) -> segno.QRCode:
    return segno.make(uri, error="l", micro=False)


def can_draw_qr(out: TextIO) -> bool:
    """Whether ``out`` can show the half-block characters :func:`draw_qr` draws with."""
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        "\u2580\u2584\u2588".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def draw_qr(qr: segno.QRCode, out: TextIO) -> None:
    """Draw ``qr`` for a phone to scan off the screen, with half blocks: two modules a
    character cell, in height (check :func:`can_draw_qr` first)."""
    qr.terminal(out=out, compact=True, border=QR_BORDER)


def write_qr_png(uri: str, folder: Path | None = None) -> Path:
    """Write the QR code of ``uri`` as a PNG only the current user can read; return its path.

    The image holds the TOTP secret, so it goes into a fresh private folder (``0o700``) and
    the file itself is created ``0o600``. Delete it (:func:`remove_qr_png`) when done.
    """
    folder = folder or Path(tempfile.mkdtemp(prefix="cognito-mfa-qr-"))
    path = folder / "totp-qr.png"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        segno.make(uri, error="m", micro=False).save(file, kind="png", scale=8, border=4)
    return path


def remove_qr_png(path: Path) -> None:
    """Delete the QR image and its private folder (if it is empty then)."""
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty, or gone already: leave it
        path.parent.rmdir()
