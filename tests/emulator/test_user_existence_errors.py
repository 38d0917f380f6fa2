# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""PreventUserExistenceErrors: whether a sign-in reveals that a user name doesn't exist."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_users import TEST_PASSWORD, create_confirmed_user
from pycognito import aws_srp

FLOWS = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"]


def _client(cognito: Any, pool: str, prevent: str | None) -> str:
    extra = {"PreventUserExistenceErrors": prevent} if prevent else {}
    client_id: str = cognito.create_user_pool_client(
        UserPoolId=pool, ClientName="app", ExplicitAuthFlows=FLOWS, **extra
    )["UserPoolClient"]["ClientId"]
    return client_id


def _password_sign_in(cognito: Any, client_id: str, username: str, password: str) -> str:
    with pytest.raises(ClientError) as caught:
        cognito.initiate_auth(
            ClientId=client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": username, "PASSWORD": password},
        )
    return str(caught.value.response["Error"]["Code"])


@pytest.mark.parametrize(
    ("prevent", "expected"),
    [
        (None, "UserNotFoundException"),
        ("LEGACY", "UserNotFoundException"),
        ("ENABLED", "NotAuthorizedException"),
    ],
)
def test_missing_user_error_follows_the_client_setting(
    cognito: Any, user_pool: str, prevent: str | None, expected: str
) -> None:
    client_id = _client(cognito, user_pool, prevent)
    assert _password_sign_in(cognito, client_id, "nobody-here", TEST_PASSWORD) == expected


def test_enabled_makes_a_missing_user_look_like_a_wrong_password(
    cognito: Any, user_pool: str, unique_name: str
) -> None:
    client_id = _client(cognito, user_pool, "ENABLED")
    existing = create_confirmed_user(cognito, user_pool, f"u-{unique_name}")
    wrong_password = _password_sign_in(cognito, client_id, existing, "Wrong-Horse-9!")
    missing_user = _password_sign_in(cognito, client_id, "nobody-here", TEST_PASSWORD)
    assert wrong_password == missing_user == "NotAuthorizedException"
    with pytest.raises(cognito.exceptions.NotAuthorizedException):
        cognito.admin_initiate_auth(
            UserPoolId=user_pool,
            ClientId=client_id,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": "nobody-here", "PASSWORD": TEST_PASSWORD},
        )
    with pytest.raises(ClientError) as caught:
        aws_srp.AWSSRP(
            username="nobody-here",
            password=TEST_PASSWORD,
            pool_id=user_pool,
            client_id=client_id,
            client=cognito,
        ).authenticate_user()
    assert caught.value.response["Error"]["Code"] == "NotAuthorizedException"
