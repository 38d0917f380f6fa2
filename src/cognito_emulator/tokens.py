"""The operations on tokens, where moto accepts tokens it never issued.

GetUser, DeleteUser and ChangePassword check their access token (signature, expiry,
revocation: ``BackendBase.resolve_access_token``); RevokeToken revokes a refresh token and
the access tokens issued from it; GlobalSignOut revokes all of a user's tokens. Issuing
tokens is ``BackendBase.issue_tokens``, shared by every sign-in.
"""

from __future__ import annotations

import hmac

from moto.cognitoidp.models import CognitoIdpUser

from cognito_emulator.backend_base import INCORRECT_PASSWORD, BackendBase
from cognito_emulator.exceptions import (
    NotAuthorizedException,
    UnsupportedOperationException,
    UnsupportedTokenTypeException,
)


class TokensMixin(BackendBase):
    """GetUser, DeleteUser, ChangePassword, GlobalSignOut and RevokeToken."""

    def get_user(self, access_token: str) -> CognitoIdpUser:
        return self.resolve_access_token(access_token)[1]

    def delete_user(self, access_token: str) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        pool.sign_out(user.username)
        self.admin_delete_user(pool.id, user.username)

    def change_password(
        self, access_token: str, previous_password: str, proposed_password: str
    ) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        if user.password != previous_password:
            raise NotAuthorizedException(INCORRECT_PASSWORD)
        self._validate_password(pool.id, proposed_password)
        user.password = proposed_password

    def global_sign_out(self, access_token: str) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        pool.sign_out(user.username)

    def revoke_token(self, token: str, client_id: str, client_secret: str | None) -> None:
        """RevokeToken: revoke a refresh token and every access token issued from it."""
        client, pool = self._client_and_pool(client_id)
        if client.generate_secret and not hmac.compare_digest(
            str(client.secret).encode(), str(client_secret or "").encode()
        ):
            raise NotAuthorizedException(f"Unable to verify secret hash for client {client_id}")
        if client.extended_config.get("EnableTokenRevocation") is False:
            raise UnsupportedOperationException(
                "Token revocation is not enabled for this app client."
            )
        if token in self.token_records or token in pool.id_tokens:
            raise UnsupportedTokenTypeException("Unsupported token type.")
        entry = pool.refresh_tokens.get(token)
        if token not in pool.refresh_tokens:
            return  # RFC 7009: an unknown token is not an error
        if entry is not None and entry[0] != client_id:
            raise NotAuthorizedException("Invalid Refresh Token")
        pool.refresh_tokens[token] = None
        if entry is None:
            return
        origin_jti = entry[2]
        for access_token, record in list(self.token_records.items()):
            if record.pool_id == pool.id and record.origin_jti == origin_jti:
                pool.access_tokens.pop(access_token, None)
