# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What the tokens look like: keys per pool and per kind, JWT headers, claims, the issuer."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import boto3
import jwt
import pytest
import requests
from botocore.exceptions import ClientError
from cognito_users import admin_sign_in
from emulator_helpers import (
    cli_command,
    cli_env,
    http_pool,
    http_user,
    make_pool,
    make_user,
    running_cli,
    sign_in,
)

from cognito_emulator import EmulatorServer
from cognito_emulator.exceptions import NotAuthorizedException
from cognito_emulator.models import EmulatorBackend
from cognito_emulator.signing import ACCESS, ID


def _tokens(cognito: Any, pool: str, client: str, user: str) -> dict[str, Any]:
    result: dict[str, Any] = admin_sign_in(cognito, pool, client, user)["AuthenticationResult"]
    return result


def _jwks(url: str, pool: str) -> dict[str, Any]:
    """kid -> public key, from the pool's JWKS."""
    document = requests.get(f"{url}/{pool}/.well-known/jwks.json", timeout=5).json()
    return {key["kid"]: jwt.PyJWK(key).key for key in document["keys"]}


def _verifies(token: str, keys: dict[str, Any]) -> bool:
    key = keys.get(jwt.get_unverified_header(token)["kid"])
    if key is None:
        return False
    try:
        jwt.decode(
            token, key, algorithms=["RS256"], options={"verify_aud": False, "verify_iat": False}
        )
    except jwt.PyJWTError:
        return False
    return True


