# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""resend-confirmation-code.sh: a new code is sent, and only the new one confirms."""

from __future__ import annotations

from cli.expect import printed_response, refused


def test_sends_new_code(run_script, cognito, emulator, user_pool, app_client, signed_up):
    before = emulator.messages(signed_up, user_pool)
    result = run_script(
        "resend-confirmation-code", "--client-id", app_client, "--username", signed_up
    )
    delivery = printed_response(result, "ResendConfirmationCode")["CodeDeliveryDetails"]
    assert delivery["DeliveryMedium"] == "EMAIL"
    assert delivery["Destination"] != f"{signed_up}@example.com"  # masked by Cognito
    after = emulator.messages(signed_up, user_pool)
    assert len(after) == len(before) + 1
    new_code = after[-1]["code"]
    cognito.confirm_sign_up(ClientId=app_client, Username=signed_up, ConfirmationCode=new_code)
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=signed_up)
    assert user["UserStatus"] == "CONFIRMED"


def test_unknown_user(run_script, app_client, unique_name):
    result = run_script(
        "resend-confirmation-code", "--client-id", app_client, "--username", f"nobody-{unique_name}"
    )
    refused(result, "UserNotFoundException", "There is no user of that name")
