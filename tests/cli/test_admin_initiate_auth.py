# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""admin-initiate-auth.sh: tokens or a challenge, masked; the password only on stdin."""

from __future__ import annotations

from cognito_users import TEST_PASSWORD

from cli.expect import masked_length, printed_response, refused


def sign_in(run_script, pool_id: str, client_id: str, username: str, password: str):
    return run_script(
        "admin-initiate-auth",
        *("--user-pool-id", pool_id, "--client-id", client_id, "--username", username),
        stdin=password + "\n",
    )


def test_signs_in_without_mfa(run_script, user_pool, app_client, confirmed_user):
    result = sign_in(run_script, user_pool, app_client, confirmed_user, TEST_PASSWORD)
    tokens = printed_response(result, "AdminInitiateAuth")["AuthenticationResult"]
    for name in ("AccessToken", "IdToken", "RefreshToken"):
        assert masked_length(tokens[name]) > 100  # a JWT (or refresh token), shown masked
    assert tokens["TokenType"] == "Bearer"


def test_mfa_setup_challenge(run_script, mfa_pool, mfa_app_client, mfa_user):
    result = sign_in(run_script, mfa_pool, mfa_app_client, mfa_user, TEST_PASSWORD)
    response = printed_response(result, "AdminInitiateAuth")
    assert response["ChallengeName"] == "MFA_SETUP"
    assert masked_length(response["Session"]) >= 16
    assert "AuthenticationResult" not in response


def test_wrong_password(run_script, user_pool, app_client, confirmed_user):
    result = sign_in(run_script, user_pool, app_client, confirmed_user, "Wrong-Password-1!")
    refused(result, "NotAuthorizedException", "Wrong user name or password")
    assert "Wrong-Password-1!" not in result.stderr
