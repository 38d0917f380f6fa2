# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""respond-to-auth-challenge.sh: the user's app answers SOFTWARE_TOKEN_MFA with its code."""

from __future__ import annotations

from typing import Any

from cognito_users import TEST_PASSWORD

from cli.expect import masked_length, printed_response, refused


def user_totp_challenge(cognito: Any, client_id: str, username: str) -> str:
    started = cognito.initiate_auth(
        ClientId=client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": TEST_PASSWORD},
    )
    assert started["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    return str(started["Session"])


def answer(run_script, client, session, responses):
    return run_script(
        "respond-to-auth-challenge",
        "--client-id",
        client,
        "--challenge-name",
        "SOFTWARE_TOKEN_MFA",
        "--session",
        session,
        "--challenge-responses",
        responses,
    )


def test_totp_code_signs_in(run_script, cognito, mfa_app_client, totp_user):
    session = user_totp_challenge(cognito, mfa_app_client, totp_user.username)
    responses = f"USERNAME={totp_user.username},SOFTWARE_TOKEN_MFA_CODE={totp_user.code()}"
    result = answer(run_script, mfa_app_client, session, responses)
    tokens = printed_response(result, "RespondToAuthChallenge")["AuthenticationResult"]
    assert masked_length(tokens["IdToken"]) > 100


def test_expired_session(run_script, mfa_app_client, totp_user):
    responses = f"USERNAME={totp_user.username},SOFTWARE_TOKEN_MFA_CODE={totp_user.code()}"
    # a session that starts with "-" still reaches Cognito (not taken for an option)
    result = answer(run_script, mfa_app_client, "-" + "x" * 63, responses)
    refused(result, "NotAuthorizedException", "The session expired")
