# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Sign a new user up with a user name, password and e-mail address (SignUp).

Run it on its own (you are asked for the password when ``--password`` is left out):

    python python/cognito_idp/sign_up.py --client-id 1example23456789 --username ana \
        --email ana@example.com
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


# snippet-start:[python.cognito-idp.SignUp]
def sign_up(
    client: Any,
    client_id: str,
    username: str,
    password: str,
    email: str,
    *,
    secret_hash: str | None = None,
) -> dict[str, Any]:
    """Sign a new user up through an app client, as an app does for a visitor.

    Cognito creates the user with status ``UNCONFIRMED``. When the pool verifies e-mail
    addresses, Cognito e-mails a confirmation code to ``email``; the user confirms the
    sign-up with it (ConfirmSignUp) before signing in. The call needs no AWS credentials.

    :param client: A boto3 ``cognito-idp`` client.
    :param client_id: The ID of the app client.
    :param username: The user name to sign up.
    :param password: The new user's password; it must meet the pool's password policy. It is
        sent to Cognito over TLS and never logged.
    :param email: The user's e-mail address, where Cognito sends the confirmation code.
    :param secret_hash: The ``SECRET_HASH`` of the user name, needed only when the app client
        has a secret; compute it with ``secret_hash.compute_secret_hash``.
    :return: The response without ``ResponseMetadata``: ``UserConfirmed`` (false until the
        code is confirmed), ``CodeDeliveryDetails`` (where the code went, such as
        ``a***@e***``) and ``UserSub`` (the user's unique ID).
    """
    kwargs: dict[str, Any] = {
        "ClientId": client_id,
        "Username": username,
        "Password": password,
        "UserAttributes": [{"Name": "email", "Value": email}],
    }
    if secret_hash:
        kwargs["SecretHash"] = secret_hash
    try:
        response = client.sign_up(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UsernameExistsException":
            logger.error(
                "User name %s is taken: choose another one, or, if it is this user, confirm "
                "the sign-up (ConfirmSignUp) or sign in.",
                username,
            )
        elif code == "InvalidPasswordException":
            logger.error(
                "The password doesn't meet the pool's password policy: make it longer or add "
                "the missing kinds of characters."
            )
        elif code == "InvalidParameterException":
            logger.error("A value is not valid: check the e-mail address and the user name.")
        elif code == "NotAuthorizedException":
            logger.error(
                "The app client refused the sign-up: pass secret_hash if it has a secret, and "
                "check that the pool allows users to sign themselves up."
            )
        elif code == "CodeDeliveryFailureException":
            logger.error("Cognito couldn't deliver the confirmation code to %s.", email)
        elif code == "TooManyRequestsException":
            logger.error("Too many requests: wait a little, then try again.")
        logger.error(
            "Couldn't sign up %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    delivery = response.get("CodeDeliveryDetails")
    if delivery:
        logger.info(
            "Signed up %s; Cognito sent a confirmation code by %s to %s.",
            username,
            delivery.get("DeliveryMedium"),
            delivery.get("Destination"),
        )
    else:
        logger.info("Signed up %s (confirmed: %s).", username, response.get("UserConfirmed"))
    return dict(response)


# snippet-end:[python.cognito-idp.SignUp]


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
    parser = argparse.ArgumentParser(description="Sign a new user up to a Cognito user pool.")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--username", required=True, help="user name of the new user")
    parser.add_argument("--email", required=True, help="e-mail address of the new user")
    parser.add_argument("--password", help="the password (asked for when left out)")
    parser.add_argument("--secret-hash", help="SECRET_HASH, when the app client has a secret")
    args = parser.parse_args(argv)
    password = args.password
    if password is None:
        if not sys.stdin.isatty():
            parser.error("--password is required when no terminal is present")
        password = getpass.getpass(f"Password for {args.username}: ")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = sign_up(
            client,
            args.client_id,
            args.username,
            password,
            args.email,
            secret_hash=args.secret_hash,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(_masked(result), indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
