# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""An ``email`` attribute must look like an e-mail address, as Cognito requires."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from cognito_emulator.codes import check_email_attribute
from cognito_emulator.exceptions import InvalidParameterException


@pytest.mark.parametrize(
    "value", ["not-an-e-mail", "ana@", "@example.com", "ana smith@example.com"]
)
def test_malformed_addresses_are_refused(value: str) -> None:
    with pytest.raises(InvalidParameterException, match="Invalid email address format"):
        check_email_attribute([{"Name": "email", "Value": value}])


def test_addresses_and_other_attributes_pass() -> None:
    check_email_attribute(
        [{"Name": "email", "Value": "ana@example.com"}, {"Name": "name", "Value": "not@mail"}]
    )


def test_sign_up_with_a_malformed_address_creates_no_user(
    cognito: Any, user_pool: str, app_client: str
) -> None:
    with pytest.raises(ClientError) as caught:
        cognito.sign_up(
            ClientId=app_client,
            Username="ana",
            Password="Correct-Horse-9!",
            UserAttributes=[{"Name": "email", "Value": "not-an-e-mail"}],
        )
    assert caught.value.response["Error"]["Code"] == "InvalidParameterException"
    assert cognito.list_users(UserPoolId=user_pool)["Users"] == []


def test_admin_create_user_with_a_malformed_address_is_refused(
    cognito: Any, user_pool: str
) -> None:
    with pytest.raises(cognito.exceptions.InvalidParameterException):
        cognito.admin_create_user(
            UserPoolId=user_pool,
            Username="ana",
            UserAttributes=[{"Name": "email", "Value": "ana at example.com"}],
            MessageAction="SUPPRESS",
        )
    assert cognito.list_users(UserPoolId=user_pool)["Users"] == []
