# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The output-shape check the CLI tests rely on finds what doesn't fit the model."""

from __future__ import annotations

from cli.output_shape import output_shape, shape_problems


def test_a_fitting_response():
    document = {
        "UserConfirmed": False,
        "CodeDeliveryDetails": {"DeliveryMedium": "EMAIL", "AttributeName": "email"},
        "UserSub": "5528f730-75bb-4025-8917-6e44e8b98d3f",
    }
    assert shape_problems("SignUp", document) == []


def test_what_does_not_fit():
    document = {
        "UserConfirmed": "false",
        "CodeDeliveryDetails": {"DeliveryMedium": "PIGEON"},
        "Extra": 1,
    }
    problems = shape_problems("SignUp", document)
    assert any("UserConfirmed: expected true or false" in p for p in problems)
    assert any("'PIGEON' is not one of" in p for p in problems)
    assert any("Extra is not a member" in p for p in problems)
    assert any("required member UserSub is missing" in p for p in problems)


def test_nested_lists_and_numbers():
    document = {"Users": [{"Username": "ana", "Enabled": True, "UserCreateDate": 1.5}, "bob"]}
    problems = shape_problems("ListUsers", document)
    assert problems == ["ListUsers.Users[1]: expected an object (UserType), got 'bob'"]
    tokens = {"AuthenticationResult": {"ExpiresIn": "3600"}, "ChallengeParameters": {}}
    assert shape_problems("InitiateAuth", tokens) == [
        "InitiateAuth.AuthenticationResult.ExpiresIn: expected an integer, got '3600'"
    ]


def test_operations_without_output():
    assert output_shape("DeleteUserPool") is None
    assert shape_problems("DeleteUserPool", None) == []
    assert shape_problems("DeleteUserPool", {"Deleted": True}) != []
