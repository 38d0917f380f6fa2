# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Get a user's attributes and status as an administrator (AdminGetUser).

Run it on its own:

    python python/cognito_idp/admin_get_user.py --user-pool-id us-east-1_EXAMPLE --username ana
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


# snippet-start:[python.cognito-idp.AdminGetUser]
def admin_get_user(client: Any, user_pool_id: str, username: str) -> dict[str, Any]:
    """Get a user of a user pool, with its attributes, status and MFA settings.

    Cognito answers with the user's current state; it changes nothing.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param username: The user name (or alias) of the user.
    :return: ``Username``, ``UserAttributes``, ``UserStatus``, ``Enabled``, ``MFAOptions``,
        ``PreferredMfaSetting`` and ``UserMFASettingList`` as Cognito returns them.
    """
    try:
        response = client.admin_get_user(UserPoolId=user_pool_id, Username=username)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UserNotFoundException":
            logger.error("User %s is not in user pool %s.", username, user_pool_id)
        elif code == "ResourceNotFoundException":
            logger.error("There is no user pool %s: check the ID and Region.", user_pool_id)
        logger.error(
            "Couldn't get user %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    return dict(response)


# snippet-end:[python.cognito-idp.AdminGetUser]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Get a Cognito user as an administrator.")
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--username", required=True, help="user name of the user")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = admin_get_user(client, args.user_pool_id, args.username)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
