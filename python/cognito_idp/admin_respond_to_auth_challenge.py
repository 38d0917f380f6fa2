# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Answer a sign-in challenge as an administrator (AdminRespondToAuthChallenge).

Run it on its own, with the session AdminInitiateAuth returned and the authenticator app's code:

    python python/cognito_idp/admin_respond_to_auth_challenge.py --user-pool-id us-east-1_EXAMPLE \
        --client-id 1example23456789 \
        --challenge-name SOFTWARE_TOKEN_MFA --session AYABeEXAMPLE --username ana --code 123456
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


# snippet-start:[python.cognito-idp.AdminRespondToAuthChallenge]
def admin_respond_to_auth_challenge(
    client: Any,
    user_pool_id: str,
    client_id: str,
    challenge_name: str,
    session: str,
    challenge_responses: dict[str, str],
    *,
    secret_hash: str | None = None,
) -> dict[str, Any]:
    """Answer, from a trusted back end, the challenge that AdminInitiateAuth asked for.

    The call is signed with AWS credentials allowed ``cognito-idp:AdminRespondToAuthChallenge``.

    The answers Cognito expects depend on the challenge, and always include ``USERNAME``:

    * ``SOFTWARE_TOKEN_MFA``: ``SOFTWARE_TOKEN_MFA_CODE``, the 6-digit code the user's
      authenticator app shows now. A wrong code raises ``CodeMismatchException``.
    * ``MFA_SETUP``: nothing more, once VerifySoftwareToken has accepted the first code of the
      new authenticator app; pass the ``Session`` that VerifySoftwareToken returned.
    * ``NEW_PASSWORD_REQUIRED``: ``NEW_PASSWORD``.
    * ``PASSWORD_VERIFIER`` / ``DEVICE_PASSWORD_VERIFIER``: the SRP proof computed client side.

    Cognito answers with ``AuthenticationResult`` (ID, access and refresh tokens, and
    ``NewDeviceMetadata`` when the pool remembers devices) or with the next challenge and a new
    ``Session``. A session is single use and lasts three minutes by default.

    :param client: A boto3 ``cognito-idp`` client with administrator credentials.
    :param user_pool_id: The ID of the user pool, such as ``us-east-1_EXAMPLE``.
    :param client_id: The ID of the app client.
    :param challenge_name: The ``ChallengeName`` Cognito returned, such as
        ``SOFTWARE_TOKEN_MFA``.
    :param session: The ``Session`` Cognito returned with the challenge; an empty string when
        the challenge came without one (``PASSWORD_VERIFIER`` of the SRP flow).
    :param challenge_responses: The answers, such as
        ``{"USERNAME": "ana", "SOFTWARE_TOKEN_MFA_CODE": "123456"}``. Never logged.
    :param secret_hash: The ``SECRET_HASH`` of the user name, needed only when the app client
        has a secret; it is added to the answers as ``SECRET_HASH``.
    :return: The response without ``ResponseMetadata``: ``AuthenticationResult``, or the next
        ``ChallengeName`` with ``Session`` and ``ChallengeParameters``.
    """
    responses = dict(challenge_responses)
    if secret_hash:
        responses["SECRET_HASH"] = secret_hash
    username = responses.get("USERNAME", "")
    kwargs: dict[str, Any] = {
        "UserPoolId": user_pool_id,
        "ClientId": client_id,
        "ChallengeName": challenge_name,
        "ChallengeResponses": responses,
    }
    if session:
        kwargs["Session"] = session
    try:
        response = client.admin_respond_to_auth_challenge(**kwargs)
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code == "CodeMismatchException":
            logger.error("The code for %s is wrong: ask for the current code again.", username)
        elif code == "ExpiredCodeException":
            logger.error("The code for %s has expired: ask for a fresh one.", username)
        elif code == "NotAuthorizedException":
            logger.error(
                "Cognito refused the answer for %s: the session may have expired or been used "
                "already (sign in again), or the SRP proof is wrong.",
                username,
            )
        elif code == "UserNotFoundException":
            logger.error("User %s is not in user pool %s.", username, user_pool_id)
        elif code == "InvalidPasswordException":
            logger.error("The new password for %s doesn't meet the pool's policy.", username)
        elif code == "TooManyRequestsException":
            logger.error("Too many requests: wait a little, then try again.")
        logger.error(
            "Couldn't answer challenge %s for %s. Here's why: %s: %s",
            challenge_name,
            username,
            code,
            err.response["Error"]["Message"],
        )
        raise
    response.pop("ResponseMetadata", None)
    if "ChallengeName" in response:
        logger.info("Cognito asks %s for challenge %s next.", username, response["ChallengeName"])
    else:
        logger.info("Challenge %s answered: %s is signed in.", challenge_name, username)
    return dict(response)


# snippet-end:[python.cognito-idp.AdminRespondToAuthChallenge]


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
_CODE_FIELDS = {
    "SOFTWARE_TOKEN_MFA": "SOFTWARE_TOKEN_MFA_CODE",
    "SMS_MFA": "SMS_MFA_CODE",
    "EMAIL_OTP": "EMAIL_OTP_CODE",
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
        description="Answer a Cognito sign-in challenge as an administrator."
    )
    parser.add_argument("--user-pool-id", required=True, help="ID of the user pool")
    parser.add_argument("--client-id", required=True, help="ID of the app client")
    parser.add_argument(
        "--challenge-name", required=True, help="the challenge, such as SOFTWARE_TOKEN_MFA"
    )
    parser.add_argument("--session", default="", help="the Session returned with the challenge")
    parser.add_argument("--username", required=True, help="user name of the user")
    parser.add_argument("--code", help="the MFA code (SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP)")
    parser.add_argument(
        "--response",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="any other answer, such as NEW_PASSWORD=... (repeatable)",
    )
    parser.add_argument("--secret-hash", help="SECRET_HASH, when the app client has a secret")
    args = parser.parse_args(argv)
    responses = {"USERNAME": args.username}
    for item in args.response:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--response needs NAME=VALUE, got {name!r}")
        responses[name] = value
    if args.code is not None:
        if args.challenge_name not in _CODE_FIELDS:
            parser.error(f"--code doesn't apply to {args.challenge_name}; use --response")
        responses[_CODE_FIELDS[args.challenge_name]] = args.code
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)  # only this example's messages
    try:
        client = boto3.client("cognito-idp")
        result = admin_respond_to_auth_challenge(
            client,
            args.user_pool_id,
            args.client_id,
            args.challenge_name,
            args.session,
            responses,
            secret_hash=args.secret_hash,
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
