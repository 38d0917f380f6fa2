# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""sign-up.sh: an UNCONFIRMED user, the password read from stdin, the errors explained."""

from __future__ import annotations

from cognito_users import TEST_PASSWORD

from cli.expect import printed_response, refused


def sign_up(run_script, client_id: str, username: str, email: str, stdin: str | None):
    return run_script(
        "sign-up",
        *("--client-id", client_id, "--username", username, "--email", email),
        stdin=stdin,
    )


def test_signs_up_unconfirmed_user(run_script, cognito, user_pool, app_client, unique_name):
    username = f"ana-{unique_name}"
    result = sign_up(
        run_script, app_client, username, f"{username}@example.com", TEST_PASSWORD + "\n"
    )
    response = printed_response(result, "SignUp")
    assert response["UserConfirmed"] is False
    assert response["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=username)
    assert user["UserStatus"] == "UNCONFIRMED"
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attributes["sub"] == response["UserSub"]
    assert attributes["email"] == f"{username}@example.com"
    # the password from stdin is the one Cognito stored: the user can sign in once confirmed
    cognito.admin_confirm_sign_up(UserPoolId=user_pool, Username=username)
    signed_in = cognito.admin_initiate_auth(
        UserPoolId=user_pool,
        ClientId=app_client,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": TEST_PASSWORD},
    )
    assert "AuthenticationResult" in signed_in
    assert TEST_PASSWORD not in result.stdout + result.stderr


def test_taken_user_name(run_script, app_client, confirmed_user):
    result = sign_up(
        run_script, app_client, confirmed_user, "other@example.com", TEST_PASSWORD + "\n"
    )
    refused(result, "UsernameExistsException", "The user name is taken")


def test_weak_password(run_script, cognito, user_pool, app_client, unique_name):
    result = sign_up(
        run_script, app_client, unique_name, f"{unique_name}@example.com", "password\n"
    )
    refused(result, "InvalidPasswordException", "password policy refused the password")
    assert not cognito.list_users(UserPoolId=user_pool)["Users"]


def test_no_password(run_script, app_client, unique_name):
    result = sign_up(run_script, app_client, unique_name, f"{unique_name}@example.com", None)
    assert result.returncode == 2
    assert result.stderr.startswith("sign-up.sh: no password")
    assert len(result.stderr.splitlines()) == 1
