# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The client side of a remembered device: its secret verifier and its SRP proof.

Cognito never learns a device's password. ConfirmDevice receives only an SRP verifier derived
from it, and each later sign-in with the device proves knowledge of the password with the
DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER challenges. pycognito's ``aws_srp`` has the maths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pycognito import aws_srp


@dataclass
class RememberedDevice:
    """What an app keeps in safe storage to sign in with a device later."""

    key: str
    group_key: str
    password: str


def new_device_verifier(device_key: str, device_group_key: str) -> tuple[str, dict[str, str]]:
    """A random device password and the ``DeviceSecretVerifierConfig`` to send to Cognito."""
    password, config = aws_srp.generate_hash_device(device_group_key, device_key)
    return str(password), {"PasswordVerifier": config["PasswordVerifier"], "Salt": config["Salt"]}


class DeviceProof:
    """One device sign-in: ``srp_a`` for DEVICE_SRP_AUTH, then the DEVICE_PASSWORD_VERIFIER."""

    def __init__(self, device: RememberedDevice, client_id: str, client_secret: str | None):
        self._srp = aws_srp.AWSSRP(
            username="",
            password="",
            pool_id="unused_unused",
            client_id=client_id,
            client=object(),  # pycognito makes no call here: the scenario calls Cognito
            client_secret=client_secret,
            device_key=device.key,
            device_group_key=device.group_key,
            device_password=device.password,
        )

    @property
    def srp_a(self) -> str:
        return str(aws_srp.long_to_hex(self._srp.large_a_value))

    def password_verifier(self, challenge_parameters: dict[str, Any]) -> dict[str, str]:
        """The answers to DEVICE_PASSWORD_VERIFIER (they include SECRET_HASH if needed)."""
        return dict(self._srp.process_device_challenge(challenge_parameters))
