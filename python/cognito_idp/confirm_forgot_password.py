# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Set a new password with the code ForgotPassword sent (ConfirmForgotPassword).

Run it on its own (you are asked for the new password when ``--password`` is left out):

    python python/cognito_idp/confirm_forgot_password.py --client-id 1example23456789 \
        --username ana --code 123456
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


# snippet-start:[python.cognito-idp.ConfirmForgotPassword]
def confirm_forgot_password(
    client: Any,
    client_id: str,
    username: str,
    confirmation_code: str,
    password: str,
    *,
    secret_hash: str | None = None,
) -> None:
    """Finish a password reset with the code the user received.

    When the code matches, Cognito replaces the password: the new one signs in from now on and
    the old one is refused with ``NotAuthorizedException``. Multi-factor authentication is not
    affected: a user with TOTP still needs the authenticator code at the next sign-in.

    :param client: A boto3 ``cognito-idp`` client.
    :param client_id: The ID of the app client.
    :param username: The user name (or alias) of the user.
    :param confirmation_code: The code Cognito sent by ForgotPassword. Never logged.
    :param password: The new password; it must meet the pool's password policy. Never logged.
    :param secret_hash: The ``SECRET_HASH`` of the user name, needed only when the app client
        has a secret; compute it with ``secret_hash.compute_secret_hash``.
    :return: Nothing.
    """
    kwargs: dict[str, Any] = {
        "ClientId": client_id,
        "Username": username,
        "ConfirmationCode": confirmation_code,
        "Password": password,
    }
    if secret_hash:
        kwargs["SecretHash"] = secret_hash
    try:
        client.confirm_forgot_password(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "CodeMismatchException":
            logger.error("The code for %s is wrong: ask the user to type it again.", username)
        elif code == "ExpiredCodeException":
            logger.error(
                "The code for %s has expired: call ForgotPassword to send a new one.", username
            )
        elif code == "InvalidPasswordException":
            logger.error("The new password for %s doesn't meet the pool's policy.", username)
        elif code in ("LimitExceededException", "TooManyFailedAttemptsException"):
            logger.error("Too many attempts for %s: wait a while, then try again.", username)
        elif code == "UserNotFoundException":
            logger.error("User %s doesn't exist in this user pool.", username)
        logger.error(
            "Couldn't reset the password of %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("The password of %s is reset.", username)


# snippet-end:[python.cognito-idp.ConfirmForgotPassword]


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
        description="Set a new Cognito password with a password reset code."
    )
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--code", required=True, help="the code ForgotPassword sent")
    parser.add_argument("--password", help="the new password (asked for when left out)")
    parser.add_argument("--secret-hash", help="SECRET_HASH, when the app client has a secret")
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
        confirm_forgot_password(
            client,
            args.client_id,
            args.username,
            args.code,
            password,
            secret_hash=args.secret_hash,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"Username": args.username, "PasswordReset": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
