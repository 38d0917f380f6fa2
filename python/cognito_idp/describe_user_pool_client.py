# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Get the settings of an app client (DescribeUserPoolClient).

Run it on its own:

    python python/cognito_idp/describe_user_pool_client.py --user-pool-id us-east-1_EXAMPLE \
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


# snippet-start:[python.cognito-idp.DescribeUserPoolClient]
def describe_user_pool_client(client: Any, user_pool_id: str, client_id: str) -> dict[str, Any]:
    """Get an app client's settings: allowed auth flows, token validity, secret and more.

    Cognito answers with the client's current settings; it changes nothing. The answer
    includes the ``ClientSecret`` when the client has one, so treat it like a password.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param client_id: The ID of the app client.
    :return: The ``UserPoolClient``: ``ClientId``, ``ClientName``, ``ExplicitAuthFlows``,
        ``ClientSecret`` (if any) and the other settings as Cognito returns them.
    """
    try:
        response = client.describe_user_pool_client(UserPoolId=user_pool_id, ClientId=client_id)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error(
                "There is no app client %s in user pool %s: check both IDs and the Region.",
                client_id,
                user_pool_id,
            )
        logger.error(
            "Couldn't describe app client %s. Here's why: %s: %s",
            client_id,
            code,
            err.response["Error"]["Message"],
        )
        raise
    user_pool_client: dict[str, Any] = response["UserPoolClient"]
    return user_pool_client


# snippet-end:[python.cognito-idp.DescribeUserPoolClient]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


_SENSITIVE = {
    "AccessToken",
    "IdToken",
    "RefreshToken",
    "Session",
    "SECRET_BLOCK",
    "SecretCode",
    "ClientSecret",
}


def _masked(data: Any) -> Any:
    """Copy ``data`` with every token, session and secret cut to its first and last 4 chars."""
    if isinstance(data, dict):
        return {
            key: (f"{value[:4]}...{value[-4:]}" if len(value) > 8 else "****")
            if key in _SENSITIVE and isinstance(value, str)
            else _masked(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_masked(item) for item in data]
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Show the settings of a Cognito app client.")
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = describe_user_pool_client(client, args.user_pool_id, args.client_id)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(_masked(result), indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
