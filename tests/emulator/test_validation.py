# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""validate_request: Cognito's answers to malformed requests, checked against the model."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cognito_emulator import validation
from cognito_emulator.exceptions import (
    InvalidParameterException,
    SerializationException,
    UnknownOperationException,
)
from cognito_emulator.validation import operation_names, validate_request

POOL = "us-east-1_AbCdEf123"
CLIENT = "4tq2bl1nh6g9u0dq1hrv7j8k5a"


def _message(exc: pytest.ExceptionInfo[Any]) -> str:
    return str(exc.value.message)


def _invalid(operation: str, body: object) -> str:
    with pytest.raises(InvalidParameterException) as exc:
        validate_request(operation, body)
    assert exc.value.error_type == "InvalidParameterException"
    assert exc.value.code == 400
    return _message(exc)


def _serialization(operation: str, body: object) -> str:
    with pytest.raises(SerializationException) as exc:
        validate_request(operation, body)
    assert exc.value.error_type == "SerializationException"
    return _message(exc)


@pytest.mark.parametrize(
    ("operation", "body"),
    [
        ("AdminGetUser", {"UserPoolId": POOL, "Username": "alice"}),
        (
            "InitiateAuth",
            {
                "ClientId": CLIENT,
                "AuthFlow": "USER_PASSWORD_AUTH",
                "AuthParameters": {"USERNAME": "alice", "PASSWORD": "Correct-Horse-9!"},
                "ClientMetadata": {},
            },
        ),
        (
            "AdminCreateUser",
            {
                "UserPoolId": POOL,
                "Username": "ünïcødé@example.com",
                "UserAttributes": [{"Name": "email", "Value": "a@example.com"}],
                "MessageAction": "SUPPRESS",
                "DesiredDeliveryMediums": ["EMAIL"],
                "ForceAliasCreation": False,
            },
        ),
        (
            "CreateUserPoolClient",
            {
                "UserPoolId": POOL,
                "ClientName": "app",
                "GenerateSecret": True,
                "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                "RefreshTokenValidity": 30,
            },
        ),
        ("ListUsers", {"UserPoolId": POOL, "Limit": 60, "Filter": 'email ^= "a"'}),
        ("ListUserPools", {"MaxResults": 10}),
        ("ListUserPools", {"MaxResults": 10.0}),
        ("SignUp", {"ClientId": CLIENT, "Username": "bob", "Password": "pass phrase 1!"}),
        ("ConfirmDevice", {"AccessToken": "a.b.c", "DeviceKey": "us-east-1_0a1b-2c"}),
        ("GetUser", {"AccessToken": "eyJ.eyJ.sig", "Unknown": {"ignored": [1, 2]}}),
        ("AdminGetUser", {"UserPoolId": POOL, "Username": "alice", "Extra": None}),
        ("ListUsers", {"UserPoolId": POOL, "Limit": None}),
    ],
)
def test_well_formed_requests_pass(operation: str, body: dict[str, Any]) -> None:
    validate_request(operation, body)


def test_missing_required_members_are_each_reported() -> None:
    message = _invalid("AdminGetUser", {})
    assert message == (
        "2 validation errors detected: "
        "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; "
        "Value null at 'username' failed to satisfy constraint: Member must not be null"
    )


def test_null_for_a_required_member_is_missing() -> None:
    message = _invalid("AdminGetUser", {"UserPoolId": POOL, "Username": None})
    assert message == (
        "1 validation error detected: Value null at 'username' failed to satisfy "
        "constraint: Member must not be null"
    )


def test_too_long_sensitive_value_is_not_echoed() -> None:
    message = _invalid("AdminGetUser", {"UserPoolId": POOL, "Username": "x" * 129})
    assert message == (
        "1 validation error detected: Value at 'username' failed to satisfy constraint: "
        "Member must have length less than or equal to 128"
    )


def test_pattern_violation_echoes_a_non_sensitive_value() -> None:
    message = _invalid("AdminGetUser", {"UserPoolId": "not-a-pool", "Username": "alice"})
    assert message == (
        "1 validation error detected: Value 'not-a-pool' at 'userPoolId' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"
    )


def test_too_short_string() -> None:
    message = _invalid("AdminGetUser", {"UserPoolId": "", "Username": "alice"})
    assert "Value '' at 'userPoolId'" in message
    assert "Member must have length greater than or equal to 1" in message


def test_user_name_with_a_space_breaks_the_pattern() -> None:
    message = _invalid("AdminGetUser", {"UserPoolId": POOL, "Username": "a b"})
    assert "Value at 'username'" in message
    assert "regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+" in message


@pytest.mark.parametrize("username", ["ünïcødé", "名前", "a+b@example.com", "😀"])
def test_unicode_user_names_satisfy_the_pattern(username: str) -> None:
    validate_request("AdminGetUser", {"UserPoolId": POOL, "Username": username})


