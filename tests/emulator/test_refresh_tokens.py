# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Renewing tokens: GetTokensFromRefreshToken (with and without rotation) and REFRESH_TOKEN_AUTH.

Amplify v6.21 and later renew tokens only with GetTokensFromRefreshToken; the checks are the
ones REFRESH_TOKEN_AUTH makes: a refresh token of this client, live (not revoked), not expired.
"""

from __future__ import annotations

from typing import Any

import jwt
import pytest
from botocore.exceptions import ClientError
from cognito_users import admin_sign_in
from emulator_helpers import ALL_FLOWS, http_pool, http_user

from cognito_emulator.clock import Clock


def _error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = exc.value.response["Error"]
    return str(error["Code"]), str(error["Message"])


def _claims(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


def _client(cognito: Any, pool: str, *, grace: int | None = None, secret: bool = False) -> dict:
    """An app client; with ``grace``, refresh-token rotation with that grace period."""
    kwargs: dict[str, Any] = {}
    if grace is not None:
        kwargs["RefreshTokenRotation"] = {"Feature": "ENABLED", "RetryGracePeriodSeconds": grace}
    client: dict = cognito.create_user_pool_client(
        UserPoolId=pool,
        ClientName="rotating" if grace is not None else "app",
        ExplicitAuthFlows=ALL_FLOWS,
        GenerateSecret=secret,
        **kwargs,
    )["UserPoolClient"]
    return client


def _sign_in(cognito: Any, pool: str, client: dict, user: str) -> dict[str, str]:
    result: dict[str, str] = admin_sign_in(
        cognito, pool, client["ClientId"], user, client_secret=client.get("ClientSecret")
    )["AuthenticationResult"]
    return result


@pytest.fixture
def pool_and_user(cognito: Any, unique_name: str) -> tuple[str, str]:
    pool, _, _ = http_pool(cognito, unique_name)
    return pool, http_user(cognito, pool)


def test_new_id_and_access_tokens_for_the_same_sign_in(
    cognito: Any, pool_and_user: tuple[str, str]
) -> None:
    pool, user = pool_and_user
    client = _client(cognito, pool)
    tokens = _sign_in(cognito, pool, client, user)

    renewed = cognito.get_tokens_from_refresh_token(
        RefreshToken=tokens["RefreshToken"], ClientId=client["ClientId"]
    )["AuthenticationResult"]

    assert "RefreshToken" not in renewed  # without rotation the refresh token stays
    assert renewed["AccessToken"] != tokens["AccessToken"]
    assert cognito.get_user(AccessToken=renewed["AccessToken"])["Username"] == user
    before, after = _claims(tokens["AccessToken"]), _claims(renewed["AccessToken"])
    assert after["origin_jti"] == before["origin_jti"]  # the same sign-in
    assert after["auth_time"] == before["auth_time"] and after["jti"] != before["jti"]
    assert _claims(renewed["IdToken"])["cognito:username"] == user


def test_a_client_with_a_secret_needs_it(cognito: Any, pool_and_user: tuple[str, str]) -> None:
    pool, user = pool_and_user
    client = _client(cognito, pool, secret=True)
    refresh = _sign_in(cognito, pool, client, user)["RefreshToken"]

    for secret in (None, "wrong" + client["ClientSecret"][5:]):
        kwargs = {"ClientSecret": secret} if secret else {}
        with pytest.raises(ClientError) as exc:
            cognito.get_tokens_from_refresh_token(
                RefreshToken=refresh, ClientId=client["ClientId"], **kwargs
            )
        assert _error(exc) == (
            "NotAuthorizedException",
            f"Unable to verify secret hash for client {client['ClientId']}",
        )
    renewed = cognito.get_tokens_from_refresh_token(
        RefreshToken=refresh, ClientId=client["ClientId"], ClientSecret=client["ClientSecret"]
    )
    assert "AccessToken" in renewed["AuthenticationResult"]


def test_refused_refresh_tokens(
    cognito: Any, pool_and_user: tuple[str, str], http_clock: Clock
) -> None:
    pool, user = pool_and_user
    client, other = _client(cognito, pool), _client(cognito, pool)
    tokens = _sign_in(cognito, pool, client, user)

    def refresh(token: str, client_id: str = client["ClientId"]) -> tuple[str, str]:
        with pytest.raises(ClientError) as exc:
            cognito.get_tokens_from_refresh_token(RefreshToken=token, ClientId=client_id)
        return _error(exc)

    invalid = ("NotAuthorizedException", "Invalid Refresh Token")
    assert refresh("not-a-refresh-token") == invalid
    assert refresh(tokens["AccessToken"]) == invalid
    assert refresh(tokens["RefreshToken"], other["ClientId"]) == invalid  # another client's
    other_pool, _, _ = http_pool(cognito, f"{pool}-other")
    http_user(cognito, other_pool, user)
    other_pool_client = _client(cognito, other_pool)
    assert refresh(tokens["RefreshToken"], other_pool_client["ClientId"]) == invalid

    cognito.revoke_token(Token=tokens["RefreshToken"], ClientId=client["ClientId"])
    revoked = ("NotAuthorizedException", "Refresh Token has been revoked")
    assert refresh(tokens["RefreshToken"]) == revoked

    signed_out = _sign_in(cognito, pool, client, user)
    cognito.admin_user_global_sign_out(UserPoolId=pool, Username=user)
    assert refresh(signed_out["RefreshToken"]) == revoked
    with pytest.raises(ClientError) as exc:
        cognito.get_user(AccessToken=signed_out["AccessToken"])
    assert _error(exc) == ("NotAuthorizedException", "Access Token has been revoked")

    old = _sign_in(cognito, pool, client, user)
    http_clock.advance(30 * 86400 + 1)  # the default refresh token validity is 30 days
    assert refresh(old["RefreshToken"]) == ("NotAuthorizedException", "Refresh Token has expired")
    with pytest.raises(ClientError) as exc:
        cognito.initiate_auth(
            ClientId=client["ClientId"],
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": old["RefreshToken"]},
        )
    assert _error(exc) == ("NotAuthorizedException", "Refresh Token has expired")


def test_rotation_issues_a_new_refresh_token_and_retires_the_old_after_its_grace(
    cognito: Any, pool_and_user: tuple[str, str], http_clock: Clock
) -> None:
    pool, user = pool_and_user
    client = _client(cognito, pool, grace=10)
    tokens = _sign_in(cognito, pool, client, user)

    def renew(token: str) -> dict[str, str]:
        result: dict[str, str] = cognito.get_tokens_from_refresh_token(
            RefreshToken=token, ClientId=client["ClientId"]
        )["AuthenticationResult"]
        return result

    first = renew(tokens["RefreshToken"])
    assert first["RefreshToken"] != tokens["RefreshToken"]
    http_clock.advance(5)
    retry = renew(tokens["RefreshToken"])  # within the grace period: a client's retry works
    assert retry["RefreshToken"] not in (tokens["RefreshToken"], first["RefreshToken"])
    http_clock.advance(6)
    with pytest.raises(ClientError) as exc:
        renew(tokens["RefreshToken"])
    assert _error(exc)[0] == "RefreshTokenReuseException"
    with pytest.raises(ClientError) as exc:
        renew(first["RefreshToken"])  # replaced by the retry's
    assert _error(exc)[0] == "RefreshTokenReuseException"

    newest = renew(retry["RefreshToken"])
    assert cognito.get_user(AccessToken=newest["AccessToken"])["Username"] == user
    # the tokens issued before the rotations are still good until they expire
    assert cognito.get_user(AccessToken=tokens["AccessToken"])["Username"] == user


def test_rotation_without_grace_retires_at_once_and_refuses_refresh_token_auth(
    cognito: Any, pool_and_user: tuple[str, str]
) -> None:
    pool, user = pool_and_user
    client = _client(cognito, pool, grace=0)
    tokens = _sign_in(cognito, pool, client, user)

    with pytest.raises(ClientError) as exc:
        cognito.initiate_auth(
            ClientId=client["ClientId"],
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]},
        )
    assert _error(exc)[0] == "NotAuthorizedException"
    assert "GetTokensFromRefreshToken" in _error(exc)[1]

    new = cognito.get_tokens_from_refresh_token(
        RefreshToken=tokens["RefreshToken"], ClientId=client["ClientId"]
    )["AuthenticationResult"]
    with pytest.raises(ClientError) as exc:
        cognito.get_tokens_from_refresh_token(
            RefreshToken=tokens["RefreshToken"], ClientId=client["ClientId"]
        )
    assert _error(exc)[0] == "RefreshTokenReuseException"

    # revoking the new refresh token ends the whole sign-in, earlier tokens included
    cognito.revoke_token(Token=new["RefreshToken"], ClientId=client["ClientId"])
    for access in (tokens["AccessToken"], new["AccessToken"]):
        with pytest.raises(ClientError) as exc:
            cognito.get_user(AccessToken=access)
        assert _error(exc) == ("NotAuthorizedException", "Access Token has been revoked")


def test_a_renewed_sign_in_keeps_its_device(cognito: Any, unique_name: str) -> None:
    devices = {"ChallengeRequiredOnNewDevice": False, "DeviceOnlyRememberedOnUserPrompt": False}
    pool, client_id, _ = http_pool(cognito, unique_name, devices=devices)
    user = http_user(cognito, pool)
    tokens = _sign_in(cognito, pool, {"ClientId": client_id}, user)
    device_key = tokens["NewDeviceMetadata"]["DeviceKey"]  # type: ignore[index]

    renewed = cognito.get_tokens_from_refresh_token(
        RefreshToken=tokens["RefreshToken"], ClientId=client_id, DeviceKey=device_key
    )["AuthenticationResult"]

    assert _claims(renewed["AccessToken"])["device_key"] == device_key
    assert "NewDeviceMetadata" not in renewed


def test_a_disabled_users_refresh_token_is_refused(
    cognito: Any, pool_and_user: tuple[str, str]
) -> None:
    pool, user = pool_and_user
    client = _client(cognito, pool)
    tokens = _sign_in(cognito, pool, client, user)
    cognito.admin_disable_user(UserPoolId=pool, Username=user)

    with pytest.raises(ClientError) as exc:
        cognito.get_tokens_from_refresh_token(
            RefreshToken=tokens["RefreshToken"], ClientId=client["ClientId"]
        )

    assert _error(exc) == ("NotAuthorizedException", "User is disabled.")


def test_revoke_token_revokes_only_the_clients_own_tokens(
    cognito: Any, pool_and_user: tuple[str, str]
) -> None:
    pool, user = pool_and_user
    client, other = _client(cognito, pool), _client(cognito, pool)
    tokens = _sign_in(cognito, pool, client, user)

    with pytest.raises(ClientError) as exc:
        cognito.revoke_token(Token=tokens["RefreshToken"], ClientId=other["ClientId"])

    assert _error(exc) == ("NotAuthorizedException", "Invalid Refresh Token")
    assert cognito.get_user(AccessToken=tokens["AccessToken"])["Username"] == user
    with pytest.raises(ClientError) as exc:
        cognito.revoke_token(Token=tokens["AccessToken"], ClientId=client["ClientId"])
    assert _error(exc)[0] == "UnsupportedTokenTypeException"
    cognito.revoke_token(Token="not-a-token-of-ours", ClientId=client["ClientId"])  # RFC 7009
