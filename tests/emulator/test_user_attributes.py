# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""A signed-in user's own attributes: updating, deleting, and verifying e-mail and phone."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_users import admin_sign_in
from emulator_helpers import ALL_FLOWS, PASSWORD, http_user

from cognito_emulator import EmulatorServer
from cognito_emulator.clock import Clock

KEEP_ORIGINAL = {"AttributesRequireVerificationBeforeUpdate": ["email"]}


def _error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = exc.value.response["Error"]
    return str(error["Code"]), str(error["Message"])


def _sign_in(cognito: Any, pool: str, client: str, user: str) -> str:
    """The access token of a password sign-in."""
    token: str = admin_sign_in(cognito, pool, client, user)["AuthenticationResult"]["AccessToken"]
    return token


def _signed_in_user(
    cognito: Any, name: str, *, auto_verify: bool = True, keep_original: bool = False
) -> tuple[tuple[str, str], str, str]:
    """A pool, a confirmed user with a verified e-mail address, signed in: (pool and client,
    user, token)."""
    kwargs: dict[str, Any] = {"PoolName": name}
    if auto_verify:
        kwargs["AutoVerifiedAttributes"] = ["email"]
    if keep_original:
        kwargs["UserAttributeUpdateSettings"] = KEEP_ORIGINAL
    pool = cognito.create_user_pool(**kwargs)["UserPool"]["Id"]
    client = cognito.create_user_pool_client(
        UserPoolId=pool, ClientName="app", ExplicitAuthFlows=ALL_FLOWS
    )["UserPoolClient"]["ClientId"]
    user = http_user(cognito, pool, f"ana-{name}")
    return (pool, client), user, _sign_in(cognito, pool, client, user)


def _attributes(cognito: Any, token: str) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in cognito.get_user(AccessToken=token)["UserAttributes"]}


def test_a_verification_code_goes_to_the_outbox_and_verifies_once(
    cognito: Any, emulator: EmulatorServer, unique_name: str, http_clock: Clock
) -> None:
    client, user, token = _signed_in_user(cognito, unique_name)
    cognito.update_user_attributes(
        AccessToken=token, UserAttributes=[{"Name": "email_verified", "Value": "false"}]
    )

    details = cognito.get_user_attribute_verification_code(AccessToken=token, AttributeName="email")

    assert details["CodeDeliveryDetails"] == {
        "Destination": "a***@e***",
        "DeliveryMedium": "EMAIL",
        "AttributeName": "email",
    }
    (message,) = emulator.messages(username=user, trigger="CustomMessage_VerifyUserAttribute")
    assert message["destination"] == f"{user}@example.com"
    wrong = "000000" if message["code"] != "000000" else "111111"
    with pytest.raises(ClientError) as exc:
        cognito.verify_user_attribute(AccessToken=token, AttributeName="email", Code=wrong)
    assert _error(exc)[0] == "CodeMismatchException"
    assert _attributes(cognito, token)["email_verified"] == "false"

    cognito.verify_user_attribute(AccessToken=token, AttributeName="email", Code=message["code"])

    assert _attributes(cognito, token)["email_verified"] == "true"
    with pytest.raises(ClientError) as exc:  # a code works once
        cognito.verify_user_attribute(
            AccessToken=token, AttributeName="email", Code=message["code"]
        )
    assert _error(exc)[0] == "CodeMismatchException"

    cognito.get_user_attribute_verification_code(AccessToken=token, AttributeName="email")
    late = emulator.messages(username=user, trigger="CustomMessage_VerifyUserAttribute")[-1]
    http_clock.advance(24 * 3600 + 1)
    token = _sign_in(cognito, *client, user)  # the first access token expired long ago
    with pytest.raises(ClientError) as exc:
        cognito.verify_user_attribute(AccessToken=token, AttributeName="email", Code=late["code"])
    assert _error(exc)[0] == "ExpiredCodeException"


def test_only_email_and_phone_are_verified(cognito: Any, unique_name: str) -> None:
    _, _, token = _signed_in_user(cognito, unique_name)
    for call in (
        lambda: cognito.get_user_attribute_verification_code(
            AccessToken=token, AttributeName="name"
        ),
        lambda: cognito.verify_user_attribute(
            AccessToken=token, AttributeName="name", Code="123456"
        ),
        lambda: cognito.get_user_attribute_verification_code(
            AccessToken=token,
            AttributeName="phone_number",  # the user has none
        ),
    ):
        with pytest.raises(ClientError) as exc:
            call()
        assert _error(exc)[0] == "InvalidParameterException"


