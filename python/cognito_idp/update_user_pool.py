# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Change some settings of a user pool and keep all the others (UpdateUserPool).

Run it on its own:

    python python/cognito_idp/update_user_pool.py --user-pool-id us-east-1_EXAMPLE \
        --minimum-password-length 12
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


# snippet-start:[python.cognito-idp.UpdateUserPool]
def update_user_pool(
    client: Any,
    user_pool_id: str,
    *,
    password_policy: dict[str, Any] | None = None,
    auto_verified_attributes: list[str] | None = None,
    device_configuration: dict[str, Any] | None = None,
    deletion_protection: str | None = None,
) -> None:
    """Change the given settings of a user pool and keep every other setting as it is.

    UpdateUserPool replaces the whole configuration: every setting left out of the request
    goes back to Cognito's default. So this function first reads the current configuration
    with DescribeUserPool, applies the changes to it, and sends it all back. Cognito applies
    the new settings at once; a new password policy applies to passwords set from now on.
    Change MFA with SetUserPoolMfaConfig rather than here.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param password_policy: The new password policy, such as ``{"MinimumLength": 12,
        "RequireSymbols": False}``; keys left out keep their current values.
    :param auto_verified_attributes: The attributes Cognito verifies by sending a code at
        sign-up: ``["email"]``, ``["phone_number"]`` or ``[]``.
    :param device_configuration: How Cognito remembers devices, such as
        ``{"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True}``.
    :param deletion_protection: ``ACTIVE`` to refuse DeleteUserPool, ``INACTIVE`` to allow it.
    :return: Nothing; read the result with DescribeUserPool.
    """
    try:
        current = client.describe_user_pool(UserPoolId=user_pool_id)["UserPool"]
        # Keep only what UpdateUserPool accepts (DescribeUserPool adds Id, Arn, dates...).
        accepted = client.meta.service_model.operation_model("UpdateUserPool").input_shape.members
        settings = {key: value for key, value in current.items() if key in accepted}
        if password_policy is not None:
            policies = dict(settings.get("Policies", {}))
            policies["PasswordPolicy"] = {**policies.get("PasswordPolicy", {}), **password_policy}
            settings["Policies"] = policies
        if auto_verified_attributes is not None:
            settings["AutoVerifiedAttributes"] = auto_verified_attributes
        if device_configuration is not None:
            settings["DeviceConfiguration"] = device_configuration
        if deletion_protection is not None:
            settings["DeletionProtection"] = deletion_protection
        settings["UserPoolId"] = user_pool_id
        client.update_user_pool(**settings)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error(
                "There is no user pool %s in this account and Region: check the ID and Region.",
                user_pool_id,
            )
        elif code == "InvalidParameterException":
            logger.error(
                "A new setting is not valid or needs another one (phone verification needs an "
                "SMS configuration): check the values."
            )
        elif code == "ConcurrentModificationException":
            logger.error("Someone else changed the pool at the same time: try again.")
        logger.error(
            "Couldn't update user pool %s. Here's why: %s: %s",
            user_pool_id,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Updated user pool %s.", user_pool_id)


# snippet-end:[python.cognito-idp.UpdateUserPool]


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
        description="Change settings of a Cognito user pool, keeping all the others."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument(
        "--minimum-password-length", type=int, help="new minimum length of passwords"
    )
    parser.add_argument(
        "--auto-verify",
        choices=["email", "phone_number", "none"],
        help="attribute Cognito verifies with a code at sign-up",
    )
    parser.add_argument(
        "--deletion-protection", choices=["ACTIVE", "INACTIVE"], help="refuse or allow deletion"
    )
    args = parser.parse_args(argv)
    password_policy = None
    if args.minimum_password_length is not None:
        password_policy = {"MinimumLength": args.minimum_password_length}
    auto_verified_attributes = None
    if args.auto_verify is not None:
        auto_verified_attributes = [] if args.auto_verify == "none" else [args.auto_verify]
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        update_user_pool(
            client,
            args.user_pool_id,
            password_policy=password_policy,
            auto_verified_attributes=auto_verified_attributes,
            deletion_protection=args.deletion_protection,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    changed = {
        "PasswordPolicy": password_policy,
        "AutoVerifiedAttributes": auto_verified_attributes,
        "DeletionProtection": args.deletion_protection,
    }
    result = {
        "UserPoolId": args.user_pool_id,
        "Changed": {key: value for key, value in changed.items() if value is not None},
    }
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
