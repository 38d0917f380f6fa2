# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""verify-software-token.sh: the app's code registers it; a wrong code is explained."""

from __future__ import annotations

import time

import pyotp

from cli.expect import masked_length, printed_response, refused


def test_verifies_during_mfa_setup(run_script, cognito, mfa_pool, mfa_user, mfa_setup_session):
    associated = cognito.associate_software_token(Session=mfa_setup_session)
    code = pyotp.TOTP(associated["SecretCode"]).now()
    result = run_script(
        "verify-software-token",
        "--user-code",
        code,
        "--session",
        associated["Session"],
        "--friendly-device-name",
        "phone",
    )
    response = printed_response(result, "VerifySoftwareToken")
    assert response["Status"] == "SUCCESS"
    masked_length(response["Session"])
    assert associated["Session"] not in result.stdout


def test_verifies_for_signed_in_user(run_script, cognito, user_pool, signed_in_user):
    access_token = signed_in_user["access_token"]
    secret = cognito.associate_software_token(AccessToken=access_token)["SecretCode"]
    result = run_script(
        "verify-software-token",
        "--user-code",
        pyotp.TOTP(secret).now(),
        "--access-token",
        access_token,
    )
    assert printed_response(result, "VerifySoftwareToken")["Status"] == "SUCCESS"
    cognito.set_user_mfa_preference(
        AccessToken=access_token,
        SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True},
    )
    user = cognito.admin_get_user(UserPoolId=user_pool, Username=signed_in_user["username"])
    assert user["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"]


def test_wrong_code(run_script, cognito, mfa_setup_session):
    associated = cognito.associate_software_token(Session=mfa_setup_session)
    totp, now = pyotp.TOTP(associated["SecretCode"]), time.time()
    accepted = {totp.at(now + step) for step in (-60, -30, 0, 30, 60)}
    wrong = next(c for c in ("000000", "111111", "222222", "333333") if c not in accepted)
    result = run_script(
        "verify-software-token", "--user-code", wrong, "--session", associated["Session"]
    )
    refused(result, "EnableSoftwareTokenMFAException", "The code doesn't match the secret")
