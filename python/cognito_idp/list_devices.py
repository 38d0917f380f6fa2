# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""List the devices Cognito tracks for the signed-in user (ListDevices).

Run it on its own, with the user's access token:

    python python/cognito_idp/list_devices.py --access-token eyJraWQEXAMPLE
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


# snippet-start:[python.cognito-idp.ListDevices]
def list_devices(client: Any, access_token: str) -> list[dict[str, Any]]:
    """List every device Cognito tracks for the signed-in user, page by page.

    Cognito answers with the devices confirmed with ConfirmDevice, remembered or not. Each has a
    ``DeviceKey``, dates, and ``DeviceAttributes`` such as ``device_name``, ``last_ip_used``
    and ``dev:device_remembered_status`` (``remembered`` or ``not_remembered``). It changes
    nothing.

    :param client: A boto3 ``cognito-idp`` client.
    :param access_token: The access token of the signed-in user. Never logged.
    :return: The devices, each with ``DeviceKey``, ``DeviceAttributes``, ``DeviceCreateDate``,
        ``DeviceLastModifiedDate`` and ``DeviceLastAuthenticatedDate``.
    """
    devices: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"AccessToken": access_token, "Limit": 60}
    try:
        while True:
            response = client.list_devices(**kwargs)
            devices.extend(response.get("Devices", []))
            if not response.get("PaginationToken"):
                break
            kwargs["PaginationToken"] = response["PaginationToken"]
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "NotAuthorizedException":
            logger.error("The access token is expired or revoked: sign in again.")
        logger.error(
            "Couldn't list devices. Here's why: %s: %s",
            code,
            err.response["Error"]["Message"],
        )
        raise
    logger.info("Found %d device(s).", len(devices))
    return devices


# snippet-end:[python.cognito-idp.ListDevices]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List the devices of the signed-in user.")
    parser.add_argument("--access-token", required=True, help="the user's access token")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = list_devices(client, args.access_token)
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
