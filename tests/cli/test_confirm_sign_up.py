# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""confirm-sign-up.sh: the delivered code confirms the user; a wrong one is explained."""

from __future__ import annotations

from cli.expect import printed_response, refused


def confirm(run_script, client_id: str, username: str, code: str):
    return run_script(
        "confirm-sign-up",
        *("--client-id", client_id, "--username", username, "--confirmation-code", code),
    )


def test_confirms_with_delivered_code(
    run_script, cognito, emulator, user_pool, app_client, signed_up
):
    result = confirm(run_script, app_client, signed_up, emulator.code_for(signed_up, user_pool))
    if result.stdout.strip():
        printed_response(result, "ConfirmSignUp")
    else:  # the CLI prints nothing for an empty answer
        assert result.returncode == 0, result.stderr
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=signed_up)
    assert user["UserStatus"] == "CONFIRMED"


def test_wrong_code(run_script, cognito, emulator, user_pool, app_client, signed_up):
    code = emulator.code_for(signed_up, user_pool)
    result = confirm(run_script, app_client, signed_up, "000000" if code != "000000" else "111111")
    refused(result, "CodeMismatchException", "The code is wrong")
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=signed_up)
    assert user["UserStatus"] == "UNCONFIRMED"


def test_expired_code(run_script, cognito, emulator, user_pool, app_client, signed_up, later):
    code = emulator.code_for(signed_up, user_pool)
    later(25 * 3600)  # codes are valid for 24 hours
    result = confirm(run_script, app_client, signed_up, code)
    refused(result, "ExpiredCodeException", "The code has expired")
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=signed_up)
    assert user["UserStatus"] == "UNCONFIRMED"
