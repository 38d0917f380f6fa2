"""The RSA key ID and access tokens are signed with, and the JWKS that publishes it.

One 2048-bit key per process, made on first use (every pool's JWKS publishes it; a token is
accepted only by the emulator that issued it, which keeps a record of it).
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

KID = uuid.uuid4().hex
"""The ``kid`` of the process's signing key."""

_lock = threading.Lock()
_key: rsa.RSAPrivateKey | None = None


def signing_key() -> rsa.RSAPrivateKey:
    """The process's signing key (generated once, ~0.1 s)."""
    global _key
    with _lock:
        if _key is None:
            _key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return _key


def sign(claims: dict[str, Any]) -> str:
    """An RS256 JWT of ``claims`` with the key's ``kid``."""
    return jwt.encode(claims, signing_key(), algorithm="RS256", headers={"kid": KID})


def verified_claims(token: str) -> dict[str, Any]:
    """The claims of a token this process signed; ``jwt.PyJWTError`` if it did not.

    Expiry is not checked here: the emulator checks it against its own clock.
    """
    claims: dict[str, Any] = jwt.decode(
        token,
        signing_key().public_key(),
        algorithms=["RS256"],
        options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
    )
    return claims


def jwks() -> dict[str, Any]:
    """The JSON Web Key Set publishing the public half of the key."""
    key = jwt.algorithms.RSAAlgorithm.to_jwk(signing_key().public_key(), as_dict=True)
    key.update({"kid": KID, "alg": "RS256", "use": "sig"})
    return {"keys": [key]}
