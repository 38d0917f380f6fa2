# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Start linking an authenticator app to a user for TOTP MFA (AssociateSoftwareToken).

Run it on its own, with the session of an ``MFA_SETUP`` challenge or a signed-in user's
access token:

    python python/cognito_idp/associate_software_token.py --session AYABeEXAMPLE

It prints the secret in full: that is the value the user types into an authenticator app.
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


# snippet-start:[python.cognito-idp.AssociateSoftwareToken]
def associate_software_token(
    client: Any, *, session: str | None = None, access_token: str | None = None
) -> dict[str, Any]:
    """Ask Cognito for a new TOTP secret to put into the user's authenticator app.

    Cognito generates a secret key for the user and returns it as ``SecretCode`` (base32).
    Show it to the user, usually as a QR code of
    ``otpauth://totp/<issuer>:<username>?secret=<SecretCode>&issuer=<issuer>``, so their
    authenticator app (Google Authenticator, Authy, 1Password...) can produce codes. Nothing
    is enabled yet: the user proves the app works by sending its first code to
    VerifySoftwareToken. Treat ``SecretCode`` like a password: never log or store it.

    Use ``session`` while signing in, when Cognito answered with the ``MFA_SETUP`` challenge
    (the pool requires MFA and the user has none yet); Cognito then returns a new ``Session``
    to pass on to VerifySoftwareToken. Use ``access_token`` to add an app to a user who is
    already signed in.

    :param client: A boto3 ``cognito-idp`` client.
    :param session: The ``Session`` of an ``MFA_SETUP`` challenge.
    :param access_token: The access token of a signed-in user (instead of ``session``).
    :return: ``SecretCode`` and, when called with a session, the next ``Session``.
    :raises ValueError: When neither or both of ``session`` and ``access_token`` are given.
    """
    if (session is None) == (access_token is None):
        raise ValueError("Give exactly one of session or access_token.")
    kwargs = {"Session": session} if session is not None else {"AccessToken": access_token}
    try:
        response = client.associate_software_token(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "NotAuthorizedException":
            logger.error(
                "The session or access token is expired, revoked or already used: sign in again."
            )
        elif code == "SoftwareTokenMFANotFoundException":
            logger.error("This user pool doesn't allow TOTP MFA: enable software token MFA.")
        elif code == "ConcurrentModificationException":
            logger.error("Another request is changing this user's MFA: try again.")
        logger.error(
            "Couldn't associate a software token. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    logger.info("Cognito generated a TOTP secret; the user adds it to an authenticator app.")
    return dict(response)


# snippet-end:[python.cognito-idp.AssociateSoftwareToken]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


_SENSITIVE = {"AccessToken", "IdToken", "RefreshToken", "Session", "SECRET_BLOCK", "ClientSecret"}
# SecretCode (the TOTP setup key) is shown on purpose: the user types it into the app.


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
    parser = argparse.ArgumentParser(
        description="Get a TOTP secret for an authenticator app from Cognito."
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--session", help="the Session of an MFA_SETUP challenge")
    group.add_argument("--access-token", help="the access token of a signed-in user")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = associate_software_token(
            client, session=args.session, access_token=args.access_token
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(
        "SecretCode is shown in full: type it into your authenticator app, then keep it private.",
        file=sys.stderr,
    )
    print(json.dumps(_masked(result), indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
