# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""A user pool's keys: the RSA keys its ID and access tokens are signed with, and the key its
refresh tokens are sealed with.

Like Cognito, each pool has two RSA key pairs of its own, one for ID tokens and one for access
tokens, and publishes both public halves in its JWKS; so a token of one pool never verifies
against another pool's keys, and an ID token never passes for an access token. The keys are
made when the pool first needs them (~0.1 s of RSA maths each) and live as long as the pool.

A refresh token is opaque to clients, as Cognito's (an encrypted JWE there): here a Fernet
token (AES and HMAC, from ``cryptography``) sealed with the pool's own symmetric key, holding
which sign-in it renews and until when. The emulator can so tell a revoked or expired refresh
token from one it never issued without keeping either.
"""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

import jwt
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.asymmetric import rsa

ID, ACCESS = "id", "access"
"""The two kinds of JWT a pool signs (their ``token_use`` claim)."""


class _SigningKey:
    """One RSA key pair and its ``kid``."""

    def __init__(self) -> None:
        self.kid = uuid.uuid4().hex
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.public = self.private.public_key()

    def jwk(self) -> dict[str, Any]:
        key = jwt.algorithms.RSAAlgorithm.to_jwk(self.public, as_dict=True)
        key.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
        return key


class PoolKeys:
    """The keys of one user pool, each made on first use (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._signing: dict[str, _SigningKey] = {}
        self._sealing: Fernet | None = None

    def _key(self, token_use: str) -> _SigningKey:
        with self._lock:
            key = self._signing.get(token_use)
            if key is None:
                key = self._signing[token_use] = _SigningKey()
            return key

    def sign(self, claims: dict[str, Any], token_use: str) -> str:
        """An RS256 JWT of ``claims`` signed with the ``token_use`` key; its header holds only
        ``kid`` and ``alg``, as Cognito's."""
        key = self._key(token_use)
        return jwt.encode(
            claims,
            key.private,
            algorithm="RS256",
            headers={"kid": key.kid, "typ": None},
            sort_headers=False,
        )

    def verified_claims(self, token: str, token_use: str) -> dict[str, Any]:
        """The claims of a JWT signed with this pool's ``token_use`` key; ``jwt.PyJWTError``
        otherwise (another pool's token, the other kind of token, a forged or mangled one).

        Expiry is not checked here: the emulator checks it against its own clock.
        """
        claims: dict[str, Any] = jwt.decode(
            token,
            self._key(token_use).public,
            algorithms=["RS256"],
            options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
        )
        return claims

    def jwks(self) -> dict[str, Any]:
        """The JSON Web Key Set: the public halves of the ID-token and access-token keys."""
        return {"keys": [self._key(ID).jwk(), self._key(ACCESS).jwk()]}

    def _fernet(self) -> Fernet:
        with self._lock:
            if self._sealing is None:
                self._sealing = Fernet(Fernet.generate_key())
            return self._sealing

    def seal(self, contents: dict[str, Any]) -> str:
        """An opaque token holding ``contents`` (JSON), readable only with this pool's key."""
        data = json.dumps(contents, separators=(",", ":")).encode()
        return self._fernet().encrypt(data).decode("ascii")

    def unseal(self, token: str) -> dict[str, Any] | None:
        """What :meth:`seal` put in ``token``; None for anything this pool did not seal."""
        try:
            data = self._fernet().decrypt(token.encode("ascii"))
            contents = json.loads(data)
        except (InvalidToken, UnicodeEncodeError, ValueError):
            return None
        return contents if isinstance(contents, dict) else None


def unverified_claims(token: str) -> dict[str, Any] | None:
    """The claims of a JWT read without checking anything (to find the pool that issued it);
    None when ``token`` is not a JWT at all."""
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    return claims if isinstance(claims, dict) else None
