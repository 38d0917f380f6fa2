# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Turn multi-factor authentication with authenticator apps on for a user pool
(SetUserPoolMfaConfig).

Run it on its own:

    python python/cognito_idp/set_user_pool_mfa_config.py --user-pool-id us-east-1_EXAMPLE \
        --mfa-configuration ON
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


# snippet-start:[python.cognito-idp.SetUserPoolMfaConfig]
def set_user_pool_mfa_config(
    client: Any,
    user_pool_id: str,
    *,
    mfa_configuration: str = "ON",
    software_token_enabled: bool = True,
) -> dict[str, Any]:
    """Set whether users of a pool sign in with a second factor, and allow authenticator apps.

    With ``ON``, Cognito requires MFA from every user: a user without an authenticator app
    gets the ``MFA_SETUP`` challenge at the next sign-in, one with an app gets
    ``SOFTWARE_TOKEN_MFA``. With ``OPTIONAL``, only users who turned MFA on get a challenge.
    Users already signed in keep their tokens.

    :param client: A boto3 ``cognito-idp`` client.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param mfa_configuration: ``ON`` (required), ``OPTIONAL`` (per user) or ``OFF``.
    :param software_token_enabled: Whether authenticator apps (TOTP) are an allowed factor.
        Not sent with ``OFF``: Cognito refuses to turn MFA off and configure a factor at once.
    :return: The response without ``ResponseMetadata``: ``MfaConfiguration``,
        ``SoftwareTokenMfaConfiguration`` and the pool's other MFA settings.
    """
    kwargs: dict[str, Any] = {"UserPoolId": user_pool_id, "MfaConfiguration": mfa_configuration}
    if mfa_configuration != "OFF":  # Cognito refuses OFF together with any factor setting.
        kwargs["SoftwareTokenMfaConfiguration"] = {"Enabled": software_token_enabled}
    try:
        response = client.set_user_pool_mfa_config(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error(
                "There is no user pool %s in this account and Region: check the ID and Region.",
                user_pool_id,
            )
        elif code == "InvalidParameterException":
            logger.error(
                "MFA %s needs at least one factor: enable authenticator apps (TOTP), or "
                "configure SMS or e-mail MFA.",
                mfa_configuration,
            )
        logger.error(
            "Couldn't set the MFA configuration of user pool %s. Here's why: %s: %s",
            user_pool_id,
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    logger.info("MFA of user pool %s is now %s.", user_pool_id, response.get("MfaConfiguration"))
    return dict(response)


# snippet-end:[python.cognito-idp.SetUserPoolMfaConfig]


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
        description="Set the MFA configuration of a Cognito user pool (authenticator apps)."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument(
        "--mfa-configuration",
        choices=["ON", "OPTIONAL", "OFF"],
        default="ON",
        help="whether MFA is required, optional or off (default: ON)",
    )
    parser.add_argument(
        "--no-software-token",
        action="store_true",
        help="don't allow authenticator apps (TOTP) as a factor",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = set_user_pool_mfa_config(
            client,
            args.user_pool_id,
            mfa_configuration=args.mfa_configuration,
            software_token_enabled=not args.no_software_token,
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
