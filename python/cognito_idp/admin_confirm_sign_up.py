# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Confirm a user's sign-up as an administrator, without a code (AdminConfirmSignUp).

Run it on its own:

    python python/cognito_idp/admin_confirm_sign_up.py --user-pool-id us-east-1_EXAMPLE \
        --username ana
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


# snippet-start:[python.cognito-idp.AdminConfirmSignUp]
def admin_confirm_sign_up(client: Any, user_pool_id: str, username: str) -> None:
    """Confirm an unconfirmed user's sign-up from a trusted back end.

    Cognito changes the user's status from ``UNCONFIRMED`` to ``CONFIRMED`` without asking
    for a code, so the user can sign in. It does not mark the e-mail address verified. The
    call is signed with AWS credentials allowed ``cognito-idp:AdminConfirmSignUp``.

    :param client: A boto3 ``cognito-idp`` client with administrator credentials.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param username: The user name of the user.
    :return: Nothing.
    """
    try:
        client.admin_confirm_sign_up(UserPoolId=user_pool_id, Username=username)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UserNotFoundException":
            logger.error("User %s is not in user pool %s.", username, user_pool_id)
        elif code == "NotAuthorizedException":
            logger.error("User %s can't be confirmed: it is probably confirmed already.", username)
        elif code == "ResourceNotFoundException":
            logger.error("There is no user pool %s: check the ID and Region.", user_pool_id)
        logger.error(
            "Couldn't confirm the sign-up of %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Confirmed the sign-up of %s as an administrator.", username)


# snippet-end:[python.cognito-idp.AdminConfirmSignUp]


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
        description="Confirm a Cognito user's sign-up as an administrator."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--username", required=True, help="user name of the user")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        admin_confirm_sign_up(client, args.user_pool_id, args.username)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"Username": args.username, "Confirmed": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