@pytest.mark.parametrize("username", ["\u200b", "\ud800", "\x00", "a\u2028b"])
def test_format_control_and_separator_characters_break_the_user_name_pattern(
    username: str,
) -> None:
    _invalid("AdminGetUser", {"UserPoolId": POOL, "Username": username})


@pytest.mark.parametrize(
    ("password", "ok"), [("in ner", True), (" lead", False), ("trail ", False)]
)
def test_passwords_may_hold_inner_spaces_only(password: str, ok: bool) -> None:
    body = {"ClientId": CLIENT, "Username": "u", "Password": password}
    if ok:
        validate_request("SignUp", body)
    else:
        assert "Value at 'password'" in _invalid("SignUp", body)


@pytest.mark.parametrize(
    ("operation", "body"),
    [
        ("SignUp", {"ClientId": CLIENT, "Username": "u", "Password": "p4ssw0rd"}),
        ("AdminCreateUser", {"UserPoolId": POOL, "Username": "u"}),
        ("AdminUpdateUserAttributes", {"UserPoolId": POOL, "Username": "u"}),
        ("UpdateUserAttributes", {"AccessToken": "token"}),
    ],
)
def test_an_attribute_needs_a_value(operation: str, body: dict[str, Any]) -> None:
    """The model leaves Value optional; moto failed without one (a 500, found by fuzzing)."""
    body = {**body, "UserAttributes": [{"Name": "given_name"}]}
    assert _invalid(operation, body) == (
        "1 validation error detected: Value null at 'userAttributes.1.member.value' failed to "
        "satisfy constraint: Member must not be null"
    )


def test_a_pattern_never_matches_a_lone_surrogate() -> None:
    """``[\\S]+`` (Python's and Java's) matches "\\ud800", which is not text (issue 9, 2c)."""
    body = {"ClientId": CLIENT, "Username": "u", "Password": "Correct-Horse-9!\ud800"}
    assert "Value at 'password' failed to satisfy constraint" in _invalid("SignUp", body)
    body = {"ClientId": CLIENT, "Username": "u", "ConfirmationCode": "\ud800"}
    assert "at 'confirmationCode'" in _invalid("ConfirmSignUp", body)


def test_enum_violation() -> None:
    body = {"ClientId": CLIENT, "AuthFlow": "SUPER_AUTH", "AuthParameters": {}}
    message = _invalid("InitiateAuth", body)
    assert message.startswith(
        "1 validation error detected: Value 'SUPER_AUTH' at 'authFlow' failed to satisfy "
        "constraint: Member must satisfy enum value set: [USER_SRP_AUTH, "
    )


def test_enum_is_case_sensitive() -> None:
    body = {"AccessToken": "a.b.c", "DeviceKey": "k_1", "DeviceRememberedStatus": "REMEMBERED"}
    assert "deviceRememberedStatus" in _invalid("UpdateDeviceStatus", body)
    body["DeviceRememberedStatus"] = "remembered"
    validate_request("UpdateDeviceStatus", body)


def test_enum_violation_inside_a_list() -> None:
    body = {"UserPoolId": POOL, "ClientName": "app", "ExplicitAuthFlows": ["ALLOW_NOTHING"]}
    message = _invalid("CreateUserPoolClient", body)
    assert "Value '[ALLOW_NOTHING]' at 'explicitAuthFlows'" in message
    assert "Member must satisfy constraint: [Member must satisfy enum value set: [" in message


def test_integer_range() -> None:
    message = _invalid("ListUsers", {"UserPoolId": POOL, "Limit": 61})
    assert message == (
        "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: "
        "Member must have value less than or equal to 60"
    )
    assert "greater than or equal to 1" in _invalid("ListUserPools", {"MaxResults": 0})


def test_nested_structure_paths() -> None:
    attributes = [{"Name": "email", "Value": "a@example.com"}, {"Value": "x"}]
    body = {"UserPoolId": POOL, "Username": "u", "UserAttributes": attributes}
    message = _invalid("AdminCreateUser", body)
    assert message == (
        "1 validation error detected: Value null at 'userAttributes.2.member.name' "
        "failed to satisfy constraint: Member must not be null"
    )


def test_null_list_element_and_null_map_value() -> None:
    body: dict[str, Any] = {"UserPoolId": POOL, "Username": "u", "UserAttributes": [None]}
    assert "'userAttributes.1.member'" in _invalid("AdminCreateUser", body)
    body = {"ClientId": CLIENT, "AuthFlow": "USER_SRP_AUTH", "AuthParameters": {"SRP_A": None}}
    message = _invalid("InitiateAuth", body)
    assert "Map value must satisfy constraint: [Member must not be null]" in message
    assert "Value at 'authParameters'" in message  # the map is sensitive: no echo


