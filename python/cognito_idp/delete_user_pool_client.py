# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Delete an app client of a user pool (DeleteUserPoolClient).

Run it on its own:

    python python/cognito_idp/delete_user_pool_client.py --user-pool-id us-east-1_EXAMPLE \
        --client-id 1example23456789
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


# snippet-start:[python.cognito-idp.DeleteUserPoolClient]
def delete_user_pool_client(client: Any, user_pool_id: str, client_id: str) -> None:
    """Delete an app client.

    Cognito deletes the client at once: apps using its ID can no longer sign users up or in,
    and tokens it issued can no longer be refreshed. The users stay in the pool.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param client_id: The ID of the app client.
    :return: Nothing.
    """
    try:
        client.delete_user_pool_client(UserPoolId=user_pool_id, ClientId=client_id)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error(
                "There is no app client %s in user pool %s: it may be deleted already.",
                client_id,
                user_pool_id,
            )
        logger.error(
            "Couldn't delete app client %s. Here's why: %s: %s",
            client_id,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Deleted app client %s from user pool %s.", client_id, user_pool_id)


# snippet-end:[python.cognito-idp.DeleteUserPoolClient]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Delete an app client of a Cognito user pool.")
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        delete_user_pool_client(client, args.user_pool_id, args.client_id)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"ClientId": args.client_id, "Deleted": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
