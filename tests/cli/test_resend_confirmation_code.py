"""resend-confirmation-code.sh: a new code is sent, and only the new one confirms."""

from __future__ import annotations

from cognito_users import TEST_PASSWORD

from cli.expect import printed_response, refused


def test_sends_new_code(run_script, cognito, emulator, user_pool, app_client, unique_name):
    username = f"ana-{unique_name}"
    cognito.sign_up(
        ClientId=app_client,
        Username=username,
        Password=TEST_PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )
    before = emulator.messages(username, user_pool)
    result = run_script(
        "resend-confirmation-code", "--client-id", app_client, "--username", username
    )
    delivery = printed_response(result, "ResendConfirmationCode")["CodeDeliveryDetails"]
    assert delivery["DeliveryMedium"] == "EMAIL"
    assert delivery["Destination"] != f"{username}@example.com"  # masked by Cognito
    after = emulator.messages(username, user_pool)
    assert len(after) == len(before) + 1
    new_code = after[-1]["code"]
    cognito.confirm_sign_up(ClientId=app_client, Username=username, ConfirmationCode=new_code)
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=username)
    assert user["UserStatus"] == "CONFIRMED"


def test_unknown_user(run_script, app_client, unique_name):
    result = run_script(
        "resend-confirmation-code", "--client-id", app_client, "--username", f"nobody-{unique_name}"
    )
    refused(result, "UserNotFoundException", "There is no user of that name")
