"""confirm-sign-up.sh: the delivered code confirms the user; a wrong one is explained."""

from __future__ import annotations

import pytest
from cognito_users import TEST_PASSWORD

from cli.expect import printed_response, refused


@pytest.fixture
def signed_up(cognito, app_client, unique_name) -> str:
    """A user who signed up (UNCONFIRMED; a code was 'e-mailed'); its name."""
    username = f"ana-{unique_name}"
    cognito.sign_up(
        ClientId=app_client,
        Username=username,
        Password=TEST_PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )
    return username


def test_confirms_with_delivered_code(
    run_script, cognito, emulator, user_pool, app_client, signed_up
):
    code = emulator.code_for(signed_up, user_pool)
    result = run_script(
        "confirm-sign-up",
        "--client-id",
        app_client,
        "--username",
        signed_up,
        "--confirmation-code",
        code,
    )
    if result.stdout.strip():
        printed_response(result, "ConfirmSignUp")
    else:  # the CLI prints nothing for an empty answer
        assert result.returncode == 0, result.stderr
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=signed_up)
    assert user["UserStatus"] == "CONFIRMED"


def test_wrong_code(run_script, cognito, emulator, user_pool, app_client, signed_up):
    code = emulator.code_for(signed_up, user_pool)
    wrong = "000000" if code != "000000" else "111111"
    result = run_script(
        "confirm-sign-up",
        "--client-id",
        app_client,
        "--username",
        signed_up,
        "--confirmation-code",
        wrong,
    )
    refused(result, "CodeMismatchException", "The code is wrong")
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=signed_up)
    assert user["UserStatus"] == "UNCONFIRMED"