def test_several_problems_in_one_message() -> None:
    body = {"UserPoolId": "x", "ClientName": "", "RefreshTokenValidity": -1}
    message = _invalid("CreateUserPoolClient", body)
    assert message.startswith("4 validation errors detected: ")
    assert message.count("; ") == 3


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"UserPoolId": 5, "Username": "u"}, "NUMBER_VALUE can not be converted to a String"),
        ({"UserPoolId": True, "Username": "u"}, "BOOLEAN_VALUE can not be converted to a String"),
        (
            {"UserPoolId": {}, "Username": "u"},
            "Start of structure or map found where not expected.",
        ),
        ({"UserPoolId": [POOL], "Username": "u"}, "Start of list found where not expected"),
    ],
)
def test_wrong_json_types_are_serialization_errors(body: dict[str, Any], expected: str) -> None:
    assert _serialization("AdminGetUser", body) == expected


@pytest.mark.parametrize(
    ("operation", "body"),
    [
        ("ListUsers", {"UserPoolId": POOL, "Limit": "5"}),
        ("ListUsers", {"UserPoolId": POOL, "Limit": True}),
        ("ListUsers", {"UserPoolId": POOL, "Limit": 5.5}),
        ("ListUsers", {"UserPoolId": POOL, "Limit": 2**31}),
        ("ListUsers", {"UserPoolId": POOL, "AttributesToGet": "email"}),
        ("ListUsers", {"UserPoolId": POOL, "AttributesToGet": [1]}),
        ("AdminCreateUser", {"UserPoolId": POOL, "Username": "u", "ForceAliasCreation": "no"}),
        ("AdminCreateUser", {"UserPoolId": POOL, "Username": "u", "UserAttributes": {}}),
        ("AdminCreateUser", {"UserPoolId": POOL, "Username": "u", "UserAttributes": ["x"]}),
        ("InitiateAuth", {"ClientId": CLIENT, "AuthFlow": "USER_SRP_AUTH", "AuthParameters": []}),
        ("InitiateAuth", {"ClientId": CLIENT, "AuthFlow": "X", "AuthParameters": {"A": 1}}),
        ("SetUICustomization", {"UserPoolId": POOL, "ImageFile": "%%%"}),
    ],
)
def test_more_type_errors(operation: str, body: dict[str, Any]) -> None:
    _serialization(operation, body)


def test_type_error_wins_over_constraint_errors() -> None:
    """Deserialization happens first: one type error hides every constraint violation."""
    _serialization("AdminGetUser", {"UserPoolId": "", "Username": 7})


@pytest.mark.parametrize("body", [None, [], "text", 5, True, [{"UserPoolId": POOL}]])
def test_body_must_be_an_object(body: object) -> None:
    _serialization("AdminGetUser", body)


def test_unknown_operation() -> None:
    with pytest.raises(UnknownOperationException) as exc:
        validate_request("StealAllUsers", {})
    assert exc.value.error_type == "UnknownOperationException"


def test_an_empty_body_is_refused_exactly_for_the_required_members() -> None:
    """Over every operation of the model: each required member is named, nothing else is."""
    model = validation._service_model()
    assert "AdminInitiateAuth" in operation_names()
    for operation in sorted(operation_names()):
        shape = model.operation_model(operation).input_shape
        required = list(shape.required_members) if shape is not None else []
        if not required:
            validate_request(operation, {})
            continue
        with pytest.raises(InvalidParameterException) as exc:
            validate_request(operation, {})
        assert f"{len(required)} validation error" in exc.value.message, operation
        for member in required:
            name = member[0].lower() + member[1:]
            assert f"Value null at '{name}'" in exc.value.message, (operation, member)


def test_the_model_is_read_once_and_each_operation_compiled_once() -> None:
    """What keeps validation cheap per request: no re-reading or re-compiling of the model.

    (Its speed is measured by benchmarks/, never asserted here.)
    """
    body = {
        "UserPoolId": POOL,
        "Username": "someone@example.com",
        "UserAttributes": [{"Name": "email", "Value": "someone@example.com"}] * 5,
        "MessageAction": "SUPPRESS",
    }
    validate_request("AdminCreateUser", body)  # warm the cache
    spec = validation._specs["AdminCreateUser"]
    reads = validation._service_model.cache_info().misses
    for _ in range(50):
        validate_request("AdminCreateUser", body)
    assert validation._service_model.cache_info().misses == reads
    assert validation._specs["AdminCreateUser"] is spec
    body["Username"] = "a b"  # the cached spec still checks, it is not a pass-everything
    assert "Value at 'username'" in _invalid("AdminCreateUser", body)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(
    operation=st.sampled_from(sorted(operation_names())),
    body=st.dictionaries(st.text(max_size=12), _json, max_size=4) | _json,
)
def test_only_cognito_errors_ever_escape(operation: str, body: object) -> None:
    try:
        validate_request(operation, body)
    except (InvalidParameterException, SerializationException) as exc:
        assert exc.code == 400
        assert exc.message


def test_validator_ignores_an_unknown_aws_profile(monkeypatch):
    """The service model comes with botocore: a profile that doesn't exist must not matter."""
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile-here")
    validation._service_model.cache_clear()
    validation.operation_names.cache_clear()
    assert "SignUp" in validation.operation_names()
