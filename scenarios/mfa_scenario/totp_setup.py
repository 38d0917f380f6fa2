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

import pyotp
import segno

ISSUER = "CognitoMfaScenario"
"""The name the authenticator app shows above the code."""


def group_setup_key(secret: str, size: int = 4) -> str:
    """The secret in groups of ``size`` characters, easier to read and type: ``ABCD EFGH ...``."""
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))


def otpauth_uri(secret: str, username: str, issuer: str = ISSUER) -> str:
    """The Key Uri Format URI an authenticator app scans: otpauth://totp/ISSUER:USER?..."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


@functools.lru_cache(maxsize=4)
def _qr(uri: str) -> segno.QRCode:
    return segno.make(uri, error="m", micro=False)


def draw_qr(uri: str, out: TextIO) -> None:
    """Draw the QR code of ``uri`` with text characters, for a phone to scan off the screen."""
    qr = _qr(uri)
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        "\u2580\u2584\u2588".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        _draw_ascii(qr, out)
        return
    qr.terminal(out=out, compact=True, border=2)


def _draw_ascii(qr: segno.QRCode, out: TextIO) -> None:
    """Two characters a module, for consoles without block characters."""
    for row in qr.matrix_iter(border=2):
        out.write("".join("##" if dark else "  " for dark in row) + "\n")


def write_qr_png(uri: str, folder: Path | None = None) -> Path:
    """Write the QR code of ``uri`` as a PNG only the current user can read; return its path.

    The image holds the TOTP secret, so it goes into a fresh private folder (``0o700``) and
    the file itself is created ``0o600``. Delete it (:func:`remove_qr_png`) when done.
    """
    folder = folder or Path(tempfile.mkdtemp(prefix="cognito-mfa-qr-"))
    path = folder / "totp-qr.png"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        _qr(uri).save(file, kind="png", scale=8, border=4)
    return path


def remove_qr_png(path: Path) -> None:
    """Delete the QR image and its private folder (if it is empty then)."""
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty, or gone already: leave it
        path.parent.rmdir()
