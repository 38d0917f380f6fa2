"""The harness itself: the emulator answers on loopback and the machine's AWS setup is hidden."""

import os
from urllib.parse import urlparse

import pytest


def test_emulator_listens_on_loopback(emulator):
    assert urlparse(emulator.url).hostname == "127.0.0.1"


def test_machine_aws_config_is_hidden(request):
    if request.config.getoption("--aws"):
        pytest.skip("with --aws the machine's AWS configuration is used on purpose")
    assert "AWS_PROFILE" not in os.environ
    assert os.environ["AWS_CONFIG_FILE"] == os.devnull


def test_signed_in_user_gets_tokens(signed_in_user):
    assert signed_in_user["access_token"].count(".") == 2
