# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The server side of Amazon Cognito's Secure Remote Password (SRP-6a) variant.

Pure maths: no moto, no HTTP. The emulator uses it for the ``USER_SRP_AUTH`` /
``PASSWORD_VERIFIER`` and ``DEVICE_SRP_AUTH`` / ``DEVICE_PASSWORD_VERIFIER`` challenges.
The group constants and the hashing helpers come from ``pycognito.aws_srp``, the client this
module must agree with (Amplify's ``AuthenticationHelper`` computes the same values).

Cognito's variant of SRP-6a, as a client computes it:

* group: the 3072-bit prime ``N`` of RFC 5054 with ``g = 2``; ``H`` is SHA-256;
* every big number is hashed as its *padded hex* form (``pad_hex``): lowercase hex without
  leading zeros, one ``0`` added to an odd length, ``00`` added when the first hex digit is
  8-f (so the value reads as a positive two's-complement number);
* ``k = H(pad(N) | pad(g))`` and ``u = H(pad(A) | pad(B))``;
* user passwords: ``x = H(pad(salt) | H(pool_name + username + ":" + password))`` where
  ``pool_name`` is the part of the user-pool id after ``_`` and ``username`` the
  ``USER_ID_FOR_SRP`` challenge parameter; the inner hash is taken as 64 hex digits;
* device passwords: ``x = H(pad(salt) | H(device_group_key + device_key + ":" + password))``;
  the client computes the verifier ``g^x mod N`` itself and registers it with ConfirmDevice;
* ``S = (A * v^u)^b mod N`` on the server, ``key = HKDF-SHA256(ikm=pad(S), salt=pad(u),
  info="Caldera Derived Key" || 0x01)`` truncated to 16 bytes;
* the claim: ``HMAC-SHA256(key, key_prefix + user_id + secret_block + timestamp)``, base64,
  where ``key_prefix`` is the pool name (user SRP) or the device group key (device SRP) and
  ``user_id`` the ``USER_ID_FOR_SRP`` (user SRP) or the device key (device SRP).

Salts. Clients read the ``SALT`` challenge parameter differently: pycognito pads the hex
string it receives, Amplify parses it as a number first (dropping leading zero bytes). Both
agree when the salt is sent in its canonical padded-hex form, so this module always hashes
and hands out ``pad_hex(int(salt))``. A salt whose first byte is ``0x00`` is therefore hashed
without that byte; :func:`new_salt` never produces one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field

from pycognito.aws_srp import G_HEX, N_HEX, calculate_u, compute_hkdf, hex_to_long, pad_hex

__all__ = [
    "G",
    "K",
    "N",
    "SrpChallenge",
    "device_verifier",
    "new_salt",
    "user_verifier",
]

N: int = hex_to_long(N_HEX)
G: int = hex_to_long(G_HEX)
K: int = int(hashlib.sha256(bytes.fromhex(pad_hex(N) + pad_hex(G))).hexdigest(), 16)

SECRET_BLOCK_BYTES = 96
"""Length of the random secret block handed out with each challenge (Cognito's is opaque)."""

_B_BITS = 256
"""Size of the server's secret exponent b: 256 bits give the 128-bit security of the 3072-bit
group (NIST SP 800-56A) and keep each round to a few milliseconds of modular exponentiation."""

_HEX = re.compile(r"[0-9a-fA-F]+")
_B64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def _hash_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _padded_bytes(value: int) -> bytes:
    return bytes.fromhex(pad_hex(value))


def _canonical_salt_hex(salt: bytes) -> str:
    return str(pad_hex(int.from_bytes(salt, "big")))


def _b64decode(text: str) -> bytes:
    """Strict standard base64 (with padding); raises ``ValueError`` on anything else."""
    if not isinstance(text, str) or len(text) % 4 or not _B64.fullmatch(text):
        raise ValueError("not base64")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ValueError("not base64") from exc


def _verifier(salt: bytes, identity_hash_hex: str) -> int:
    x = int(_hash_hex(bytes.fromhex(_canonical_salt_hex(salt) + identity_hash_hex)), 16)
    return pow(G, x, N)


def new_salt(nbytes: int = 16) -> bytes:
    """Random salt bytes whose first byte is never zero (see the module docstring)."""
    return bytes([secrets.randbelow(255) + 1]) + secrets.token_bytes(nbytes - 1)


def user_verifier(pool_name: str, username: str, password: str, salt: bytes) -> int:
    """The password verifier ``v = g^x mod N`` of a user.

    :param pool_name: the part of the user-pool id after ``_`` (``us-east-1_AbC`` -> ``AbC``).
    :param username: the user's ``USER_ID_FOR_SRP`` (what the client hashes).
    :param password: the user's password.
    :param salt: the user's salt; handed out later as :attr:`SrpChallenge.salt_hex`.
    """
    identity = _hash_hex(f"{pool_name}{username}:{password}".encode())
    return _verifier(salt, identity)


def device_verifier(password_verifier_b64: str, salt_b64: str) -> tuple[int, bytes]:
    """Decode ConfirmDevice's ``DeviceSecretVerifierConfig`` into ``(verifier, salt bytes)``.

    :raises ValueError: when either value is not base64, is empty, or the verifier is
        ``0 mod N`` (it could never prove anything).
    """
    verifier_bytes = _b64decode(password_verifier_b64)
    salt = _b64decode(salt_b64)
    if not verifier_bytes or not salt:
        raise ValueError("empty PasswordVerifier or Salt")
    verifier = int.from_bytes(verifier_bytes, "big")
    if verifier % N == 0:
        raise ValueError("PasswordVerifier is 0 mod N")
    return verifier, salt


@dataclass(frozen=True)
class SrpChallenge:
    """One server round of SRP: the values handed out and what is needed to check the claim.

    Create it with :meth:`start`; send ``srp_b_hex`` (``SRP_B``), ``salt_hex`` (``SALT``) and
    ``secret_block_b64`` (``SECRET_BLOCK``) to the client, keep the object, and check the
    client's answer with :meth:`claim_is_valid`.
    """

    srp_b_hex: str
    salt_hex: str
    secret_block_b64: str
    _key: bytes = field(repr=False)
    _secret_block: bytes = field(repr=False)

    @classmethod
    def start(cls, verifier: int, srp_a_hex: str, salt: bytes) -> SrpChallenge:
        """Answer the client's ``SRP_A`` for the password (or device) ``verifier``.

        :raises ValueError: when ``srp_a_hex`` is not hexadecimal or ``A % N == 0``.
        """
        if not isinstance(srp_a_hex, str) or not _HEX.fullmatch(srp_a_hex):
            raise ValueError("SRP_A is not a hexadecimal number")
        big_a = int(srp_a_hex, 16)
        if big_a % N == 0:
            raise ValueError("SRP_A is 0 mod N")
        while True:
            small_b = secrets.randbits(_B_BITS) | 1 << (_B_BITS - 1)
            big_b = (K * verifier + pow(G, small_b, N)) % N
            if big_b == 0:
                continue
            u = calculate_u(big_a, big_b)
            if u != 0:  # the client refuses u == 0; pick another b (astronomically rare)
                break
        s = pow(big_a * pow(verifier, u, N), small_b, N)
        key = compute_hkdf(_padded_bytes(s), _padded_bytes(u))
        secret_block = secrets.token_bytes(SECRET_BLOCK_BYTES)
        return cls(
            srp_b_hex=f"{big_b:x}",
            salt_hex=_canonical_salt_hex(salt),
            secret_block_b64=base64.b64encode(secret_block).decode("ascii"),
            _key=bytes(key),
            _secret_block=secret_block,
        )

    def claim_is_valid(
        self,
        key_prefix: str,
        user_id: str,
        secret_block_b64: str,
        timestamp: str,
        signature_b64: str,
    ) -> bool:
        """Whether ``PASSWORD_CLAIM_SIGNATURE`` proves knowledge of the password.

        User SRP: ``key_prefix`` is the pool name, ``user_id`` the ``USER_ID_FOR_SRP``.
        Device SRP: ``key_prefix`` is the device group key, ``user_id`` the device key.
        Never raises: a malformed signature, a secret block other than the one handed out
        or non-string arguments give ``False``. The timestamp's format and age are the
        caller's concern; here it only has to be the one that was signed.
        """
        args = (key_prefix, user_id, secret_block_b64, timestamp, signature_b64)
        if not all(isinstance(arg, str) for arg in args):
            return False
        try:
            secret_block = _b64decode(secret_block_b64)
            signature = _b64decode(signature_b64)
            message = (
                key_prefix.encode("utf-8")
                + user_id.encode("utf-8")
                + secret_block
                + timestamp.encode("utf-8")
            )
        except (ValueError, UnicodeError):
            return False
        block_ok = hmac.compare_digest(secret_block, self._secret_block)
        expected = hmac.new(self._key, message, hashlib.sha256).digest()
        signature_ok = hmac.compare_digest(signature, expected)
        return block_ok and signature_ok
