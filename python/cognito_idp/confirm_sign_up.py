# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Confirm a sign-up with the code Cognito sent to the user (ConfirmSignUp).

Run it on its own:

    python python/cognito_idp/confirm_sign_up.py --client-id 1example23456789 --username ana \
        --confirmation-code 123456
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


# snippet-start:[python.cognito-idp.ConfirmSignUp]
def confirm_sign_up(
    client: Any,
    client_id: str,
    username: str,
    confirmation_code: str,
    *,
    secret_hash: str | None = None,
) -> None:
    """Confirm a user's sign-up with the confirmation code Cognito sent by e-mail.

    When the code matches the last one Cognito sent, Cognito changes the user's status from
    ``UNCONFIRMED`` to ``CONFIRMED`` and marks the e-mail address verified; the user can then
    sign in. A code is valid for 24 hours. The call needs no AWS credentials.

    :param client: A boto3 ``cognito-idp`` client.
    :param client_id: The ID of the app client the user signed up through.
    :param username: The user name of the user.
    :param confirmation_code: The code from the message. It is never logged.
    :param secret_hash: The ``SECRET_HASH`` of the user name, needed only when the app client
        has a secret; compute it with ``secret_hash.compute_secret_hash``.
    :return: Nothing.
    """
    kwargs: dict[str, Any] = {
        "ClientId": client_id,
        "Username": username,
        "ConfirmationCode": confirmation_code,
    }
    if secret_hash:
        kwargs["SecretHash"] = secret_hash
    try:
        client.confirm_sign_up(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "CodeMismatchException":
            logger.error(
                "The code doesn't match the last code sent to %s: check it, or ask for a new "
                "one (ResendConfirmationCode).",
                username,
            )
        elif code == "ExpiredCodeException":
            logger.error(
                "The code for %s has expired: ask for a new one (ResendConfirmationCode).",
                username,
            )
        elif code == "NotAuthorizedException":
            logger.error(
                "User %s can't be confirmed: it may be confirmed already, or the app client "
                "has a secret and secret_hash is missing or wrong.",
                username,
            )
        elif code == "UserNotFoundException":
            logger.error("There is no user %s: check the user name, or sign up first.", username)
        elif code in ("TooManyFailedAttemptsException", "LimitExceededException"):
            logger.error("Too many attempts for %s: wait a while, then try again.", username)
        logger.error(
            "Couldn't confirm the sign-up of %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Confirmed the sign-up of %s.", username)


# snippet-end:[python.cognito-idp.ConfirmSignUp]


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
        description="Confirm a Cognito sign-up with the code sent to the user."
    )
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--confirmation-code", required=True, help="the code from the message")
    parser.add_argument("--secret-hash", help="SECRET_HASH, when the app client has a secret")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        confirm_sign_up(
            client,
            args.client_id,
            args.username,
            args.confirmation_code,
            secret_hash=args.secret_hash,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"Username": args.username, "Confirmed": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
