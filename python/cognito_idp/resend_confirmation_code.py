# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Send a user a new sign-up confirmation code (ResendConfirmationCode).

Run it on its own:

    python python/cognito_idp/resend_confirmation_code.py --client-id 1example23456789 \
        --username ana
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


# snippet-start:[python.cognito-idp.ResendConfirmationCode]
def resend_confirmation_code(
    client: Any,
    client_id: str,
    username: str,
    *,
    secret_hash: str | None = None,
) -> dict[str, Any]:
    """Ask Cognito to send an unconfirmed user a new confirmation code.

    Cognito sends a new code to the user's e-mail address (or phone), the same way as at
    sign-up. Only the newest code confirms the sign-up from then on. The call needs no AWS
    credentials.

    :param client: A boto3 ``cognito-idp`` client.
    :param client_id: The ID of the app client the user signed up through.
    :param username: The user name of the user.
    :param secret_hash: The ``SECRET_HASH`` of the user name, needed only when the app client
        has a secret; compute it with ``secret_hash.compute_secret_hash``.
    :return: The ``CodeDeliveryDetails``: ``DeliveryMedium`` (``EMAIL`` or ``SMS``),
        ``Destination`` (masked, such as ``a***@e***``) and ``AttributeName``.
    """
    kwargs: dict[str, Any] = {"ClientId": client_id, "Username": username}
    if secret_hash:
        kwargs["SecretHash"] = secret_hash
    try:
        response = client.resend_confirmation_code(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UserNotFoundException":
            logger.error("There is no user %s: check the user name, or sign up first.", username)
        elif code == "InvalidParameterException":
            logger.error(
                "User %s may be confirmed already, or has no e-mail address to send a code to.",
                username,
            )
        elif code == "NotAuthorizedException":
            logger.error("The app client refused: pass secret_hash if the app client has a secret.")
        elif code == "LimitExceededException":
            logger.error("Too many codes sent to %s: wait a while, then try again.", username)
        elif code == "CodeDeliveryFailureException":
            logger.error("Cognito couldn't deliver the code to %s.", username)
        logger.error(
            "Couldn't resend a confirmation code to %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    delivery: dict[str, Any] = response.get("CodeDeliveryDetails", {})
    logger.info(
        "Cognito sent a new confirmation code to %s by %s to %s.",
        username,
        delivery.get("DeliveryMedium"),
        delivery.get("Destination"),
    )
    return delivery


# snippet-end:[python.cognito-idp.ResendConfirmationCode]


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
        description="Send a Cognito user a new sign-up confirmation code."
    )
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--secret-hash", help="SECRET_HASH, when the app client has a secret")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = resend_confirmation_code(
            client, args.client_id, args.username, secret_hash=args.secret_hash
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
