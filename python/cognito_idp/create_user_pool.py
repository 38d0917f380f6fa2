# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Create a user pool where users sign up with an e-mail address (CreateUserPool).

Run it on its own:

    python python/cognito_idp/create_user_pool.py --pool-name my-app-users
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


# snippet-start:[python.cognito-idp.CreateUserPool]
def create_user_pool(
    client: Any,
    pool_name: str,
    *,
    auto_verify_email: bool = True,
    device_configuration: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Create a user pool, the directory that holds your app's users.

    Cognito creates the pool with its default settings: the default password policy (at
    least 8 characters with upper case, lower case, numbers and symbols), MFA off, and
    self-service sign-up allowed. It sends no message and creates no app client; create one
    with CreateUserPoolClient before users can sign up.

    :param client: A boto3 ``cognito-idp`` client.
    :param pool_name: A name for the pool. Names need not be unique; Cognito gives the pool
        a unique ID such as ``us-east-1_EXAMPLE``.
    :param auto_verify_email: When true, Cognito e-mails a confirmation code to every user who
        signs up, and confirming the sign-up with it also verifies the e-mail address.
    :param device_configuration: How Cognito remembers the devices users sign in from, such as
        ``{"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True}``.
        Leave it out to not track devices.
    :return: The new ``UserPool``, with its ``Id``, ``Arn`` and settings.
    """
    kwargs: dict[str, Any] = {"PoolName": pool_name}
    if auto_verify_email:
        kwargs["AutoVerifiedAttributes"] = ["email"]
    if device_configuration is not None:
        kwargs["DeviceConfiguration"] = device_configuration
    try:
        response = client.create_user_pool(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "LimitExceededException":
            logger.error(
                "The account has reached its quota of user pools: delete pools you no longer "
                "need, or ask for a higher quota."
            )
        elif code == "InvalidParameterException":
            logger.error(
                "A setting of the new pool is not valid: check the name (1 to 128 letters, "
                "digits, spaces and _ + = , . @ -) and the device configuration."
            )
        logger.error(
            "Couldn't create user pool %s. Here's why: %s: %s",
            pool_name,
            code,
            err.response["Error"]["Message"],
        )
        raise
    user_pool: dict[str, Any] = response["UserPool"]
    logger.info("Created user pool %s with ID %s.", pool_name, user_pool["Id"])
    return user_pool


# snippet-end:[python.cognito-idp.CreateUserPool]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create a Cognito user pool.")
    parser.add_argument("--pool-name", required=True, help="name of the new user pool")
    parser.add_argument(
        "--no-auto-verify-email",
        action="store_true",
        help="don't e-mail a confirmation code to users who sign up",
    )
    parser.add_argument(
        "--remember-devices",
        choices=["always", "user-opt-in"],
        help="remember the devices users sign in from (always, or when the user agrees)",
    )
    args = parser.parse_args(argv)
    device_configuration = None
    if args.remember_devices:
        device_configuration = {
            "ChallengeRequiredOnNewDevice": True,
            "DeviceOnlyRememberedOnUserPrompt": args.remember_devices == "user-opt-in",
        }
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = create_user_pool(
            client,
            args.pool_name,
            auto_verify_email=not args.no_auto_verify_email,
            device_configuration=device_configuration,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
