# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""SRP sign-in checked for real, where moto returns a fixed challenge and accepts any proof.

USER_SRP_AUTH answers PASSWORD_VERIFIER with ``SRP_B``, ``SALT`` and ``SECRET_BLOCK``
computed from the user's password verifier, and the ``PASSWORD_CLAIM_SIGNATURE`` is checked
(:mod:`cognito_emulator.srp` does the maths). Remembered devices answer DEVICE_SRP_AUTH /
DEVICE_PASSWORD_VERIFIER against the verifier stored by ConfirmDevice.

Like :mod:`~cognito_emulator.signin`, these are steps of the sign-in flows
(:mod:`~cognito_emulator.auth` calls them), functions of a backend.
"""

from __future__ import annotations

from typing import Any

from moto.cognitoidp.models import (
    CognitoIdpUser,
    CognitoIdpUserPool,
    CognitoIdpUserPoolClient,
    UserStatus,
)

from cognito_emulator import srp
from cognito_emulator.backend_base import INCORRECT_PASSWORD, BackendBase
from cognito_emulator.devices import remembered_device
from cognito_emulator.exceptions import (
    InvalidParameterException,
    NotAuthorizedException,
    ResourceNotFoundException,
    UserNotConfirmedException,
)
from cognito_emulator.signin import after_password, signed_in
from cognito_emulator.state import AuthSession

_CLAIM_PARAMETERS = ("PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP")


def _require_claim(responses: dict[str, str]) -> None:
    """A PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER answer must carry the whole claim."""
    for name in _CLAIM_PARAMETERS:
        if not responses.get(name):
            raise InvalidParameterException(f"Missing required parameter {name}")


def _claim_holds(
    challenge: srp.SrpChallenge, key_prefix: str, user_id: str, responses: dict[str, str]
) -> bool:
    """Whether the client's claim proves it knows the password (user) or device password."""
    return challenge.claim_is_valid(
        key_prefix,
        user_id,
        responses["PASSWORD_CLAIM_SECRET_BLOCK"],
        responses["TIMESTAMP"],
        responses["PASSWORD_CLAIM_SIGNATURE"],
    )


def start_user_srp(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    params: dict[str, str],
) -> dict[str, Any]:
    """USER_SRP_AUTH: the PASSWORD_VERIFIER challenge from the user's password verifier."""
    srp_a = params.get("SRP_A")
    if not srp_a:
        raise InvalidParameterException("Missing required parameter SRP_A")
    if user.status == UserStatus.UNCONFIRMED:
        raise UserNotConfirmedException("User is not confirmed.")
    salt = srp.new_salt()
    user_id_for_srp = user.username
    pool_name = pool.id.split("_", 1)[-1]
    verifier = srp.user_verifier(pool_name, user_id_for_srp, str(user.password or ""), salt)
    try:
        challenge = srp.SrpChallenge.start(verifier, srp_a, salt)
    except ValueError as exc:
        raise InvalidParameterException(f"Invalid SRP_A: {exc}") from None
    session = backend.new_session(
        pool,
        client,
        user.username,
        "PASSWORD_VERIFIER",
        srp=challenge,
        user_id_for_srp=user_id_for_srp,
        device_key=params.get("DEVICE_KEY"),
    )
    return {
        "ChallengeName": "PASSWORD_VERIFIER",
        "Session": session.id,
        "ChallengeParameters": {
            "SALT": challenge.salt_hex,
            "SRP_B": challenge.srp_b_hex,
            "SECRET_BLOCK": challenge.secret_block_b64,
            "USER_ID_FOR_SRP": user_id_for_srp,
            "USERNAME": user.username,
        },
    }


def password_verifier(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    session: AuthSession,
    responses: dict[str, str],
) -> dict[str, Any]:
    """PASSWORD_VERIFIER: check the claim, then what a right password leads to."""
    _require_claim(responses)
    assert session.srp is not None
    valid = _claim_holds(session.srp, pool.id.split("_", 1)[-1], session.user_id_for_srp, responses)
    backend.auth_sessions.drop(session)
    if not valid:
        raise NotAuthorizedException(INCORRECT_PASSWORD)
    device_key = responses.get("DEVICE_KEY") or session.device_key
    return after_password(backend, pool, client, user, device_key)


def device_srp_auth(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    session: AuthSession,
    responses: dict[str, str],
) -> dict[str, Any]:
    """DEVICE_SRP_AUTH: the DEVICE_PASSWORD_VERIFIER challenge from the device's verifier."""
    device_key = responses.get("DEVICE_KEY")
    srp_a = responses.get("SRP_A")
    if not device_key:
        raise InvalidParameterException("Missing required parameter DEVICE_KEY")
    if not srp_a:
        raise InvalidParameterException("Missing required parameter SRP_A")
    device = remembered_device(backend.state_of(user), device_key)
    if device is None or device.key != session.device_key:
        raise ResourceNotFoundException("Device does not exist.")
    assert device.verifier is not None and device.salt is not None
    try:
        challenge = srp.SrpChallenge.start(device.verifier, srp_a, device.salt)
    except ValueError as exc:
        raise InvalidParameterException(f"Invalid SRP_A: {exc}") from None
    backend.auth_sessions.drop(session)
    new = backend.new_session(
        pool,
        client,
        user.username,
        "DEVICE_PASSWORD_VERIFIER",
        srp=challenge,
        device_key=device.key,
    )
    return {
        "ChallengeName": "DEVICE_PASSWORD_VERIFIER",
        "Session": new.id,
        "ChallengeParameters": {
            "USERNAME": user.username,
            "DEVICE_KEY": device.key,
            "SALT": challenge.salt_hex,
            "SRP_B": challenge.srp_b_hex,
            "SECRET_BLOCK": challenge.secret_block_b64,
        },
    }


def device_password_verifier(
    backend: BackendBase,
    pool: CognitoIdpUserPool,
    client: CognitoIdpUserPoolClient,
    user: CognitoIdpUser,
    session: AuthSession,
    responses: dict[str, str],
) -> dict[str, Any]:
    """DEVICE_PASSWORD_VERIFIER: check the device's claim, then tokens."""
    _require_claim(responses)
    device = remembered_device(backend.state_of(user), session.device_key)
    backend.auth_sessions.drop(session)
    if device is None or session.srp is None:
        raise ResourceNotFoundException("Device does not exist.")
    if responses.get("DEVICE_KEY") and responses["DEVICE_KEY"] != device.key:
        raise NotAuthorizedException(INCORRECT_PASSWORD)
    valid = _claim_holds(session.srp, device.group_key, device.key, responses)
    if not valid:
        raise NotAuthorizedException(INCORRECT_PASSWORD)
    return signed_in(backend, pool, client, user, device.key, device_authenticated=True)
