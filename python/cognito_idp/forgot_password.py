# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Send a user a code to reset a forgotten password (ForgotPassword).

Run it on its own:

    python python/cognito_idp/forgot_password.py --client-id 1example23456789 --username ana
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


# snippet-start:[python.cognito-idp.ForgotPassword]
def forgot_password(
    client: Any, client_id: str, username: str, *, secret_hash: str | None = None
) -> dict[str, Any]:
    """Start resetting a user's password.

    Cognito sends a confirmation code to the user's verified e-mail address or phone number
    and says where in ``CodeDeliveryDetails`` (the destination is partly hidden, such as
    ``a***@e***``). The password does not change yet: the user types the code and a new
    password, which the app passes to ConfirmForgotPassword. The current password keeps working
    until then.

    :param client: A boto3 ``cognito-idp`` client.
    :param client_id: The ID of the app client.
    :param username: The user name (or alias) of the user.
    :param secret_hash: The ``SECRET_HASH`` of the user name, needed only when the app client
        has a secret; compute it with ``secret_hash.compute_secret_hash``.
    :return: ``CodeDeliveryDetails``: ``Destination``, ``DeliveryMedium`` and
        ``AttributeName``.
    """
    kwargs: dict[str, Any] = {"ClientId": client_id, "Username": username}
    if secret_hash:
        kwargs["SecretHash"] = secret_hash
    try:
        response = client.forgot_password(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UserNotFoundException":
            logger.error("User %s doesn't exist in this user pool.", username)
        elif code == "LimitExceededException":
            logger.error(
                "Too many password resets for %s: wait a while before asking again.", username
            )
        elif code == "InvalidParameterException":
            logger.error(
                "User %s has no verified e-mail address or phone number to send a code to.",
                username,
            )
        elif code == "NotAuthorizedException":
            logger.error(
                "Cognito refused the reset for %s: check the app client and its secret hash.",
                username,
            )
        elif code == "CodeDeliveryFailureException":
            logger.error("Cognito couldn't deliver the code to %s: try again later.", username)
        logger.error(
            "Couldn't start a password reset for %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    details: dict[str, Any] = dict(response.get("CodeDeliveryDetails", {}))
    logger.info(
        "Sent %s a reset code by %s to %s.",
        username,
        details.get("DeliveryMedium"),
        details.get("Destination"),
    )
    return details


# snippet-end:[python.cognito-idp.ForgotPassword]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Send a Cognito user a password reset code.")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--secret-hash", help="SECRET_HASH, when the app client has a secret")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = forgot_password(
            client, args.client_id, args.username, secret_hash=args.secret_hash
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"CodeDeliveryDetails": result}, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
