# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Remember, or stop remembering, one of the signed-in user's devices (UpdateDeviceStatus).

Run it on its own, with the user's access token and the device key:

    python python/cognito_idp/update_device_status.py --access-token eyJraWQEXAMPLE \
        --device-key us-east-1_a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 --remembered
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


# snippet-start:[python.cognito-idp.UpdateDeviceStatus]
def update_device_status(client: Any, access_token: str, device_key: str, remembered: bool) -> None:
    """Set whether Cognito remembers a confirmed device.

    Cognito changes the device's ``dev:device_remembered_status`` attribute to ``remembered``
    or ``not_remembered``. In a pool that lets remembered devices skip MFA, a sign-in with the
    ``DEVICE_KEY`` of a remembered device is not asked for the authenticator code; a
    not-remembered device stays tracked (listed by ListDevices) but gets no such shortcut.

    :param client: A boto3 ``cognito-idp`` client.
    :param access_token: The access token of the signed-in user who owns the device. Never
        logged.
    :param device_key: The ``DeviceKey`` of the device.
    :param remembered: ``True`` to remember the device, ``False`` to stop remembering it.
    :return: Nothing.
    """
    status = "remembered" if remembered else "not_remembered"
    try:
        client.update_device_status(
            AccessToken=access_token, DeviceKey=device_key, DeviceRememberedStatus=status
        )
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            logger.error("Device %s isn't tracked for this user: confirm it first.", device_key)
        elif code == "NotAuthorizedException":
            logger.error("The access token is expired or revoked: sign in again.")
        logger.error(
            "Couldn't set device %s to %s. Here's why: %s: %s",
            device_key,
            status,
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Device %s is now %s.", device_key, status)


# snippet-end:[python.cognito-idp.UpdateDeviceStatus]


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
        description="Remember, or stop remembering, a device of the signed-in user."
    )
    parser.add_argument("--access-token", required=True, help="the user's access token")
    parser.add_argument("--device-key", required=True, help="DeviceKey of the device")
    status = parser.add_mutually_exclusive_group(required=True)
    status.add_argument("--remembered", action="store_true", help="remember the device")
    status.add_argument("--not-remembered", action="store_true", help="stop remembering the device")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        update_device_status(client, args.access_token, args.device_key, args.remembered)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    result = {
        "DeviceKey": args.device_key,
        "DeviceRememberedStatus": "remembered" if args.remembered else "not_remembered",
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
