# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""List the user pools of the account in the current Region (ListUserPools).

Run it on its own:

    python python/cognito_idp/list_user_pools.py
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


# snippet-start:[python.cognito-idp.ListUserPools]
def list_user_pools(client: Any) -> list[dict[str, Any]]:
    """List every user pool of the account in the client's Region, page after page.

    Cognito answers with a short description of each pool; it changes nothing. Get a pool's
    full settings with DescribeUserPool.

    :param client: A boto3 ``cognito-idp`` client.
    :return: One dict per pool, with ``Id``, ``Name``, ``Status``, ``LambdaConfig``,
        ``CreationDate`` and ``LastModifiedDate``.
    """
    user_pools: list[dict[str, Any]] = []
    try:
        paginator = client.get_paginator("list_user_pools")
        # ListUserPools requires a page size (MaxResults); 60 is the largest allowed.
        for page in paginator.paginate(PaginationConfig={"PageSize": 60}):
            user_pools.extend(page["UserPools"])
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "TooManyRequestsException":
            logger.error("Too many requests: wait a little, then try again.")
        logger.error(
            "Couldn't list user pools. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Found %s user pools.", len(user_pools))
    return user_pools


# snippet-end:[python.cognito-idp.ListUserPools]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List the Cognito user pools in this Region.")
    parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = list_user_pools(client)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
