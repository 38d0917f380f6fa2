# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The one case converter: an action's name as each SDK spells it."""

from __future__ import annotations

import pytest

from docgen.names import camel, canonical, kebab, snake, words


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("AssociateSoftwareToken", ["Associate", "Software", "Token"]),
        ("SetUserMFAPreference", ["Set", "User", "MFA", "Preference"]),
        ("AdminInitiateAuth", ["Admin", "Initiate", "Auth"]),
        ("DescribeDBInstances", ["Describe", "DB", "Instances"]),
        ("ListObjectsV2", ["List", "Objects", "V2"]),
        ("CreateS3Bucket", ["Create", "S3", "Bucket"]),
        ("EC2Describe", ["EC2", "Describe"]),
        ("Hello", ["Hello"]),
    ],
)
def test_words(action: str, expected: list[str]) -> None:
    assert words(action) == expected


def test_every_case_of_one_name_is_canonically_equal() -> None:
    action = "SetUserMFAPreference"
    spelled = (
        snake(action),  # Python, Rust, Ruby
        kebab(action),  # the AWS CLI, API-reference links
        camel(action),  # Java, Kotlin, PHP, Swift
        action,  # .NET, Go, C++
        action.lower(),  # SAP ABAP
    )
    assert spelled[:3] == (
        "set_user_mfa_preference",
        "set-user-mfa-preference",
        "setUserMFAPreference",
    )
    assert {canonical(name) for name in spelled} == {"setusermfapreference"}
