# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""initiate-auth.sh: the user's own sign-in (USER_PASSWORD_AUTH), tokens masked."""

from __future__ import annotations

from cognito_users import TEST_PASSWORD

from cli.expect import masked_length, printed_response, refused


def sign_in(run_script, client_id: str, username: str, password: str):
    return run_script(
        "initiate-auth", "--client-id", client_id, "--username", username, stdin=password + "\n"
    )


def test_signs_in(run_script, app_client, confirmed_user):
    result = sign_in(run_script, app_client, confirmed_user, TEST_PASSWORD)
    tokens = printed_response(result, "InitiateAuth")["AuthenticationResult"]
    assert masked_length(tokens["AccessToken"]) > 100
    assert tokens["ExpiresIn"] > 0


def test_totp_challenge(run_script, mfa_app_client, totp_user):
    result = sign_in(run_script, mfa_app_client, totp_user.username, TEST_PASSWORD)
    response = printed_response(result, "InitiateAuth")
    assert response["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    masked_length(response["Session"])


def test_wrong_password(run_script, app_client, confirmed_user):
    result = sign_in(run_script, app_client, confirmed_user, "Wrong-Password-1!")
    refused(result, "NotAuthorizedException", "Wrong user name or password")
