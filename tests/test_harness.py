# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The harness itself: the emulator answers on loopback and the machine's AWS setup is hidden."""

import os
import socket
from urllib.parse import urlparse

import jwt
import pytest


def test_emulator_listens_on_loopback(emulator):
    assert urlparse(emulator.url).hostname == "127.0.0.1"


def test_machine_aws_config_is_hidden(request):
    if request.config.getoption("--aws"):
        pytest.skip("with --aws the machine's AWS configuration is used on purpose")
    assert "AWS_PROFILE" not in os.environ
    assert os.environ["AWS_CONFIG_FILE"] == os.devnull


def test_signed_in_user_gets_tokens(signed_in_user, cognito):
    assert signed_in_user["access_token"].count(".") == 2
    user = cognito.get_user(AccessToken=signed_in_user["access_token"])
    assert user["Username"] == signed_in_user["username"]
    claims = jwt.decode(signed_in_user["id_token"], options={"verify_signature": False})
    assert claims["cognito:username"] == signed_in_user["username"]
    assert claims["token_use"] == "id"


def test_non_loopback_addresses_are_refused(request):
    if request.config.getoption("--aws"):
        pytest.skip("with --aws the tests reach the real AWS endpoints on purpose")
    for address in [("192.0.2.1", 443), ("example.com", 80)]:  # TEST-NET-1, a public name
        for method in ("connect", "connect_ex"):
            with socket.socket() as sock, pytest.raises(AssertionError, match="only to loopback"):
                sock.settimeout(0.5)  # refused before any packet; never a wait
                getattr(sock, method)(address)
