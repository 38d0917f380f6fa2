# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin-respond-to-auth-challenge.sh: the authenticator code answers SOFTWARE_TOKEN_MFA."""

from __future__ import annotations

from cli.conftest import totp_challenge
from cli.expect import masked_length, printed_response, refused


def answer(run_script, pool, client, session, responses):
    return run_script(
        "admin-respond-to-auth-challenge",
        "--user-pool-id",
        pool,
        "--client-id",
        client,
        "--challenge-name",
        "SOFTWARE_TOKEN_MFA",
        "--session",
        session,
        "--challenge-responses",
        responses,
    )


def test_totp_code_signs_in(run_script, cognito, mfa_pool, mfa_app_client, totp_user):
    session = totp_challenge(cognito, mfa_pool, mfa_app_client, totp_user)
    responses = f"USERNAME={totp_user.username},SOFTWARE_TOKEN_MFA_CODE={totp_user.code()}"
    result = answer(run_script, mfa_pool, mfa_app_client, session, responses)
    tokens = printed_response(result, "AdminRespondToAuthChallenge")["AuthenticationResult"]
    assert masked_length(tokens["AccessToken"]) > 100
    assert session not in result.stdout


def test_wrong_code(run_script, cognito, mfa_pool, mfa_app_client, totp_user):
    session = totp_challenge(cognito, mfa_pool, mfa_app_client, totp_user)
    responses = f"USERNAME={totp_user.username},SOFTWARE_TOKEN_MFA_CODE={totp_user.wrong_code()}"
    result = answer(run_script, mfa_pool, mfa_app_client, session, responses)
    refused(result, "CodeMismatchException", "Cognito refused the code")


def test_expired_session(run_script, cognito, mfa_pool, mfa_app_client, totp_user, later):
    session = totp_challenge(cognito, mfa_pool, mfa_app_client, totp_user)
    responses = f"USERNAME={totp_user.username},SOFTWARE_TOKEN_MFA_CODE={totp_user.code()}"
    later(4 * 60)  # a challenge's session lives 3 minutes
    result = answer(run_script, mfa_pool, mfa_app_client, session, responses)
    refused(result, "NotAuthorizedException", "The session expired (it lasts 3 minutes)")
    assert "session is expired" in result.stderr  # Cognito's own message, shown
