# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Get the signed-in user's own attributes with their access token (GetUser).

Run it on its own (you are asked for the access token when ``--access-token`` is left out):

    python python/cognito_idp/get_user.py
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


# snippet-start:[python.cognito-idp.GetUser]
def get_user(client: Any, access_token: str) -> dict[str, Any]:
    """Get the user an access token belongs to, as an app does for its signed-in user.

    Cognito checks the token (signature, expiry, not revoked by GlobalSignOut or
    RevokeToken) and answers with the user's attributes and MFA settings; it changes
    nothing. The call needs no AWS credentials: the access token is the authorization.

    :param client: A boto3 ``cognito-idp`` client.
    :param access_token: The user's access token from a sign-in. It is never logged.
    :return: The response without ``ResponseMetadata``: ``Username``, ``UserAttributes``,
        ``MFAOptions``, ``PreferredMfaSetting`` and ``UserMFASettingList``.
    """
    try:
        response = client.get_user(AccessToken=access_token)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "NotAuthorizedException":
            logger.error(
                "The access token is not valid, has expired or was revoked: sign in again, or "
                "get new tokens with the refresh token."
            )
        elif code == "UserNotFoundException":
            logger.error("The user of this access token no longer exists.")
        elif code == "PasswordResetRequiredException":
            logger.error("The user must reset the password first: start with ForgotPassword.")
        logger.error(
            "Couldn't get the user of the access token. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    return dict(response)


# snippet-end:[python.cognito-idp.GetUser]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Show the Cognito user an access token belongs to."
    )
    parser.add_argument("--access-token", help="the user's access token (asked for when left out)")
    args = parser.parse_args(argv)
    access_token = args.access_token
    if access_token is None:
        if not sys.stdin.isatty():
            parser.error("--access-token is required when no terminal is present")
        access_token = getpass.getpass("Access token: ")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = get_user(client, access_token)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
