# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Change the signed-in user's password (ChangePassword).

Run it on its own (you are asked for the passwords when they are left out):

    python python/cognito_idp/change_password.py --access-token eyJraWQEXAMPLE
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


# snippet-start:[python.cognito-idp.ChangePassword]
def change_password(
    client: Any, access_token: str, previous_password: str, proposed_password: str
) -> None:
    """Change the password of the user the access token belongs to.

    Cognito checks the current password, then replaces it: the new password signs in from now
    on and the old one is refused. The user's tokens stay valid and MFA is not affected.

    :param client: A boto3 ``cognito-idp`` client.
    :param access_token: The access token of the signed-in user. Never logged.
    :param previous_password: The current password. Never logged.
    :param proposed_password: The new password; it must meet the pool's password policy.
        Never logged.
    :return: Nothing.
    """
    try:
        client.change_password(
            AccessToken=access_token,
            PreviousPassword=previous_password,
            ProposedPassword=proposed_password,
        )
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "NotAuthorizedException":
            logger.error(
                "The current password is wrong, or the access token is expired or revoked."
            )
        elif code == "InvalidPasswordException":
            logger.error("The new password doesn't meet the pool's password policy.")
        elif code == "LimitExceededException":
            logger.error("Too many password changes: wait a while, then try again.")
        elif code == "PasswordHistoryPolicyViolationException":
            logger.error("The new password was used recently: choose another one.")
        logger.error(
            "Couldn't change the password. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Password changed.")


# snippet-end:[python.cognito-idp.ChangePassword]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Change the signed-in user's password.")
    parser.add_argument("--access-token", required=True, help="the user's access token")
    parser.add_argument("--previous-password", help="the current password (asked when left out)")
    parser.add_argument("--proposed-password", help="the new password (asked when left out)")
    args = parser.parse_args(argv)
    previous, proposed = args.previous_password, args.proposed_password
    if previous is None or proposed is None:
        if not sys.stdin.isatty():
            parser.error("the passwords are required when no terminal is present")
        if previous is None:
            previous = getpass.getpass("Current password: ")
        if proposed is None:
            proposed = getpass.getpass("New password: ")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        change_password(client, args.access_token, previous, proposed)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"PasswordChanged": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
