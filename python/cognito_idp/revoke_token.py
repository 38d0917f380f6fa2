# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Revoke a refresh token and the tokens issued from it (RevokeToken).

Run it on its own, with the refresh token to revoke:

    python python/cognito_idp/revoke_token.py --client-id 1example23456789 \
        --refresh-token eyJjdHkEXAMPLE
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


# snippet-start:[python.cognito-idp.RevokeToken]
def revoke_token(
    client: Any, client_id: str, refresh_token: str, *, client_secret: str | None = None
) -> None:
    """Sign one session out by revoking its refresh token.

    Cognito revokes the refresh token and every access and ID token issued from it: GetUser
    with such an access token then fails with ``NotAuthorizedException``, and the refresh token
    can no longer get new tokens. Other sessions of the same user are not affected (that is
    what GlobalSignOut is for). The app client must have token revocation enabled (the default
    for new app clients). RevokeToken takes no ``SECRET_HASH``: an app client with a secret
    sends the client secret itself.

    :param client: A boto3 ``cognito-idp`` client.
    :param client_id: The ID of the app client the token was issued to.
    :param refresh_token: The refresh token to revoke. Never logged.
    :param client_secret: The app client's secret, only when it has one. Never logged.
    :return: Nothing.
    """
    kwargs: dict[str, Any] = {"ClientId": client_id, "Token": refresh_token}
    if client_secret:
        kwargs["ClientSecret"] = client_secret
    try:
        client.revoke_token(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UnsupportedTokenTypeException":
            logger.error("Only refresh tokens can be revoked: pass the refresh token.")
        elif code == "UnsupportedOperationException":
            logger.error("Token revocation is turned off for app client %s.", client_id)
        elif code == "UnauthorizedException":
            logger.error(
                "The token doesn't belong to app client %s, or the client secret is wrong.",
                client_id,
            )
        elif code == "TooManyRequestsException":
            logger.error("Too many requests: wait a little, then try again.")
        logger.error(
            "Couldn't revoke the token. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Revoked the refresh token and the tokens issued from it.")


# snippet-end:[python.cognito-idp.RevokeToken]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Revoke a Cognito refresh token.")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--refresh-token", required=True, help="the refresh token to revoke")
    parser.add_argument("--client-secret", help="the app client's secret, when it has one")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        revoke_token(client, args.client_id, args.refresh_token, client_secret=args.client_secret)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"Revoked": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
