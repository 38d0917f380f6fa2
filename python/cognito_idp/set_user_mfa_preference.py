# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Turn TOTP MFA on (and make it preferred) for the signed-in user (SetUserMFAPreference).

Run it on its own, with the user's access token:

    python python/cognito_idp/set_user_mfa_preference.py --access-token eyJraWQEXAMPLE
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


# snippet-start:[python.cognito-idp.SetUserMFAPreference]
def set_user_mfa_preference(
    client: Any,
    access_token: str,
    *,
    software_token_enabled: bool = True,
    software_token_preferred: bool = True,
) -> None:
    """Set the signed-in user's own TOTP (software token) MFA preference.

    Once TOTP is enabled, Cognito asks this user for the authenticator app's code at every
    sign-in, except from a remembered device when the pool lets those skip MFA: InitiateAuth
    answers with the ``SOFTWARE_TOKEN_MFA`` challenge (in a pool whose MFA is ``OPTIONAL``,
    this call is what turns MFA on for the user). The authenticator app
    must have been verified first with VerifySoftwareToken, or Cognito raises
    ``InvalidParameterException``.

    :param client: A boto3 ``cognito-idp`` client.
    :param access_token: The access token of the signed-in user. Never logged.
    :param software_token_enabled: Whether TOTP MFA is enabled for the user.
    :param software_token_preferred: Whether TOTP is the user's preferred MFA method.
    :return: Nothing.
    """
    try:
        client.set_user_mfa_preference(
            AccessToken=access_token,
            SoftwareTokenMfaSettings={
                "Enabled": software_token_enabled,
                "PreferredMfa": software_token_preferred,
            },
        )
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "InvalidParameterException":
            logger.error(
                "Cognito rejected the preference: verify an authenticator app first "
                "(AssociateSoftwareToken, then VerifySoftwareToken)."
            )
        elif code == "NotAuthorizedException":
            logger.error("The access token is expired or revoked: sign in again.")
        logger.error(
            "Couldn't set the MFA preference. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info(
        "TOTP MFA is now %s%s for the user.",
        "enabled" if software_token_enabled else "disabled",
        " and preferred" if software_token_preferred else "",
    )


# snippet-end:[python.cognito-idp.SetUserMFAPreference]


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
        description="Enable TOTP MFA (and make it preferred) for the signed-in user."
    )
    parser.add_argument("--access-token", required=True, help="the user's access token")
    parser.add_argument(
        "--disable", action="store_true", help="disable TOTP MFA instead of enabling it"
    )
    parser.add_argument(
        "--not-preferred", action="store_true", help="enable TOTP without making it preferred"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    enabled = not args.disable
    preferred = enabled and not args.not_preferred
    try:
        client = boto3.client("cognito-idp")
        set_user_mfa_preference(
            client,
            args.access_token,
            software_token_enabled=enabled,
            software_token_preferred=preferred,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    result = {"SoftwareTokenMfaSettings": {"Enabled": enabled, "PreferredMfa": preferred}}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
