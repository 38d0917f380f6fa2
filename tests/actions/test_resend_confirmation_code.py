# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""resend_confirmation_code: a new code is delivered and confirms the sign-up."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from cognito_idp.resend_confirmation_code import resend_confirmation_code

from cognito_emulator import read_outbox


def test_sends_a_new_code_that_confirms(
    cognito, user_pool, app_client, unconfirmed_user, outbox, status_of
):
    before = len(read_outbox(outbox, unconfirmed_user, user_pool))
    delivery = resend_confirmation_code(cognito, app_client, unconfirmed_user)
    assert delivery["DeliveryMedium"] == "EMAIL"
    assert delivery["AttributeName"] == "email"
    messages = read_outbox(outbox, unconfirmed_user, user_pool)
    assert len(messages) == before + 1
    cognito.confirm_sign_up(
        ClientId=app_client, Username=unconfirmed_user, ConfirmationCode=messages[-1]["code"]
    )
    assert status_of(user_pool, unconfirmed_user) == "CONFIRMED"


def test_unknown_user(cognito, app_client, check_error):
    with pytest.raises(ClientError) as excinfo:
        resend_confirmation_code(cognito, app_client, "nobody-here")
    check_error(excinfo, "UserNotFoundException")


def test_confirmed_user(cognito, app_client, confirmed_user, check_error, caplog):
    with pytest.raises(ClientError) as excinfo:
        resend_confirmation_code(cognito, app_client, confirmed_user)
    check_error(excinfo, "InvalidParameterException")
    assert "confirmed already" in caplog.text


def test_too_many_codes_gives_advice(stubbed, check_error, caplog):
    client = stubbed("resend_confirmation_code", "LimitExceededException")
    with pytest.raises(ClientError) as excinfo:
        resend_confirmation_code(client, "1example23456789", "ana")
    check_error(excinfo, "LimitExceededException")
    assert "Too many codes sent to ana" in caplog.text


def test_cli(run_cli, user_pool, app_client, unconfirmed_user, outbox):
    before = len(read_outbox(outbox, unconfirmed_user, user_pool))
    proc = run_cli(
        "resend_confirmation_code", "--client-id", app_client, "--username", unconfirmed_user
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["DeliveryMedium"] == "EMAIL"
    assert len(read_outbox(outbox, unconfirmed_user, user_pool)) == before + 1
