# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The auth flows: InitiateAuth / AdminInitiateAuth and (Admin)RespondToAuthChallenge.

moto's own flows are replaced: the client's ExplicitAuthFlows are enforced, passwords and
SECRET_HASH are checked, refresh tokens are checked against revocation, and each challenge
answer (PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, SOFTWARE_TOKEN_MFA,
MFA_SETUP, NEW_PASSWORD_REQUIRED) must match its live session.
"""

from __future__ import annotations

from typing import Any

from moto.cognitoidp.models import (
    AuthFlow,
    CognitoIdpUserPool,
    CognitoIdpUserPoolClient,
    UserStatus,
)

from cognito_emulator import signin, srp_auth
from cognito_emulator.backend_base import INCORRECT_PASSWORD, BackendBase, rotation_grace
from cognito_emulator.exceptions import (
    CodeMismatchException,
    InvalidParameterException,
    NotAuthorizedException,
    SoftwareTokenMFANotFoundException,
)
from cognito_emulator.mfa import MAX_MFA_ATTEMPTS, accept_totp
from cognito_emulator.sessions import INVALID_SESSION
from cognito_emulator.text import same_secret


def hides_missing_users(client: CognitoIdpUserPoolClient) -> bool:
    """PreventUserExistenceErrors ENABLED: a sign-in as a user who doesn't exist answers like a
    wrong password, so callers can't learn which user names exist (LEGACY, the API default,
    answers UserNotFoundException)."""
    return client.extended_config.get("PreventUserExistenceErrors") == "ENABLED"


class AuthMixin(BackendBase):
    """Starting a sign-in (password, SRP, refresh) and answering its challenges."""

    def _validate_auth_flow(self, auth_flow: str, valid_flows: list[AuthFlow]) -> AuthFlow:
        """The flow, if this operation takes it (USER_PASSWORD_AUTH is InitiateAuth's only,
        ADMIN_USER_PASSWORD_AUTH AdminInitiateAuth's only): Cognito's message ends in a full
        stop, moto's does not."""
        flow = AuthFlow.__members__.get(str(auth_flow))
        if flow is None or flow not in valid_flows:
            raise InvalidParameterException("Initiate Auth method not supported.")
        return flow

    def _check_flow_allowed(self, client: CognitoIdpUserPoolClient, flow: AuthFlow) -> None:
        allowed = client.extended_config.get("ExplicitAuthFlows") or []
        if not allowed:
            return
        names = {
            AuthFlow.USER_SRP_AUTH: {"ALLOW_USER_SRP_AUTH"},
            AuthFlow.USER_PASSWORD_AUTH: {"ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"},
            AuthFlow.ADMIN_USER_PASSWORD_AUTH: {
                "ALLOW_ADMIN_USER_PASSWORD_AUTH",
                "ADMIN_NO_SRP_AUTH",
            },
            AuthFlow.ADMIN_NO_SRP_AUTH: {"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"},
            AuthFlow.REFRESH_TOKEN_AUTH: {"ALLOW_REFRESH_TOKEN_AUTH"},
            AuthFlow.REFRESH_TOKEN: {"ALLOW_REFRESH_TOKEN_AUTH"},
            AuthFlow.CUSTOM_AUTH: {"ALLOW_CUSTOM_AUTH", "CUSTOM_AUTH_FLOW_ONLY"},
        }.get(flow, set())
        if flow in (AuthFlow.REFRESH_TOKEN_AUTH, AuthFlow.REFRESH_TOKEN):
            return  # Cognito always allows refreshing
        if not names & set(allowed):
            raise InvalidParameterException(f"{flow.value} flow not enabled for this client")

    def admin_initiate_auth(
        self,
        user_pool_id: str,
        client_id: str,
        auth_flow: str,
        auth_parameters: dict[str, str] | None,
    ) -> dict[str, Any]:
        flow = self._validate_auth_flow(
            auth_flow,
            [
                AuthFlow.ADMIN_NO_SRP_AUTH,
                AuthFlow.ADMIN_USER_PASSWORD_AUTH,
                AuthFlow.REFRESH_TOKEN_AUTH,
                AuthFlow.REFRESH_TOKEN,
            ],
        )
        client, pool = self._client_and_pool(client_id, user_pool_id)
        return self._initiate(pool, client, flow, auth_parameters or {})

    def initiate_auth(
        self, client_id: str, auth_flow: str, auth_parameters: dict[str, str] | None
    ) -> dict[str, Any]:
        flow = self._validate_auth_flow(
            auth_flow,
            [
                AuthFlow.USER_SRP_AUTH,
                AuthFlow.REFRESH_TOKEN_AUTH,
                AuthFlow.REFRESH_TOKEN,
                AuthFlow.CUSTOM_AUTH,
                AuthFlow.USER_PASSWORD_AUTH,
            ],
        )
        client, pool = self._client_and_pool(client_id)
        return self._initiate(pool, client, flow, auth_parameters or {})

    def _initiate(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        flow: AuthFlow,
        params: dict[str, str],
    ) -> dict[str, Any]:
        self._check_flow_allowed(client, flow)
        if flow in (AuthFlow.REFRESH_TOKEN_AUTH, AuthFlow.REFRESH_TOKEN):
            return self._refresh(pool, client, params)
        if flow is AuthFlow.CUSTOM_AUTH:
            raise InvalidParameterException(
                "Custom auth lambda trigger is not configured for the user pool."
            )
        username = params.get("USERNAME")
        if not username:
            raise InvalidParameterException("Missing required parameter USERNAME")
        if pool._get_user(username) is None and hides_missing_users(client):
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        user = self._user(pool, username)
        self.check_secret_hash(client, params.get("SECRET_HASH"), username, user.username)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        if flow is AuthFlow.USER_SRP_AUTH:
            return srp_auth.start_user_srp(self, pool, client, user, params)
        password = params.get("PASSWORD")
        if not password:
            raise InvalidParameterException("Missing required parameter PASSWORD")
        if user.password is None or not same_secret(str(user.password), password):
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        return signin.after_password(self, pool, client, user, params.get("DEVICE_KEY"))

    def _refresh(
        self, pool: CognitoIdpUserPool, client: CognitoIdpUserPoolClient, params: dict[str, str]
    ) -> dict[str, Any]:
        """REFRESH_TOKEN_AUTH: new ID and access tokens for the refresh token's sign-in."""
        token = params.get("REFRESH_TOKEN")
        if not token:
            raise InvalidParameterException("Missing required parameter REFRESH_TOKEN")
        if rotation_grace(client) is not None:
            raise NotAuthorizedException(
                "Refresh token rotation is enabled for this app client: renew tokens with "
                "GetTokensFromRefreshToken."
            )
        user, sign_in, _ = self.resolve_refresh_token(pool, client, token)
        self.check_secret_hash(client, params.get("SECRET_HASH"), sign_in.username, user.id)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        tokens = self.issue_tokens(pool, client, user, sign_in=sign_in)
        return {"ChallengeParameters": {}, "AuthenticationResult": tokens}

    def admin_respond_to_auth_challenge(
        self,
        session: str | None,
        client_id: str,
        challenge_name: str,
        challenge_responses: dict[str, str] | None,
        user_pool_id: str | None = None,
    ) -> dict[str, Any]:
        return self.respond_to_auth_challenge(
            session, client_id, challenge_name, challenge_responses, user_pool_id=user_pool_id
        )

    def respond_to_auth_challenge(
        self,
        session: str | None,
        client_id: str,
        challenge_name: str,
        challenge_responses: dict[str, str] | None,
        user_pool_id: str | None = None,
    ) -> dict[str, Any]:
        return self._respond(
            session, client_id, challenge_name, challenge_responses or {}, user_pool_id
        )

    def _respond(
        self,
        session_id: str | None,
        client_id: str,
        challenge_name: str,
        responses: dict[str, str],
        user_pool_id: str | None,
    ) -> dict[str, Any]:
        client, pool = self._client_and_pool(client_id, user_pool_id)
        known = {
            "PASSWORD_VERIFIER",
            "DEVICE_SRP_AUTH",
            "DEVICE_PASSWORD_VERIFIER",
            "SOFTWARE_TOKEN_MFA",
            "MFA_SETUP",
            "NEW_PASSWORD_REQUIRED",
        }
        if challenge_name not in known:
            raise InvalidParameterException(
                f"The {challenge_name} challenge is not supported by cognito-emulator"
            )
        session = self.find_session(session_id, client_id, challenge_name, responses)
        if session.client_id != client.id or session.pool_id != pool.id:
            raise NotAuthorizedException(INVALID_SESSION)
        if session.challenge != challenge_name:
            raise InvalidParameterException(
                f"Invalid challenge name: this session expects {session.challenge}"
            )
        username = responses.get("USERNAME")
        if not username:
            raise InvalidParameterException("Missing required parameter USERNAME")
        user = pool._get_user(username)
        if user is None or user.username != session.username:
            raise NotAuthorizedException(INVALID_SESSION)
        self.check_secret_hash(client, responses.get("SECRET_HASH"), username, user.username)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")

        if challenge_name == "PASSWORD_VERIFIER":
            return srp_auth.password_verifier(self, pool, client, user, session, responses)
        if challenge_name == "DEVICE_SRP_AUTH":
            return srp_auth.device_srp_auth(self, pool, client, user, session, responses)
        if challenge_name == "DEVICE_PASSWORD_VERIFIER":
            return srp_auth.device_password_verifier(self, pool, client, user, session, responses)
        if challenge_name == "SOFTWARE_TOKEN_MFA":
            code = responses.get("SOFTWARE_TOKEN_MFA_CODE")
            if not code:
                raise InvalidParameterException(
                    "Missing required parameter SOFTWARE_TOKEN_MFA_CODE"
                )
            state = self.state_of(user)
            secret = state.totp_secret
            if secret is None or not accept_totp(state, secret, code, self.now()):
                session.attempts += 1
                if session.attempts >= MAX_MFA_ATTEMPTS:
                    self.auth_sessions.drop(session)
                raise CodeMismatchException("Invalid code received for user")
            self.auth_sessions.drop(session)
            return signin.signed_in(self, pool, client, user, session.device_key)
        if challenge_name == "MFA_SETUP":
            if not session.totp_verified:
                raise SoftwareTokenMFANotFoundException(
                    "Software Token MFA has not been set up for the user."
                )
            self.auth_sessions.drop(session)
            return signin.signed_in(self, pool, client, user, session.device_key)
        # NEW_PASSWORD_REQUIRED
        new_password = responses.get("NEW_PASSWORD")
        if not new_password:
            raise InvalidParameterException("Missing required parameter NEW_PASSWORD")
        self._validate_password(pool.id, new_password)
        user.password = new_password
        user.status = UserStatus.CONFIRMED
        extra = [
            {"Name": k[len("userAttributes.") :], "Value": v}
            for k, v in responses.items()
            if k.startswith("userAttributes.")
        ]
        if extra:
            user.update_attributes(extra)
        self.auth_sessions.drop(session)
        return signin.after_first_factor(self, pool, client, user, session.device_key)
