# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Create a user as an administrator and invite them by e-mail (AdminCreateUser).

Run it on its own:

    python python/cognito_idp/admin_create_user.py --user-pool-id us-east-1_EXAMPLE \
        --username ana --email ana@example.com
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


# snippet-start:[python.cognito-idp.AdminCreateUser]
def admin_create_user(
    client: Any,
    user_pool_id: str,
    username: str,
    *,
    email: str | None = None,
    email_verified: bool = False,
    temporary_password: str | None = None,
    message_action: str | None = None,
) -> dict[str, Any]:
    """Create a user from a trusted back end, with a temporary password.

    Cognito creates the user with status ``FORCE_CHANGE_PASSWORD`` and, when ``email`` is given
    and ``message_action`` is not ``SUPPRESS``, e-mails an invitation with the user name and
    the temporary password. At the first sign-in Cognito answers with the
    ``NEW_PASSWORD_REQUIRED`` challenge, where the user chooses a password. The temporary
    password expires after the pool's ``TemporaryPasswordValidityDays``.

    :param client: A boto3 ``cognito-idp`` client with administrator credentials.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param username: The user name of the new user.
    :param email: The user's e-mail address, where the invitation goes.
    :param email_verified: Mark the address verified, so that the user can reset a forgotten
        password with it. Only when you know the address belongs to the user.
    :param temporary_password: The temporary password; leave it out and Cognito generates
        one. It must meet the pool's password policy and is never logged.
    :param message_action: ``SUPPRESS`` to send no invitation, ``RESEND`` to send the
        invitation again to an existing user (with a new temporary password).
    :return: The ``User``: ``Username``, ``Attributes``, ``UserStatus``, ``Enabled`` and dates.
    """
    kwargs: dict[str, Any] = {"UserPoolId": user_pool_id, "Username": username}
    if email is not None:
        attributes = [{"Name": "email", "Value": email}]
        if email_verified:
            attributes.append({"Name": "email_verified", "Value": "true"})
        kwargs["UserAttributes"] = attributes
        kwargs["DesiredDeliveryMediums"] = ["EMAIL"]
    if temporary_password is not None:
        kwargs["TemporaryPassword"] = temporary_password
    if message_action is not None:
        kwargs["MessageAction"] = message_action
    try:
        response = client.admin_create_user(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UsernameExistsException":
            logger.error(
                "User name %s is taken in user pool %s: choose another one, or pass "
                "message_action='RESEND' to invite that user again.",
                username,
                user_pool_id,
            )
        elif code == "InvalidPasswordException":
            logger.error(
                "The temporary password doesn't meet the pool's password policy: choose a "
                "stronger one, or let Cognito generate it."
            )
        elif code == "UserNotFoundException":
            logger.error("There is no user %s to invite again: create it first.", username)
        elif code == "UnsupportedUserStateException":
            logger.error(
                "User %s has signed in already, so there is no invitation to resend.", username
            )
        elif code == "InvalidParameterException":
            logger.error("A value is not valid: check the e-mail address and the user name.")
        elif code == "CodeDeliveryFailureException":
            logger.error("Cognito couldn't deliver the invitation to %s.", email)
        elif code == "ResourceNotFoundException":
            logger.error("There is no user pool %s: check the ID and Region.", user_pool_id)
        logger.error(
            "Couldn't create user %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    user: dict[str, Any] = response["User"]
    logger.info("Created user %s with status %s.", username, user.get("UserStatus"))
    return user


# snippet-end:[python.cognito-idp.AdminCreateUser]


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
        description="Create a Cognito user as an administrator (with a temporary password)."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--username", required=True, help="user name of the new user")
    parser.add_argument("--email", help="e-mail address, where the invitation goes")
    parser.add_argument(
        "--email-verified", action="store_true", help="mark the e-mail address verified"
    )
    parser.add_argument(
        "--temporary-password", help="temporary password (generated by Cognito when left out)"
    )
    parser.add_argument(
        "--message-action",
        choices=["SUPPRESS", "RESEND"],
        help="SUPPRESS: send no invitation; RESEND: invite an existing user again",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = admin_create_user(
            client,
            args.user_pool_id,
            args.username,
            email=args.email,
            email_verified=args.email_verified,
            temporary_password=args.temporary_password,
            message_action=args.message_action,
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