def test_a_changed_email_is_unverified_until_its_code_is_taken(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    _, user, token = _signed_in_user(cognito, unique_name)

    answer = cognito.update_user_attributes(
        AccessToken=token,
        UserAttributes=[
            {"Name": "email", "Value": "new@example.com"},
            {"Name": "name", "Value": "Ana"},
        ],
    )

    assert answer["CodeDeliveryDetailsList"] == [
        {"Destination": "n***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    ]
    attributes = _attributes(cognito, token)
    assert attributes["email"] == "new@example.com" and attributes["name"] == "Ana"
    assert attributes["email_verified"] == "false"
    (message,) = emulator.messages(username=user, trigger="CustomMessage_UpdateUserAttribute")
    assert message["destination"] == "new@example.com"
    cognito.verify_user_attribute(AccessToken=token, AttributeName="email", Code=message["code"])
    assert _attributes(cognito, token)["email_verified"] == "true"


def test_a_pool_keeping_original_values_keeps_the_verified_email_until_the_new_one_is(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    _, user, token = _signed_in_user(cognito, unique_name, keep_original=True)
    original = f"{user}@example.com"

    cognito.update_user_attributes(
        AccessToken=token, UserAttributes=[{"Name": "email", "Value": "new@example.com"}]
    )

    attributes = _attributes(cognito, token)
    assert (attributes["email"], attributes["email_verified"]) == (original, "true")
    (message,) = emulator.messages(username=user, trigger="CustomMessage_UpdateUserAttribute")
    assert message["destination"] == "new@example.com"
    # a code asked for now goes to the address waiting for verification too
    cognito.get_user_attribute_verification_code(AccessToken=token, AttributeName="email")
    resent = emulator.messages(username=user, trigger="CustomMessage_VerifyUserAttribute")[-1]
    assert resent["destination"] == "new@example.com"
    with pytest.raises(ClientError):  # the first code was replaced by the new one
        cognito.verify_user_attribute(
            AccessToken=token, AttributeName="email", Code=message["code"]
        )
    assert _attributes(cognito, token)["email"] == original

    cognito.verify_user_attribute(AccessToken=token, AttributeName="email", Code=resent["code"])

    attributes = _attributes(cognito, token)
    assert (attributes["email"], attributes["email_verified"]) == ("new@example.com", "true")


def test_without_auto_verification_no_code_is_sent(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    _, user, token = _signed_in_user(cognito, unique_name, auto_verify=False)

    answer = cognito.update_user_attributes(
        AccessToken=token, UserAttributes=[{"Name": "email", "Value": "new@example.com"}]
    )

    assert "CodeDeliveryDetailsList" not in answer
    assert emulator.messages(username=user) == []
    attributes = _attributes(cognito, token)
    assert (attributes["email"], attributes["email_verified"]) == ("new@example.com", "false")


def test_deleting_attributes(cognito: Any, unique_name: str) -> None:
    _, _, token = _signed_in_user(cognito, unique_name)
    cognito.update_user_attributes(
        AccessToken=token,
        UserAttributes=[{"Name": "name", "Value": "Ana"}, {"Name": "nickname", "Value": "An"}],
    )

    cognito.delete_user_attributes(AccessToken=token, UserAttributeNames=["name", "email"])
    cognito.update_user_attributes(  # a blank value deletes too
        AccessToken=token, UserAttributes=[{"Name": "nickname", "Value": ""}]
    )

    assert set(_attributes(cognito, token)) == {"sub"}
    for names in (["sub"], ["no_such_attribute"]):
        with pytest.raises(ClientError) as exc:
            cognito.delete_user_attributes(AccessToken=token, UserAttributeNames=names)
        assert _error(exc)[0] == "InvalidParameterException"
    with pytest.raises(ClientError) as exc:
        cognito.update_user_attributes(
            AccessToken=token, UserAttributes=[{"Name": "sub", "Value": "me"}]
        )
    assert _error(exc)[0] == "InvalidParameterException"


def test_a_required_attribute_cannot_be_deleted(cognito: Any, unique_name: str) -> None:
    pool = cognito.create_user_pool(
        PoolName=unique_name,
        Schema=[{"Name": "email", "AttributeDataType": "String", "Required": True}],
    )["UserPool"]["Id"]
    client = cognito.create_user_pool_client(
        UserPoolId=pool, ClientName="app", ExplicitAuthFlows=ALL_FLOWS
    )["UserPoolClient"]["ClientId"]
    token = _sign_in(cognito, pool, client, http_user(cognito, pool))

    with pytest.raises(ClientError) as exc:
        cognito.delete_user_attributes(AccessToken=token, UserAttributeNames=["email"])

    assert _error(exc)[0] == "InvalidParameterException"
    assert "email" in _attributes(cognito, token)


def test_the_attribute_operations_need_a_live_access_token(cognito: Any, unique_name: str) -> None:
    _, _, token = _signed_in_user(cognito, unique_name)
    cognito.global_sign_out(AccessToken=token)
    for call in (
        lambda: cognito.update_user_attributes(
            AccessToken=token, UserAttributes=[{"Name": "name", "Value": "Eve"}]
        ),
        lambda: cognito.delete_user_attributes(AccessToken=token, UserAttributeNames=["name"]),
        lambda: cognito.get_user_attribute_verification_code(
            AccessToken=token, AttributeName="email"
        ),
        lambda: cognito.verify_user_attribute(
            AccessToken=token, AttributeName="email", Code="123456"
        ),
    ):
        with pytest.raises(ClientError) as exc:
            call()
        assert _error(exc) == ("NotAuthorizedException", "Access Token has been revoked")


def test_an_email_that_signs_another_user_in_is_refused(cognito: Any, unique_name: str) -> None:
    pool = cognito.create_user_pool(
        PoolName=unique_name, UsernameAttributes=["email"], AutoVerifiedAttributes=["email"]
    )["UserPool"]["Id"]
    client = cognito.create_user_pool_client(
        UserPoolId=pool, ClientName="app", ExplicitAuthFlows=ALL_FLOWS
    )["UserPoolClient"]["ClientId"]
    for name in ("ana", "bob"):
        cognito.admin_create_user(
            UserPoolId=pool,
            Username=f"{name}@example.com",
            UserAttributes=[{"Name": "email", "Value": f"{name}@example.com"}],
            MessageAction="SUPPRESS",
        )
        cognito.admin_set_user_password(
            UserPoolId=pool, Username=f"{name}@example.com", Password=PASSWORD, Permanent=True
        )
    token = _sign_in(cognito, pool, client, "ana@example.com")

    with pytest.raises(ClientError) as exc:
        cognito.update_user_attributes(
            AccessToken=token, UserAttributes=[{"Name": "email", "Value": "bob@example.com"}]
        )

    assert _error(exc)[0] == "AliasExistsException"
