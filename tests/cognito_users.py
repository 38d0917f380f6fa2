# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Creating test users and signing them in, the way every test folder needs it (importable
from any test)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

TEST_PASSWORD = "Correct-Horse-9!"
"""The one password of every test user (it meets Cognito's default policy)."""
NEW_PASSWORD = "Battery-Staple-7?"
"""What password-change tests change it to."""


def create_confirmed_user(
    cognito: Any,
    user_pool_id: str,
    username: str,
    password: str = TEST_PASSWORD,
    *,
    email_verified: bool = True,
) -> str:
    """Create a CONFIRMED user with an example.com address and a permanent password; its name.

    Set up with the plain boto3 client (AdminCreateUser without a message, then
    AdminSetUserPassword), so a broken example never hides behind a fixture error.
    """
    attributes = [{"Name": "email", "Value": f"{username}@example.com"}]
    if email_verified:
        attributes.append({"Name": "email_verified", "Value": "true"})
    cognito.admin_create_user(
        UserPoolId=user_pool_id,
        Username=username,
        UserAttributes=attributes,
        MessageAction="SUPPRESS",
    )
    cognito.admin_set_user_password(
        UserPoolId=user_pool_id, Username=username, Password=password, Permanent=True
    )
    return username


def secret_hash(username: str, client_id: str, client_secret: str) -> str:
    """Cognito's SECRET_HASH, computed here so the tests don't depend on secret_hash.py."""
    digest = hmac.new(
        client_secret.encode(), (username + client_id).encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode()


def signed_in(cognito: Any, pool_id: str, client_id: str, username: str) -> dict[str, str]:
    """Sign a user without MFA in with ``TEST_PASSWORD``: its name and its three tokens."""
    result = admin_sign_in(cognito, pool_id, client_id, username)["AuthenticationResult"]
    return {
        "username": username,
        "access_token": result["AccessToken"],
        "id_token": result["IdToken"],
        "refresh_token": result["RefreshToken"],
    }


def sign_up_user(cognito: Any, client_id: str, username: str, password: str = TEST_PASSWORD) -> str:
    """Sign a user up through an app client (UNCONFIRMED; a code is 'e-mailed'); its name."""
    cognito.sign_up(
        ClientId=client_id,
        Username=username,
        Password=password,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )
    return username


def admin_sign_in(
    cognito: Any,
    user_pool_id: str,
    client_id: str,
    username: str,
    password: str = TEST_PASSWORD,
    client_secret: str | None = None,
) -> dict[str, Any]:
    """AdminInitiateAuth with a password (ADMIN_USER_PASSWORD_AUTH, with SECRET_HASH for an app
    client with a secret); the response (a challenge, or AuthenticationResult)."""
    parameters = {"USERNAME": username, "PASSWORD": password}
    if client_secret:
        parameters["SECRET_HASH"] = secret_hash(username, client_id, client_secret)
    response: dict[str, Any] = cognito.admin_initiate_auth(
        UserPoolId=user_pool_id,
        ClientId=client_id,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters=parameters,
    )
    return response