def test_id_and_access_tokens_have_keys_of_their_own_both_in_the_jwks(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    tokens = _tokens(cognito, pool, client, http_user(cognito, pool))
    keys = _jwks(emulator.url, pool)

    id_header = jwt.get_unverified_header(tokens["IdToken"])
    access_header = jwt.get_unverified_header(tokens["AccessToken"])

    assert set(id_header) == set(access_header) == {"kid", "alg"}  # as Cognito's
    assert id_header["alg"] == access_header["alg"] == "RS256"
    assert id_header["kid"] != access_header["kid"]
    assert set(keys) == {id_header["kid"], access_header["kid"]}
    assert _verifies(tokens["IdToken"], keys) and _verifies(tokens["AccessToken"], keys)


def test_one_pools_tokens_never_verify_against_anothers_jwks(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    pool_a, client_a, _ = http_pool(cognito, f"{unique_name}-a")
    pool_b, client_b, _ = http_pool(cognito, f"{unique_name}-b")
    tokens_a = _tokens(cognito, pool_a, client_a, http_user(cognito, pool_a))
    tokens_b = _tokens(cognito, pool_b, client_b, http_user(cognito, pool_b))
    keys_a, keys_b = _jwks(emulator.url, pool_a), _jwks(emulator.url, pool_b)

    assert not set(keys_a) & set(keys_b)
    for token in (tokens_a["IdToken"], tokens_a["AccessToken"]):
        assert _verifies(token, keys_a) and not _verifies(token, keys_b)
    # even with the other pool's kid in its header, a token fails that pool's key
    forged_kid = jwt.get_unverified_header(tokens_b["AccessToken"])["kid"]
    _, payload, signature = tokens_a["AccessToken"].split(".")
    swapped = jwt.utils.base64url_encode(
        f'{{"kid":"{forged_kid}","alg":"RS256"}}'.encode()
    ).decode()
    assert not _verifies(f"{swapped}.{payload}.{signature}", keys_b)


def test_an_id_token_or_another_pools_token_is_no_access_token(
    backend: EmulatorBackend,
) -> None:
    pool, client = make_pool(backend)
    other, _ = make_pool(backend)
    make_user(backend, pool)
    tokens = sign_in(backend, pool, client)["AuthenticationResult"]
    assert backend.get_user(tokens["AccessToken"]).username == "ana"
    keys = backend.keys_of(pool)
    claims = jwt.decode(tokens["AccessToken"], options={"verify_signature": False})
    forgeries = {
        "an ID token": tokens["IdToken"],
        "access claims signed with the ID key": keys.sign(claims, ID),
        "another pool's key": backend.keys_of(other).sign(claims, ACCESS),
        "another issuer": keys.sign({**claims, "iss": f"https://example.com/{pool}"}, ACCESS),
        "another user's sub": keys.sign({**claims, "sub": "another-sub"}, ACCESS),
        "not an access token": keys.sign({**claims, "token_use": "id"}, ACCESS),
    }
    for what, token in forgeries.items():
        with pytest.raises(NotAuthorizedException) as exc:
            backend.get_user(token)
        assert exc.value.message in ("Invalid Access Token", "Access Token has been revoked"), what


def test_the_access_token_names_the_new_device(cognito: Any, unique_name: str) -> None:
    devices = {"ChallengeRequiredOnNewDevice": False, "DeviceOnlyRememberedOnUserPrompt": False}
    pool, client, _ = http_pool(cognito, unique_name, devices=devices)

    tokens = _tokens(cognito, pool, client, http_user(cognito, pool))

    claims = jwt.decode(tokens["AccessToken"], options={"verify_signature": False})
    assert claims["device_key"] == tokens["NewDeviceMetadata"]["DeviceKey"]


def test_by_default_the_issuer_is_cognitos(cognito: Any, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    tokens = _tokens(cognito, pool, client, http_user(cognito, pool))
    for token in (tokens["IdToken"], tokens["AccessToken"]):
        claims = jwt.decode(token, options={"verify_signature": False})
        assert claims["iss"] == f"https://cognito-idp.us-east-1.amazonaws.com/{pool}"


def test_issuer_url_lets_a_verifier_find_the_jwks_from_iss() -> None:
    with EmulatorServer(port=0, issuer_url=True) as server:
        cognito = boto3.client("cognito-idp", endpoint_url=server.url, region_name="us-east-1")
        pool, client, _ = http_pool(cognito, "issuer")
        tokens = _tokens(cognito, pool, client, http_user(cognito, pool))

        issuer = jwt.decode(tokens["IdToken"], options={"verify_signature": False})["iss"]
        assert issuer == f"{server.url}/{pool}"
        discovery = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=5).json()
        assert discovery["issuer"] == issuer
        # PyJWT's JWKS client, as a resource server would use it
        jwks_client = jwt.PyJWKClient(discovery["jwks_uri"])
        for token in (tokens["IdToken"], tokens["AccessToken"]):
            key = jwks_client.get_signing_key_from_jwt(token).key
            claims = jwt.decode(
                token, key, algorithms=["RS256"], issuer=issuer, options={"verify_aud": False}
            )
            assert claims["sub"]

    with EmulatorServer(port=0, issuer_url="http://cognito.internal:9229/") as server:
        cognito = boto3.client("cognito-idp", endpoint_url=server.url, region_name="us-east-1")
        pool, client, _ = http_pool(cognito, "named")
        tokens = _tokens(cognito, pool, client, http_user(cognito, pool))
        claims = jwt.decode(tokens["AccessToken"], options={"verify_signature": False})
        assert claims["iss"] == f"http://cognito.internal:9229/{pool}"
        assert cognito.get_user(AccessToken=tokens["AccessToken"])["Username"] == "ana"

    with pytest.raises(ValueError, match="http"):
        EmulatorServer(issuer_url="cognito.internal")


def test_the_cli_option_issuer_url(tmp_path: Path) -> None:
    refused = subprocess.run(
        cli_command("--port", "0", "--issuer-url", "ftp://example.com"),
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert refused.returncode == 2
    assert "--issuer-url must be an http:// or https:// URL" in refused.stderr
    assert "Traceback" not in refused.stderr

    with running_cli("--port", "0", "--outbox", str(tmp_path / "box"), "--issuer-url") as cli:
        cognito = boto3.client("cognito-idp", endpoint_url=cli.url, region_name="us-east-1")
        pool, client, _ = http_pool(cognito, "cli")
        tokens = _tokens(cognito, pool, client, http_user(cognito, pool))
        claims = jwt.decode(tokens["IdToken"], options={"verify_signature": False})
        assert claims["iss"] == f"{cli.url}/{pool}"
        assert cli.stop() == 0


def test_a_deleted_pools_tokens_are_refused(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    tokens = _tokens(cognito, pool, client, http_user(cognito, pool))
    cognito.delete_user_pool(UserPoolId=pool)

    with pytest.raises(ClientError) as exc:
        cognito.get_user(AccessToken=tokens["AccessToken"])

    assert exc.value.response["Error"]["Code"] == "NotAuthorizedException"
    assert pool not in emulator.backend().pool_keys
