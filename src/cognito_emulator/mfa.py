# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""TOTP MFA as Cognito does it, where moto accepts any code.

AssociateSoftwareToken (with an access token or an MFA_SETUP session) returns a fresh random
secret each time; VerifySoftwareToken and the SOFTWARE_TOKEN_MFA challenge check RFC 6238
codes with one step of drift, each code once (a code used, or an earlier one, is refused:
ExpiredCodeException). Which challenge a sign-in gets: MFA_SETUP for users without an
authenticator on MFA ON pools, SOFTWARE_TOKEN_MFA for users with one (OPTIONAL pools follow
the user's preference). SMS MFA is not emulated.
"""

from __future__ import annotations

import re

import pyotp
from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool

from cognito_emulator.backend_base import BackendBase
from cognito_emulator.exceptions import (
    EnableSoftwareTokenMFAException,
    ExpiredCodeException,
    InvalidParameterException,
    NotAuthorizedException,
)
from cognito_emulator.sessions import INVALID_SESSION
from cognito_emulator.state import AuthSession, UserState
from cognito_emulator.text import same_secret

_SIX_ASCII_DIGITS = re.compile(r"[0-9]{6}")

MAX_MFA_ATTEMPTS = 5
"""Wrong MFA codes accepted in one session before the session is dropped."""
TOTP_USED = "Your software token has already been used once."
"""Cognito's message (ExpiredCodeException) for a TOTP code used already."""


def totp_step(secret: str, code: str, now: float) -> int | None:
    """The time step (``now``'s, or one either side) whose code ``code`` is, or None (only
    six ASCII digits can be a code: full-width or superscript digits are not)."""
    if not isinstance(code, str) or not _SIX_ASCII_DIGITS.fullmatch(code):
        return None
    totp = pyotp.TOTP(secret)
    current = int(now) // totp.interval
    for step in (current - 1, current, current + 1):
        if same_secret(totp.generate_otp(step), code):
            return step
    return None


def accept_totp(state: UserState, secret: str, code: str, now: float) -> bool:
    """Whether ``code`` is a right code of ``secret`` at ``now`` that was not used yet.

    RFC 6238 (section 5.2): once a code is accepted, neither it nor any code of an earlier
    time step of the same secret is accepted again; such a code raises ExpiredCodeException
    with Cognito's message. Accepting a code remembers its step.
    """
    step = totp_step(secret, code, now)
    if step is None:
        return False
    last = state.totp_last_step
    if last is not None and last[0] == secret and step <= last[1]:
        raise ExpiredCodeException(TOTP_USED)
    state.totp_last_step = (secret, step)
    return True


def mfa_challenge(pool: CognitoIdpUserPool, user: CognitoIdpUser, state: UserState) -> str | None:
    """Which MFA challenge (if any) a sign-in of ``user`` must answer after the first factor."""
    totp_ready = state.totp_secret is not None
    totp_allowed = bool((pool.token_mfa_config or {}).get("Enabled"))
    if pool.mfa_config == "ON":
        if totp_ready and totp_allowed:
            return "SOFTWARE_TOKEN_MFA"
        if totp_allowed:
            return "MFA_SETUP"
        return None  # SMS MFA is not emulated
    optional_on = pool.mfa_config == "OPTIONAL" and user.software_token_mfa_enabled
    if optional_on and totp_ready and totp_allowed:
        return "SOFTWARE_TOKEN_MFA"
    return None


class MfaMixin(BackendBase):
    """AssociateSoftwareToken, VerifySoftwareToken and the MFA preferences."""

    def _user_for_token_or_session(
        self, access_token: str | None, session_id: str | None
    ) -> tuple[CognitoIdpUserPool, CognitoIdpUser, AuthSession | None]:
        if access_token:
            pool, user, _ = self.resolve_access_token(access_token)
            return pool, user, None
        if session_id:
            session = self.get_session(session_id)
            if session.challenge != "MFA_SETUP":
                raise NotAuthorizedException(INVALID_SESSION)
            pool = self.user_pools[session.pool_id]
            user = pool._get_user(session.username)
            if user is None:
                raise NotAuthorizedException(INVALID_SESSION)
            return pool, user, session
        raise InvalidParameterException("Either AccessToken or Session must be provided.")

    def associate_software_token(
        self, access_token: str | None, session: str | None
    ) -> dict[str, str]:
        pool, user, auth = self._user_for_token_or_session(access_token, session)
        secret = pyotp.random_base32(32)
        self.state_of(user).pending_totp_secret = secret
        if auth is None:
            return {"SecretCode": secret}
        client = pool.clients[auth.client_id]
        self.auth_sessions.drop(auth)
        new = self.new_session(pool, client, user.username, "MFA_SETUP", device_key=auth.device_key)
        return {"SecretCode": secret, "Session": new.id}

    def verify_software_token(
        self,
        access_token: str | None,
        session: str | None,
        user_code: str,
        friendly_device_name: str | None,
    ) -> dict[str, str]:
        pool, user, auth = self._user_for_token_or_session(access_token, session)
        state = self.state_of(user)
        if state.pending_totp_secret is None:
            raise InvalidParameterException(
                "User has not associated a software token (call AssociateSoftwareToken)."
            )
        if not accept_totp(state, state.pending_totp_secret, user_code, self.now()):
            raise EnableSoftwareTokenMFAException(
                "Code mismatch and fail enable Software Token MFA"
            )
        state.totp_secret = state.pending_totp_secret
        state.pending_totp_secret = None
        state.totp_device_name = friendly_device_name or None
        user.token_verified = True
        if auth is not None or pool.mfa_config == "ON":
            user.software_token_mfa_enabled = True
            user.preferred_mfa_setting = "SOFTWARE_TOKEN_MFA"
        if auth is None:
            return {"Status": "SUCCESS"}
        client = pool.clients[auth.client_id]
        self.auth_sessions.drop(auth)
        new = self.new_session(
            pool,
            client,
            user.username,
            "MFA_SETUP",
            device_key=auth.device_key,
            totp_verified=True,
        )
        return {"Status": "SUCCESS", "Session": new.id}

    def admin_set_user_mfa_preference(
        self,
        user_pool_id: str,
        username: str,
        software_token_mfa_settings: dict[str, bool],
        sms_mfa_settings: dict[str, bool],
    ) -> None:
        user = self.admin_get_user(user_pool_id, username)
        wants_totp = bool(
            software_token_mfa_settings and software_token_mfa_settings.get("Enabled")
        )
        if wants_totp and self.state_of(user).totp_secret is None:
            raise InvalidParameterException("User has not verified software token mfa")
        if sms_mfa_settings and sms_mfa_settings.get("Enabled"):
            raise InvalidParameterException(
                "SMS MFA is not emulated by cognito-emulator; use software token MFA."
            )
        super().admin_set_user_mfa_preference(
            user_pool_id, username, software_token_mfa_settings, sms_mfa_settings
        )

    def set_user_mfa_preference(
        self,
        access_token: str,
        software_token_mfa_settings: dict[str, bool],
        sms_mfa_settings: dict[str, bool],
    ) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        self.admin_set_user_mfa_preference(
            pool.id, user.username, software_token_mfa_settings, sms_mfa_settings
        )
