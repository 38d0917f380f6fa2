# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Create an app client, through which an app signs users up and in (CreateUserPoolClient).

Run it on its own:

    python python/cognito_idp/create_user_pool_client.py --user-pool-id us-east-1_EXAMPLE \
        --client-name my-app --explicit-auth-flow ALLOW_USER_PASSWORD_AUTH \
        --explicit-auth-flow ALLOW_REFRESH_TOKEN_AUTH
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, NoRegionError

logger = logging.getLogger(__name__)


# snippet-start:[python.cognito-idp.CreateUserPoolClient]
def create_user_pool_client(
    client: Any,
    user_pool_id: str,
    client_name: str,
    *,
    generate_secret: bool = False,
    explicit_auth_flows: list[str] | None = None,
) -> dict[str, Any]:
    """Create an app client in a user pool.

    Cognito returns the new client's ID, which apps pass to SignUp and InitiateAuth. With
    ``generate_secret``, Cognito also generates a client secret; SignUp, ConfirmSignUp,
    ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword and the sign-in calls
    (InitiateAuth, RespondToAuthChallenge and their Admin versions) must then carry a
    ``SECRET_HASH`` computed with it, so keep such clients on a back end.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param client_name: A name for the app client.
    :param generate_secret: Whether Cognito generates a client secret.
    :param explicit_auth_flows: The sign-in flows the client allows, such as
        ``["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]``. Leave it out for
        Cognito's default (SRP, custom auth and refresh tokens).
    :return: The new ``UserPoolClient``, with ``ClientId`` and, when generated,
        ``ClientSecret``. Store the secret like a password.
    """
    kwargs: dict[str, Any] = {
        "UserPoolId": user_pool_id,
        "ClientName": client_name,
        "GenerateSecret": generate_secret,
    }
    if explicit_auth_flows is not None:
        kwargs["ExplicitAuthFlows"] = explicit_auth_flows
    try:
        response = client.create_user_pool_client(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error(
                "There is no user pool %s in this account and Region: check the ID and Region.",
                user_pool_id,
            )
        elif code == "InvalidParameterException":
            logger.error(
                "A setting is not valid: check the names of the auth flows (ALLOW_...) and "
                "don't mix them with the legacy names (ADMIN_NO_SRP_AUTH...)."
            )
        elif code == "LimitExceededException":
            logger.error("The pool has reached its quota of app clients: delete unused ones.")
        logger.error(
            "Couldn't create app client %s in user pool %s. Here's why: %s: %s",
            client_name,
            user_pool_id,
            code,
            err.response["Error"]["Message"],
        )
        raise
    user_pool_client: dict[str, Any] = response["UserPoolClient"]
    logger.info(
        "Created app client %s with ID %s in user pool %s.",
        client_name,
        user_pool_client["ClientId"],
        user_pool_id,
    )
    return user_pool_client


# snippet-end:[python.cognito-idp.CreateUserPoolClient]


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
    parser = argparse.ArgumentParser(description="Create an app client in a Cognito user pool.")
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--client-name", required=True, help="name of the new app client")
    parser.add_argument(
        "--generate-secret", action="store_true", help="give the app client a client secret"
    )
    parser.add_argument(
        "--explicit-auth-flow",
        action="append",
        dest="explicit_auth_flows",
        metavar="FLOW",
        help="an allowed sign-in flow such as ALLOW_USER_PASSWORD_AUTH (repeatable)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = create_user_pool_client(
            client,
            args.user_pool_id,
            args.client_name,
            generate_secret=args.generate_secret,
            explicit_auth_flows=args.explicit_auth_flows,
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
