# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Delete a user pool with all its users and app clients (DeleteUserPool).

Run it on its own:

    python python/cognito_idp/delete_user_pool.py --user-pool-id us-east-1_EXAMPLE
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


# snippet-start:[python.cognito-idp.DeleteUserPool]
def delete_user_pool(client: Any, user_pool_id: str) -> None:
    """Delete a user pool.

    Cognito deletes the pool with every user, group, app client and device in it: the pool is
    no longer visible or usable, and its users can no longer sign in. You can't undo it
    yourself (Cognito keeps the deleted pool inactive for 14 days, during which AWS Support
    may restore it). Cognito refuses with ``InvalidParameterException`` while the pool's
    deletion protection is ``ACTIVE`` or while it still has a domain.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :return: Nothing.
    """
    try:
        client.delete_user_pool(UserPoolId=user_pool_id)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error(
                "There is no user pool %s in this account and Region: it may be deleted already.",
                user_pool_id,
            )
        elif code == "InvalidParameterException":
            logger.error(
                "User pool %s can't be deleted now: turn its deletion protection off "
                "(UpdateUserPool with DeletionProtection INACTIVE) or delete its domain first.",
                user_pool_id,
            )
        logger.error(
            "Couldn't delete user pool %s. Here's why: %s: %s",
            user_pool_id,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Deleted user pool %s.", user_pool_id)


# snippet-end:[python.cognito-idp.DeleteUserPool]


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
        description="Delete a Cognito user pool with all its users (can't be undone)."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        delete_user_pool(client, args.user_pool_id)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"UserPoolId": args.user_pool_id, "Deleted": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
