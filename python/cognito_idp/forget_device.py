# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Stop tracking one of the signed-in user's devices (ForgetDevice).

Run it on its own, with the device key and the user's access token:

    python python/cognito_idp/forget_device.py --access-token eyJraWQEXAMPLE \
        --device-key us-east-1_a1b2c3d4-5678-90ab-cdef-EXAMPLE11111
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


# snippet-start:[python.cognito-idp.ForgetDevice]
def forget_device(client: Any, device_key: str, *, access_token: str | None = None) -> None:
    """Forget a device, for example one the user lost or no longer trusts.

    Cognito deletes the device and its verifier: it no longer appears in ListDevices, its
    ``DEVICE_SRP_AUTH`` sign-in stops working, and a sign-in from it asks for MFA again. The
    app should delete the device key, group key and device password it stored.

    :param client: A boto3 ``cognito-idp`` client.
    :param device_key: The ``DeviceKey`` of the device.
    :param access_token: The access token of the signed-in user who owns the device. Never
        logged.
    :return: Nothing.
    """
    kwargs: dict[str, Any] = {"DeviceKey": device_key}
    if access_token is not None:
        kwargs["AccessToken"] = access_token
    try:
        client.forget_device(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error("Device %s isn't tracked (anymore) for this user.", device_key)
        elif code == "NotAuthorizedException":
            logger.error("The access token is expired or revoked: sign in again.")
        logger.error(
            "Couldn't forget device %s. Here's why: %s: %s",
            device_key,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Forgot device %s.", device_key)


# snippet-end:[python.cognito-idp.ForgetDevice]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Forget a device of the signed-in user.")
    parser.add_argument("--access-token", required=True, help="the user's access token")
    parser.add_argument("--device-key", required=True, help="DeviceKey of the device")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        forget_device(client, args.device_key, access_token=args.access_token)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"DeviceKey": args.device_key, "Forgotten": True}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
