# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""List the users of a user pool (ListUsers).

Run it on its own:

    python python/cognito_idp/list_users.py --user-pool-id us-east-1_EXAMPLE
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


# snippet-start:[python.cognito-idp.ListUsers]
def list_users(client: Any, user_pool_id: str) -> list[dict[str, Any]]:
    """List every user of a user pool, page after page.

    Cognito answers with each user's name, attributes and status; it changes nothing.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :return: One dict per user, with ``Username``, ``Attributes``, ``UserStatus``
        (``UNCONFIRMED``, ``CONFIRMED``, ``FORCE_CHANGE_PASSWORD``...), ``Enabled``,
        ``UserCreateDate`` and ``UserLastModifiedDate``.
    """
    users: list[dict[str, Any]] = []
    try:
        paginator = client.get_paginator("list_users")
        for page in paginator.paginate(UserPoolId=user_pool_id):
            users.extend(page["Users"])
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error(
                "There is no user pool %s in this account and Region: check the ID and Region.",
                user_pool_id,
            )
        elif code == "TooManyRequestsException":
            logger.error("Too many requests: wait a little, then try again.")
        logger.error(
            "Couldn't list the users of user pool %s. Here's why: %s: %s",
            user_pool_id,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Found %s users in user pool %s.", len(users), user_pool_id)
    return users


# snippet-end:[python.cognito-idp.ListUsers]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List the users of a Cognito user pool.")
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = list_users(client, args.user_pool_id)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
