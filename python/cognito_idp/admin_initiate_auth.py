# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Start a user's sign-in as an administrator (AdminInitiateAuth, ADMIN_USER_PASSWORD_AUTH).

Run it on its own (you are asked for the password when ``--password`` is left out):

    python python/cognito_idp/admin_initiate_auth.py --user-pool-id us-east-1_EXAMPLE \
        --client-id 1example23456789 --username ana
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from typing import Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, NoRegionError

logger = logging.getLogger(__name__)


# snippet-start:[python.cognito-idp.AdminInitiateAuth]
def admin_initiate_auth(
    client: Any,
    user_pool_id: str,
    client_id: str,
    username: str,
    password: str,
    *,
    secret_hash: str | None = None,
    device_key: str | None = None,
) -> dict[str, Any]:
    """Start signing a user in from a trusted back end with ``ADMIN_USER_PASSWORD_AUTH``.

    The call is signed with AWS credentials allowed ``cognito-idp:AdminInitiateAuth``, and
    the app client must allow ``ALLOW_ADMIN_USER_PASSWORD_AUTH`` (otherwise Cognito raises
    ``InvalidParameterException``). When the password is right, Cognito either signs the user
    in at once (``AuthenticationResult`` with the ID, access and refresh tokens) or asks for a
    challenge: ``MFA_SETUP`` when the pool requires MFA and the user has no authenticator app
    yet, ``SOFTWARE_TOKEN_MFA`` when the user must type the current code of their
    authenticator app, ``NEW_PASSWORD_REQUIRED`` for a user an administrator created. Answer a
    challenge with AdminRespondToAuthChallenge, passing ``Session``.

    :param client: A boto3 ``cognito-idp`` client with administrator credentials.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param client_id: The ID of the app client.
    :param username: The user name (or alias) of the user.
    :param password: The user's password. It is sent to Cognito over TLS and never logged.
    :param secret_hash: The ``SECRET_HASH`` of the user name, needed only when the app client
        has a secret; compute it with ``secret_hash.compute_secret_hash``.
    :param device_key: The key of a device the user remembered earlier (from ConfirmDevice).
    :return: The response without ``ResponseMetadata``: ``ChallengeName``, ``Session`` and
        ``ChallengeParameters`` when Cognito asks for a challenge, otherwise
        ``AuthenticationResult``.
    """
    auth_parameters = {"USERNAME": username, "PASSWORD": password}
    if secret_hash:
        auth_parameters["SECRET_HASH"] = secret_hash
    if device_key:
        auth_parameters["DEVICE_KEY"] = device_key
    try:
        response = client.admin_initiate_auth(
            UserPoolId=user_pool_id,
            ClientId=client_id,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters=auth_parameters,
        )
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "NotAuthorizedException":
            logger.error(
                "Wrong user name or password for %s, or the user is disabled, or the app client "
                "has a secret and secret_hash is missing or wrong.",
                username,
            )
        elif code == "InvalidParameterException":
            logger.error(
                "The app client doesn't allow this sign-in: add ALLOW_ADMIN_USER_PASSWORD_AUTH "
                "to its ExplicitAuthFlows (UpdateUserPoolClient)."
            )
        elif code == "UserNotConfirmedException":
            logger.error(
                "User %s hasn't confirmed the sign-up yet: confirm it first (ConfirmSignUp or "
                "AdminConfirmSignUp).",
                username,
            )
        elif code == "PasswordResetRequiredException":
            logger.error(
                "User %s must reset the password first: start with ForgotPassword.", username
            )
        elif code == "UserNotFoundException":
            logger.error("User %s is not in user pool %s.", username, user_pool_id)
        elif code == "TooManyRequestsException":
            logger.error("Too many requests: wait a little, then try again.")
        logger.error(
            "Couldn't start sign-in for %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    if "ChallengeName" in response:
        logger.info("Cognito asks %s for challenge %s.", username, response["ChallengeName"])
    else:
        logger.info("Signed in %s.", username)
    return dict(response)


# snippet-end:[python.cognito-idp.AdminInitiateAuth]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


_SENSITIVE = {
    "AccessToken",
    "IdToken",
    "RefreshToken",
    "Session",
    "SECRET_BLOCK",
    "SecretCode",
    "ClientSecret",
}


def _masked(data: Any) -> Any:
    """Copy ``data`` with every token, session and secret cut to its first and last 4 chars."""
    if isinstance(data, dict):
        return {
            key: (f"{value[:4]}...{value[-4:]}" if len(value) > 8 else "****")
            if key in _SENSITIVE and isinstance(value, str)
            else _masked(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_masked(item) for item in data]
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Start a Cognito sign-in as an administrator (ADMIN_USER_PASSWORD_AUTH)."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--password", help="the password (asked for when left out)")
    parser.add_argument("--secret-hash", help="SECRET_HASH, when the app client has a secret")
    parser.add_argument("--device-key", help="key of a device remembered earlier")
    args = parser.parse_args(argv)
    password = args.password
    if password is None:
        if not sys.stdin.isatty():
            parser.error("--password is required when no terminal is present")
        password = getpass.getpass(f"Password for {args.username}: ")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = admin_initiate_auth(
            client,
            args.user_pool_id,
            args.client_id,
            args.username,
            password,
            secret_hash=args.secret_hash,
            device_key=args.device_key,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(_masked(result), indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
