# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""compute_secret_hash: known answers (computed with openssl) and Cognito accepting it."""

from __future__ import annotations

import json

from cognito_idp.secret_hash import compute_secret_hash
from cognito_idp.sign_up import sign_up
from cognito_users import TEST_PASSWORD

# printf 'ana1example23456789' | openssl dgst -sha256 -hmac 'example-client-secret-value' \
#     -binary | base64
KNOWN = ("ana", "1example23456789", "example-client-secret-value")
KNOWN_HASH = "dWdtQ1LeYlfrDxLnU/nru3/ZfP53/TTGn+PGs3hYEV0="


def test_known_answer():
    assert compute_secret_hash(*KNOWN) == KNOWN_HASH


def test_non_ascii_is_utf8():
    # printf 'José7abc' | openssl dgst -sha256 -hmac 'sécret' -binary | base64
    assert compute_secret_hash("José", "7abc", "sécret") == (
        "7CFQK2vuXCA5Mo1egx7AlsOtBMH4BXIWuYItEFhQA0Y="
    )


def test_hash_depends_on_every_input():
    base = compute_secret_hash(*KNOWN)
    assert compute_secret_hash("anb", KNOWN[1], KNOWN[2]) != base
    assert compute_secret_hash(KNOWN[0], "2example23456789", KNOWN[2]) != base
    assert compute_secret_hash(KNOWN[0], KNOWN[1], "other-secret") != base


def test_cognito_accepts_the_hash(cognito, secret_app_client, unique_name):
    username = f"sh-{unique_name}"
    result = sign_up(
        cognito,
        secret_app_client["client_id"],
        username,
        TEST_PASSWORD,
        f"{username}@example.com",
        secret_hash=compute_secret_hash(
            username, secret_app_client["client_id"], secret_app_client["client_secret"]
        ),
    )
    assert result["UserConfirmed"] is False
    assert result["UserSub"]


def test_cli_prints_the_hash(run_cli):
    proc = run_cli(
        "secret_hash",
        "--username",
        KNOWN[0],
        "--client-id",
        KNOWN[1],
        "--client-secret",
        KNOWN[2],
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"SecretHash": KNOWN_HASH}
