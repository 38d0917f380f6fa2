# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Turn a user's TOTP MFA on or off as an administrator (AdminSetUserMFAPreference).

Run it on its own:

    python python/cognito_idp/admin_set_user_mfa_preference.py \
        --user-pool-id us-east-1_EXAMPLE --username ana
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


# snippet-start:[python.cognito-idp.AdminSetUserMFAPreference]
def admin_set_user_mfa_preference(
    client: Any,
    user_pool_id: str,
    username: str,
    *,
    software_token_enabled: bool = True,
    software_token_preferred: bool = True,
) -> None:
    """Set a user's TOTP (software token) MFA preference from a trusted back end.

    Once TOTP is enabled, Cognito asks the user for the authenticator app's code at every
    sign-in (the ``SOFTWARE_TOKEN_MFA`` challenge), except from a remembered device when the
    pool lets those skip MFA. Enabling needs an authenticator app the user has verified
    (VerifySoftwareToken), or Cognito raises ``InvalidParameterException``.
    In a pool whose MFA is ``OPTIONAL``, disabling it lets the user sign in with the password
    alone again.

    :param client: A boto3 ``cognito-idp`` client with administrator credentials.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param username: The user name (or alias) of the user.
    :param software_token_enabled: Whether TOTP MFA is enabled for the user.
    :param software_token_preferred: Whether TOTP is the user's preferred MFA method.
    :return: Nothing.
    """
    try:
        client.admin_set_user_mfa_preference(
            UserPoolId=user_pool_id,
            Username=username,
            SoftwareTokenMfaSettings={
                "Enabled": software_token_enabled,
                "PreferredMfa": software_token_preferred,
            },
        )
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "UserNotFoundException":
            logger.error("User %s is not in user pool %s.", username, user_pool_id)
        elif code == "InvalidParameterException":
            logger.error(
                "Cognito rejected the preference for %s: the user must verify an "
                "authenticator app first.",
                username,
            )
        elif code == "ResourceNotFoundException":
            logger.error("There is no user pool %s: check the ID and Region.", user_pool_id)
        logger.error(
            "Couldn't set the MFA preference of %s. Here's why: %s: %s",
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info(
        "TOTP MFA is now %s%s for %s.",
        "enabled" if software_token_enabled else "disabled",
        " and preferred" if software_token_preferred else "",
        username,
    )


# snippet-end:[python.cognito-idp.AdminSetUserMFAPreference]


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
        description="Enable or disable a user's TOTP MFA as an administrator."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--username", required=True, help="user name of the user")
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
        admin_set_user_mfa_preference(
            client,
            args.user_pool_id,
            args.username,
            software_token_enabled=enabled,
            software_token_preferred=preferred,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    result = {
        "Username": args.username,
        "SoftwareTokenMfaSettings": {"Enabled": enabled, "PreferredMfa": preferred},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
