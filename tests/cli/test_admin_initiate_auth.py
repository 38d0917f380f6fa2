"""admin-initiate-auth.sh: tokens or a challenge, masked; the password only on stdin."""

from __future__ import annotations

from cognito_users import TEST_PASSWORD

from cli.expect import masked_length, printed_response, refused


def test_signs_in_without_mfa(run_script, user_pool, app_client, confirmed_user):
    result = run_script(
        "admin-initiate-auth",
        "--user-pool-id",
        user_pool,
        "--client-id",
        app_client,
        "--username",
        confirmed_user,
        stdin=TEST_PASSWORD + "\n",
    )
    tokens = printed_response(result, "AdminInitiateAuth")["AuthenticationResult"]
    for name in ("AccessToken", "IdToken", "RefreshToken"):
        assert masked_length(tokens[name]) > 100  # a JWT (or refresh token), shown masked
    assert tokens["TokenType"] == "Bearer"


def test_mfa_setup_challenge(run_script, mfa_pool, mfa_app_client, mfa_user):
    result = run_script(
        "admin-initiate-auth",
        "--user-pool-id",
        mfa_pool,
        "--client-id",
        mfa_app_client,
        "--username",
        mfa_user,
        stdin=TEST_PASSWORD + "\n",
    )
    response = printed_response(result, "AdminInitiateAuth")
    assert response["ChallengeName"] == "MFA_SETUP"
    assert masked_length(response["Session"]) >= 16
    assert "AuthenticationResult" not in response


def test_wrong_password(run_script, user_pool, app_client, confirmed_user):
    result = run_script(
        "admin-initiate-auth",
        "--user-pool-id",
        user_pool,
        "--client-id",
        app_client,
        "--username",
        confirmed_user,
        stdin="Wrong-Password-1!\n",
    )
    refused(result, "NotAuthorizedException", "Wrong user name or password")
    assert "Wrong-Password-1!" not in result.stderr
