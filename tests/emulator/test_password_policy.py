# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Passwords are checked against the pool's policy, with Cognito's defaults and reasons."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from cognito_emulator.passwords import password_policy_problem


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Ab1!", "Password not long enough"),
        ("abcdefgh1!", "Password must have uppercase characters"),
        ("ABCDEFGH1!", "Password must have lowercase characters"),
        ("Abcdefgh!!", "Password must have numeric characters"),
        ("Abcdefgh12", "Password must have symbol characters"),
    ],
)
def test_default_policy_names_the_first_rule_broken(password: str, reason: str) -> None:
    assert password_policy_problem({}, password) == reason


@pytest.mark.parametrize("password", ["Correct-Horse-9!", "Correct Horse 9x"])
def test_conforming_passwords_pass_the_default_policy(password: str) -> None:
    assert password_policy_problem({}, password) is None


def test_a_pool_policy_relaxes_the_defaults() -> None:
    policy = {"MinimumLength": 6, "RequireSymbols": False, "RequireUppercase": False}
    assert password_policy_problem(policy, "abcde1") is None
    assert password_policy_problem(policy, "abcde") == "Password not long enough"


def test_sign_up_answers_with_cognitos_reason(
    cognito: Any, user_pool: str, app_client: str
) -> None:
    with pytest.raises(ClientError) as caught:
        cognito.sign_up(ClientId=app_client, Username="ana", Password="alllowercase-9")
    error = caught.value.response["Error"]
    assert error["Code"] == "InvalidPasswordException"
    assert error["Message"] == (
        "Password did not conform with policy: Password must have uppercase characters"
    )


def test_admin_set_user_password_follows_the_pools_own_policy(
    cognito: Any, unique_name: str
) -> None:
    pool = cognito.create_user_pool(
        PoolName=f"relaxed-{unique_name}",
        Policies={"PasswordPolicy": {"MinimumLength": 12, "RequireSymbols": False}},
    )["UserPool"]["Id"]
    try:
        cognito.admin_create_user(UserPoolId=pool, Username="ana", MessageAction="SUPPRESS")
        with pytest.raises(cognito.exceptions.InvalidPasswordException, match="long enough"):
            cognito.admin_set_user_password(
                UserPoolId=pool, Username="ana", Password="Short-Pass9", Permanent=True
            )
        cognito.admin_set_user_password(
            UserPoolId=pool, Username="ana", Password="LongEnoughPass9", Permanent=True
        )
        user = cognito.admin_get_user(UserPoolId=pool, Username="ana")
        assert user["UserStatus"] == "CONFIRMED"
    finally:
        cognito.delete_user_pool(UserPoolId=pool)
