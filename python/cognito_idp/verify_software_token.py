# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Confirm a new authenticator app with its first TOTP code (VerifySoftwareToken).

Run it on its own, with the session AssociateSoftwareToken returned (or an access token):

    python python/cognito_idp/verify_software_token.py --session AYABeEXAMPLE --code 123456
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


# snippet-start:[python.cognito-idp.VerifySoftwareToken]
def verify_software_token(
    client: Any,
    user_code: str,
    *,
    session: str | None = None,
    access_token: str | None = None,
    friendly_device_name: str | None = None,
) -> dict[str, Any]:
    """Check the first code of the authenticator app set up with AssociateSoftwareToken.

    Cognito compares the code with the TOTP of the secret it handed out. When it matches, the
    app is registered as the user's software token MFA and ``Status`` is ``SUCCESS``; a wrong
    code raises ``EnableSoftwareTokenMFAException``. Verifying does not make TOTP the user's
    preferred MFA method: call SetUserMFAPreference (or AdminSetUserMFAPreference) for that,
    unless the pool requires MFA, in which case TOTP is used at the next sign-in anyway.

    During sign-in (``session``), Cognito returns a new ``Session``: answer the ``MFA_SETUP``
    challenge with it (RespondToAuthChallenge) to receive the user's tokens.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_code: The 6-digit code the authenticator app shows now. Never logged.
    :param session: The ``Session`` that AssociateSoftwareToken returned.
    :param access_token: The access token of a signed-in user (instead of ``session``).
    :param friendly_device_name: A name for the authenticator, such as ``Ana's phone``.
    :return: ``Status`` (``SUCCESS`` or ``ERROR``) and, when called with a session, the next
        ``Session``.
    :raises ValueError: When neither or both of ``session`` and ``access_token`` are given.
    """
    if (session is None) == (access_token is None):
        raise ValueError("Give exactly one of session or access_token.")
    kwargs: dict[str, Any] = {"UserCode": user_code}
    if session is not None:
        kwargs["Session"] = session
    else:
        kwargs["AccessToken"] = access_token
    if friendly_device_name:
        kwargs["FriendlyDeviceName"] = friendly_device_name
    try:
        response = client.verify_software_token(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code in ("EnableSoftwareTokenMFAException", "CodeMismatchException"):
            logger.error(
                "The code doesn't match the secret: check the authenticator app entry and the "
                "phone's clock, then send the current code."
            )
        elif code == "NotAuthorizedException":
            logger.error(
                "The session or access token is expired, revoked or already used: sign in again."
            )
        elif code == "SoftwareTokenMFANotFoundException":
            logger.error("No secret to verify: call AssociateSoftwareToken first.")
        logger.error(
            "Couldn't verify the software token. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    logger.info("Cognito checked the authenticator code: %s.", response.get("Status"))
    return dict(response)


# snippet-end:[python.cognito-idp.VerifySoftwareToken]


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
    parser = argparse.ArgumentParser(
        description="Verify a new authenticator app with its first TOTP code."
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--session", help="the Session AssociateSoftwareToken returned")
    group.add_argument("--access-token", help="the access token of a signed-in user")
    parser.add_argument("--code", required=True, help="the code the authenticator app shows")
    parser.add_argument("--device-name", help="a friendly name for the authenticator")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = verify_software_token(
            client,
            args.code,
            session=args.session,
            access_token=args.access_token,
            friendly_device_name=args.device_name,
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
