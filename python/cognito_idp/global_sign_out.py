# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Sign the user out everywhere by revoking all their tokens (GlobalSignOut).

Run it on its own, with the user's access token:

    python python/cognito_idp/global_sign_out.py --access-token eyJraWQEXAMPLE
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


# snippet-start:[python.cognito-idp.GlobalSignOut]
def global_sign_out(client: Any, access_token: str) -> None:
    """Sign the user out of every device and app.

    Cognito revokes every refresh token of the user and the access and ID tokens issued from
    them: calls such as GetUser with one of those access tokens then fail with
    ``NotAuthorizedException``, and refreshing is refused, so every session must sign in again.

    :param client: A boto3 ``cognito-idp`` client.
    :param access_token: The access token of the signed-in user. Never logged.
    :return: Nothing.
    """
    try:
        client.global_sign_out(AccessToken=access_token)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "NotAuthorizedException":
            logger.error(
                "The access token is expired or revoked: get a fresh one (sign in, or refresh "
                "the tokens) and try again, or sign the user out with AdminUserGlobalSignOut."
            )
        elif code == "TooManyRequestsException":
            logger.error("Too many requests: wait a little, then try again.")
        logger.error(
            "Couldn't sign the user out. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Signed the user out of every device.")


# snippet-end:[python.cognito-idp.GlobalSignOut]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sign a Cognito user out of every device.")
    parser.add_argument("--access-token", required=True, help="the user's access token")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        global_sign_out(client, args.access_token)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"SignedOut": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
