# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The operations on tokens, where moto accepts tokens it never issued.

GetUser, DeleteUser and ChangePassword check their access token (the pool's signature,
expiry, revocation, the user it was issued to: ``BackendBase.resolve_access_token``).
GetTokensFromRefreshToken renews a sign-in's ID and access tokens, and with the app client's
refresh-token rotation its refresh token too (the one replaced still works for the client's
grace period, then answers RefreshTokenReuseException). RevokeToken revokes a refresh token
and every token issued from it; GlobalSignOut and AdminUserGlobalSignOut revoke all of a
user's tokens. Issuing tokens is ``BackendBase.issue_tokens``, shared by every sign-in.
"""

from __future__ import annotations

import hmac
from typing import Any

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPoolClient

from cognito_emulator.backend_base import (
    INCORRECT_PASSWORD,
    BackendBase,
    pool_id_of_token,
    rotation_grace,
)
from cognito_emulator.exceptions import (
    NotAuthorizedException,
    UnsupportedOperationException,
    UnsupportedTokenTypeException,
)


def _check_client_secret(client: CognitoIdpUserPoolClient, client_secret: str | None) -> None:
    """An app client with a secret must be sent it (RevokeToken, GetTokensFromRefreshToken)."""
    if client.generate_secret and not hmac.compare_digest(
        str(client.secret).encode(), str(client_secret or "").encode()
    ):
        raise NotAuthorizedException(f"Unable to verify secret hash for client {client.id}")


class TokensMixin(BackendBase):
    """GetUser, DeleteUser, ChangePassword, GetTokensFromRefreshToken, GlobalSignOut,
    AdminUserGlobalSignOut and RevokeToken."""

    def get_user(self, access_token: str) -> CognitoIdpUser:
        return self.resolve_access_token(access_token)[1]

    def delete_user(self, access_token: str) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        self.admin_delete_user(pool.id, user.username)  # revokes the user's tokens

    def change_password(
        self, access_token: str, previous_password: str, proposed_password: str
    ) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        if user.password != previous_password:
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        self._validate_password(pool.id, proposed_password)
        user.password = proposed_password

    def get_tokens_from_refresh_token(
        self,
        refresh_token: str,
        client_id: str,
        client_secret: str | None = None,
        device_key: str | None = None,
    ) -> dict[str, Any]:
        """New ID and access tokens for a refresh token's sign-in; with rotation, a new refresh
        token too (the one sent stays valid for the client's grace period). The tokens name the
        sign-in's device; ``device_key`` is not needed for that."""
        client, pool = self._client_and_pool(client_id)
        _check_client_secret(client, client_secret)
        user, sign_in, refresh_id = self.resolve_refresh_token(pool, client, refresh_token)
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        grace = rotation_grace(client)
        if grace is not None and refresh_id == sign_in.refresh_id:
            # a retry with the token retired earlier replaces only the newest one
            sign_in.retired_refresh_id = refresh_id
            sign_in.retired_until = self.now() + grace
        tokens = self.issue_tokens(
            pool, client, user, sign_in=sign_in, new_refresh_token=grace is not None
        )
        return {"AuthenticationResult": tokens}

    def global_sign_out(self, access_token: str) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        self.revoke_user_tokens(pool, user)

    def admin_user_global_sign_out(self, user_pool_id: str, username: str) -> None:
        pool = self.describe_user_pool(user_pool_id)
        self.revoke_user_tokens(pool, self.admin_get_user(user_pool_id, username))

    def revoke_token(self, token: str, client_id: str, client_secret: str | None) -> None:
        """RevokeToken: revoke a refresh token and every token issued from it."""
        client, pool = self._client_and_pool(client_id)
        _check_client_secret(client, client_secret)
        if client.extended_config.get("EnableTokenRevocation") is False:
            raise UnsupportedOperationException(
                "Token revocation is not enabled for this app client."
            )
        if pool_id_of_token(token) == pool.id:  # one of the pool's ID or access tokens
            raise UnsupportedTokenTypeException("Unsupported token type.")
        contents = self.keys_of(pool.id).unseal(token)
        if contents is None:
            return  # RFC 7009: a token the server doesn't know is not an error
        if contents.get("c") != client_id:
            raise NotAuthorizedException("Invalid Refresh Token")
        sign_in = self.sign_ins.get(contents.get("o"))
        if sign_in is not None:
            self.revoke_sign_ins([sign_in])
