# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Set a user's password as an administrator (AdminSetUserPassword).

Run it on its own (you are asked for the password when ``--password`` is left out):

    python python/cognito_idp/admin_set_user_password.py --user-pool-id us-east-1_EXAMPLE \
        --username ana
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


# snippet-start:[python.cognito-idp.AdminSetUserPassword]
def admin_set_user_password(
    client: Any,
    user_pool_id: str,
    username: str,
    password: str,
    *,
    permanent: bool = True,
) -> None:
    """Set a user's password from a trusted back end.

    With ``permanent``, Cognito sets the password and the user's status becomes
    ``CONFIRMED`` (also for a user who never confirmed a sign-up or an invitation). Otherwise
    the password is temporary: the status becomes ``FORCE_CHANGE_PASSWORD`` and the next
    sign-in answers with the ``NEW_PASSWORD_REQUIRED`` challenge. Cognito sends no message.

    :param client: A boto3 ``cognito-idp`` client with administrator credentials.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param username: The user name of the user.
    :param password: The new password; it must meet the pool's password policy. It is never
        logged.
    :param permanent: Whether the password is permanent (true) or temporary (false).
    :return: Nothing.
    """
    try:
        client.admin_set_user_password(
            UserPoolId=user_pool_id, Username=username, Password=password, Permanent=permanent
        )
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "InvalidPasswordException":
            logger.error(
                "The password doesn't meet the pool's password policy: make it longer or add "
                "the missing kinds of characters."
            )
        elif code == "UserNotFoundException":
            logger.error("User %s is not in user pool %s.", username, user_pool_id)
        elif code == "ResourceNotFoundException":
            logger.error("There is no user pool %s: check the ID and Region.", user_pool_id)
        logger.error(
            "Couldn't set the password of %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Set a %s password for %s.", "permanent" if permanent else "temporary", username)


# snippet-end:[python.cognito-idp.AdminSetUserPassword]


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
        description="Set a Cognito user's password as an administrator."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--password", help="the new password (asked for when left out)")
    parser.add_argument(
        "--temporary",
        action="store_true",
        help="make the user choose a new password at the next sign-in",
    )
    args = parser.parse_args(argv)
    password = args.password
    if password is None:
        if not sys.stdin.isatty():
            parser.error("--password is required when no terminal is present")
        password = getpass.getpass(f"New password for {args.username}: ")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        admin_set_user_password(
            client, args.user_pool_id, args.username, password, permanent=not args.temporary
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"Username": args.username, "Permanent": not args.temporary}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
