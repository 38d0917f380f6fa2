# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""associate-software-token.sh: a usable TOTP secret shown whole, the session masked."""

from __future__ import annotations

import re

import pyotp

from cli.expect import masked_length, printed_response, refused


def test_secret_during_mfa_setup(run_script, mfa_setup_session):
    result = run_script("associate-software-token", "--session", mfa_setup_session)
    response = printed_response(result, "AssociateSoftwareToken")
    assert re.fullmatch(r"[A-Z2-7]{32}", response["SecretCode"])
    assert masked_length(response["Session"]) >= 16
    assert mfa_setup_session not in result.stdout


def test_secret_is_the_one_cognito_checks(run_script, cognito, signed_in_user):
    access_token = signed_in_user["access_token"]
    result = run_script("associate-software-token", "--access-token", access_token)
    secret = printed_response(result, "AssociateSoftwareToken")["SecretCode"]
    assert access_token not in result.stdout
    verified = cognito.verify_software_token(
        AccessToken=access_token, UserCode=pyotp.TOTP(secret).now()
    )
    assert verified["Status"] == "SUCCESS"


def test_invalid_session(run_script):
    # a session that starts with "-" still reaches Cognito (not taken for an option)
    result = run_script("associate-software-token", "--session", "-" + "y" * 63)
    refused(result, "NotAuthorizedException", "The session expired")


def test_needs_session_or_token(run_script):
    result = run_script("associate-software-token")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "associate-software-token.sh: give one of --session and --access-token (see --help)"
    )
