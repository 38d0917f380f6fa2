"""Tokens: RS256 JWTs where moto issues its own, checked on every use.

ID and access tokens carry Cognito's claims and are signed with one RSA key per process,
served as the pool's JWKS; they expire by the backend's clock after the client's token
validity. RevokeToken revokes a refresh token and the access tokens issued from it;
GlobalSignOut revokes all of a user's tokens. GetUser, DeleteUser and ChangePassword check
their access token here.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import uuid
from typing import Any, ClassVar

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool, CognitoIdpUserPoolClient

from cognito_emulator.backend_base import INCORRECT_PASSWORD, BackendBase
from cognito_emulator.exceptions import (
    NotAuthorizedException,
    UnsupportedOperationException,
    UnsupportedTokenTypeException,
    UserNotFoundException,
)
from cognito_emulator.state import TokenRecord

_KEY_LOCK = threading.Lock()

_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


class TokensMixin(BackendBase):
    """Issuing, resolving and revoking tokens; the signing key and the JWKS."""

    _process_key: ClassVar[rsa.RSAPrivateKey | None] = None

    @property
    def signing_key(self) -> rsa.RSAPrivateKey:
        """The RSA key tokens are signed with: one per emulator process, made on first use."""
        with _KEY_LOCK:
            if TokensMixin._process_key is None:
                TokensMixin._process_key = rsa.generate_private_key(
                    public_exponent=65537, key_size=2048
                )
            return TokensMixin._process_key

    def jwks(self, user_pool_id: str) -> dict[str, Any]:
        """The pool's JSON Web Key Set; ResourceNotFoundException for an unknown pool."""
        self.describe_user_pool(user_pool_id)
        key = jwt.algorithms.RSAAlgorithm.to_jwk(self.signing_key.public_key(), as_dict=True)
        key.update({"kid": self._kid, "alg": "RS256", "use": "sig"})
        return {"keys": [key]}

    def issuer(self, pool: CognitoIdpUserPool) -> str:
        return f"https://cognito-idp.{self.region_name}.amazonaws.com/{pool.id}"

    def _validity(self, client: CognitoIdpUserPoolClient, kind: str, default: int) -> int:
        value = client.extended_config.get(f"{kind}TokenValidity")
        if not value:
            return default
        unit = (client.extended_config.get("TokenValidityUnits") or {}).get(
            f"{kind}Token", "days" if kind == "Refresh" else "hours"
        )
        return int(value) * _UNIT_SECONDS.get(str(unit), 3600)

    def _jwt(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": self._kid})

    def issue_tokens(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        username: str,
        *,
        device_key: str | None = None,
        refresh_token: str | None = None,
        origin_jti: str | None = None,
    ) -> dict[str, Any]:
        """Signed ID and access tokens (and a refresh token unless refreshing)."""
        user = self._user(pool, username)
        now = int(self.now())
        new_refresh = refresh_token is None
        if refresh_token is None:
            refresh_token = secrets.token_urlsafe(96)
            origin_jti = str(uuid.uuid4())
            pool.refresh_tokens[refresh_token] = (client.id, user.username, origin_jti)
        assert origin_jti is not None
        access_exp = self._validity(client, "Access", 3600)
        id_exp = self._validity(client, "Id", 3600)
        event_id = str(uuid.uuid4())
        groups = sorted(g.group_name for g in user.groups)
        access_claims: dict[str, Any] = {
            "sub": user.id,
            "iss": self.issuer(pool),
            "client_id": client.id,
            "origin_jti": origin_jti,
            "event_id": event_id,
            "token_use": "access",
            "scope": "aws.cognito.signin.user.admin",
            "auth_time": now,
            "exp": now + access_exp,
            "iat": now,
            "jti": str(uuid.uuid4()),
            "username": user.username,
        }
        if device_key:
            access_claims["device_key"] = device_key
        if groups:
            access_claims["cognito:groups"] = groups
        id_claims: dict[str, Any] = {
            "sub": user.id,
            "aud": client.id,
            "iss": self.issuer(pool),
            "origin_jti": origin_jti,
            "event_id": event_id,
            "token_use": "id",
            "auth_time": now,
            "exp": now + id_exp,
            "iat": now,
            "jti": str(uuid.uuid4()),
            "cognito:username": user.username,
        }
        for name, value in user.attribute_lookup.items():
            if name == "sub":
                continue
            if name.endswith("_verified") and value in ("true", "false"):
                id_claims[name] = value == "true"
            else:
                id_claims[name] = value
        if groups:
            id_claims["cognito:groups"] = groups
        access_token = self._jwt(access_claims)
        id_token = self._jwt(id_claims)
        pool.access_tokens[access_token] = (client.id, user.username)
        pool.id_tokens[id_token] = (client.id, user.username)
        self.token_records[access_token] = TokenRecord(
            pool.id, client.id, user.username, origin_jti, device_key
        )
        result: dict[str, Any] = {
            "AccessToken": access_token,
            "ExpiresIn": access_exp,
            "TokenType": "Bearer",
            "IdToken": id_token,
        }
        if new_refresh:
            result["RefreshToken"] = refresh_token
        return result

    def resolve_access_token(
        self, access_token: str | None
    ) -> tuple[CognitoIdpUserPool, CognitoIdpUser, TokenRecord]:
        """Verify an access token: signature, expiry, revocation, the user behind it."""
        if not isinstance(access_token, str) or not access_token:
            raise NotAuthorizedException("Invalid Access Token")
        try:
            claims = jwt.decode(
                access_token,
                self.signing_key.public_key(),
                algorithms=["RS256"],
                options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
            )
        except jwt.PyJWTError:
            raise NotAuthorizedException("Invalid Access Token") from None
        record = self.token_records.get(access_token)
        if claims.get("token_use") != "access" or record is None:
            raise NotAuthorizedException("Invalid Access Token")
        pool = self.user_pools.get(record.pool_id)
        if pool is None:
            raise NotAuthorizedException("Invalid Access Token")
        if float(claims.get("exp", 0)) <= self.now():
            raise NotAuthorizedException("Access Token has expired")
        if access_token not in pool.access_tokens:
            raise NotAuthorizedException("Access Token has been revoked")
        user = pool._get_user(record.username)
        if user is None:
            raise UserNotFoundException("User does not exist.")
        if not user.enabled:
            raise NotAuthorizedException("User is disabled.")
        return pool, user, record

    def get_user(self, access_token: str) -> CognitoIdpUser:
        return self.resolve_access_token(access_token)[1]

    def delete_user(self, access_token: str) -> None:
        pool, user, _ = self.resolve_access_token(access_token)
        pool.sign_out(user.username)
        self.admin_delete_user(pool.id, user.username)
        self.user_states.pop(user.id, None)

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
