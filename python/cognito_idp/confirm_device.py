# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Register the device a user signed in on, so it can be remembered (ConfirmDevice).

Run it on its own, with the user's access token, the ``DeviceKey`` of the ``NewDeviceMetadata``
that sign-in returned, and the verifier and salt the app computed for the device:

    python python/cognito_idp/confirm_device.py --access-token eyJraWQEXAMPLE \
        --device-key us-east-1_a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 \
        --password-verifier BASE64VERIFIER --salt BASE64SALT --device-name "Ana's laptop"
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


# snippet-start:[python.cognito-idp.ConfirmDevice]
def confirm_device(
    client: Any,
    access_token: str,
    device_key: str,
    device_secret_verifier_config: dict[str, str],
    device_name: str | None = None,
) -> dict[str, Any]:
    """Confirm a new device that Cognito started tracking at sign-in.

    When the user pool tracks devices, a sign-in returns ``NewDeviceMetadata`` with a
    ``DeviceKey`` and a ``DeviceGroupKey`` in ``AuthenticationResult``. The app then makes up a
    random device password, derives an SRP verifier from it and sends only the verifier, so
    Cognito can later check the device with the ``DEVICE_SRP_AUTH`` flow without ever learning
    the password. ``DeviceSecretVerifierConfig`` is computed client side with Cognito's SRP
    maths, for example with pycognito::

        from pycognito import aws_srp
        device_password, config = aws_srp.generate_hash_device(device_group_key, device_key)
        # config == {"PasswordVerifier": "<base64>", "Salt": "<base64>"}

    The app must keep ``device_key``, ``device_group_key`` and ``device_password`` in safe
    storage: they are needed for every later device sign-in, and Cognito cannot give the
    password back.

    Cognito answers ``UserConfirmationNecessary``: when ``True`` (the pool remembers devices
    only on the user's request), the device is tracked but not remembered until
    UpdateDeviceStatus sets it to ``remembered``; when ``False``, it is remembered already.
    A remembered device can skip MFA at later sign-ins, if the pool is configured that way.

    :param client: A boto3 ``cognito-idp`` client.
    :param access_token: The access token of the sign-in that created the device. Never logged.
    :param device_key: The ``DeviceKey`` of ``NewDeviceMetadata``.
    :param device_secret_verifier_config: ``PasswordVerifier`` and ``Salt``, both base64.
    :param device_name: A name the user recognizes, such as ``Ana's laptop``.
    :return: ``{"UserConfirmationNecessary": bool}``.
    """
    kwargs: dict[str, Any] = {
        "AccessToken": access_token,
        "DeviceKey": device_key,
        "DeviceSecretVerifierConfig": device_secret_verifier_config,
    }
    if device_name:
        kwargs["DeviceName"] = device_name
    try:
        response = client.confirm_device(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "NotAuthorizedException":
            logger.error("The access token is expired or revoked: sign in again.")
        elif code == "ResourceNotFoundException":
            logger.error(
                "Cognito doesn't know device %s: use the DeviceKey of NewDeviceMetadata.",
                device_key,
            )
        elif code == "DeviceKeyExistsException":
            logger.error("Device %s is confirmed already.", device_key)
        elif code == "InvalidParameterException":
            logger.error("Check the device key and the PasswordVerifier and Salt (base64).")
        logger.error(
            "Couldn't confirm device %s. Here's why: %s: %s",
            device_key,
            code,
            err.response["Error"]["Message"],
        )
        raise
    necessary = bool(response.get("UserConfirmationNecessary", False))
    logger.info(
        "Device %s confirmed; %s",
        device_key,
        "the user must still choose to remember it." if necessary else "it is remembered.",
    )
    return {"UserConfirmationNecessary": necessary}


# snippet-end:[python.cognito-idp.ConfirmDevice]


# The command line below is repeated in every action module on purpose: each module stands alone.
_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Confirm a device Cognito tracks for a user.")
    parser.add_argument("--access-token", required=True, help="the user's access token")
    parser.add_argument("--device-key", required=True, help="DeviceKey of NewDeviceMetadata")
    parser.add_argument(
        "--password-verifier", required=True, help="the device's SRP verifier (base64)"
    )
    parser.add_argument("--salt", required=True, help="the salt of the verifier (base64)")
    parser.add_argument("--device-name", help="a name the user recognizes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = confirm_device(
            client,
            args.access_token,
            args.device_key,
            {"PasswordVerifier": args.password_verifier, "Salt": args.salt},
            args.device_name,
        )
    except ClientError:
        return 1  # already logged with Cognito's error code and message
    except BotoCoreError as err:  # no region, no credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2
    print(json.dumps({"DeviceKey": args.device_key, **result}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
