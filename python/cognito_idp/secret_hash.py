# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Compute the SECRET_HASH that Cognito asks for when an app client has a client secret.

Run it on its own (you are asked for the client secret when ``--client-secret`` is left out):

    python python/cognito_idp/secret_hash.py --username ana --client-id 1example23456789
"""

from __future__ import annotations

import argparse
import base64
import getpass
import hashlib
import hmac
import json
import sys


# snippet-start:[python.cognito-idp.SecretHash]
def compute_secret_hash(username: str, client_id: str, client_secret: str) -> str:
    """Compute the ``SECRET_HASH`` of a user name for an app client that has a secret.

    Cognito recomputes the same value on its side and rejects the call with
    ``NotAuthorizedException`` when the hash is missing or doesn't match. Pass it to SignUp,
    ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword and, as
    ``SECRET_HASH``, in the parameters of InitiateAuth, AdminInitiateAuth,
    RespondToAuthChallenge and AdminRespondToAuthChallenge.

    :param username: The user name exactly as sent to Cognito in the same call.
    :param client_id: The ID of the app client.
    :param client_secret: The app client's secret. Keep it on a trusted back end.
    :return: Base64 of HMAC-SHA256 with the client secret as key over ``username + client_id``.
    """
    digest = hmac.new(
        client_secret.encode("utf-8"),
        msg=(username + client_id).encode("utf-8"),
        digestmod=hashlib.sha256,
    ).digest()
    return base64.b64encode(digest).decode("ascii")


# snippet-end:[python.cognito-idp.SecretHash]


# The command line below is repeated in every action module on purpose: each module stands alone.
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Compute the SECRET_HASH of a user name for a Cognito app client."
    )
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument("--client-secret", help="the app client's secret (asked for when left out)")
    args = parser.parse_args(argv)
    client_secret = args.client_secret
    if client_secret is None:
        if not sys.stdin.isatty():
            parser.error("--client-secret is required when no terminal is present")
        client_secret = getpass.getpass(f"Client secret of {args.client_id}: ")
    secret_hash = compute_secret_hash(args.username, args.client_id, client_secret)
    print(json.dumps({"SecretHash": secret_hash}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
