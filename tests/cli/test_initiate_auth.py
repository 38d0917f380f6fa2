"""initiate-auth.sh: the user's own sign-in (USER_PASSWORD_AUTH), tokens masked."""

from __future__ import annotations

from cognito_users import TEST_PASSWORD

from cli.expect import masked_length, printed_response, refused


def test_signs_in(run_script, cognito, app_client, confirmed_user):
    result = run_script(
        "initiate-auth",
        "--client-id",
        app_client,
        "--username",
        confirmed_user,
        stdin=TEST_PASSWORD + "\n",
    )
    tokens = printed_response(result, "InitiateAuth")["AuthenticationResult"]
    assert masked_length(tokens["AccessToken"]) > 100
    assert tokens["ExpiresIn"] > 0


def test_totp_challenge(run_script, mfa_app_client, totp_user):
    result = run_script(
        "initiate-auth",
        "--client-id",
        mfa_app_client,
        "--username",
        totp_user.username,
        stdin=TEST_PASSWORD + "\n",
    )
    response = printed_response(result, "InitiateAuth")
    assert response["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    masked_length(response["Session"])


def test_wrong_password(run_script, app_client, confirmed_user):
    result = run_script(
        "initiate-auth",
        "--client-id",
        app_client,
        "--username",
        confirmed_user,
        stdin="Wrong-Password-1!\n",
    )
    refused(result, "NotAuthorizedException", "Wrong user name or password")
