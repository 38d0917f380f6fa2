# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Guided scenario: sign up, set up an authenticator app, sign in with TOTP, remember the device.

    python scenarios/signup_user_with_mfa.py [--auto] [--target local|aws]
        [--endpoint URL] [--user-pool-id ID --client-id ID] [--keep]

It walks you through the whole Amazon Cognito multi-factor journey, one Cognito call at a time,
with the functions of ``python/cognito_idp/``:

1. the target: by default an embedded local Cognito backend with a new user pool (MFA
   required, authenticator apps, device tracking) and an app client;
2. sign up, and confirm the sign-up with the code Cognito sends;
3. list the pool's users;
4. sign in: Cognito asks to set up MFA; the scenario shows the setup key and a QR code for your
   authenticator app;
5. verify the app's first code and finish signing in;
6. sign in again with password + the app's code;
7. remember this device, sign in with password + device (no code), list and forget the device;
8. remove everything it created, also after Ctrl-C or an error.

``--auto`` plays the user (no prompt). ``--endpoint URL`` uses a cognito-emulator already
running there instead of starting one. ``--target aws`` uses your AWS account instead (it asks
before creating anything, which may cost money, and deletes it at the end).
``scenarios/SPECIFICATION.md`` is what every language's port of this program promises.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import shlex
import shutil
import signal
import socket
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import pyotp
from botocore.exceptions import BotoCoreError, ClientError
from cognito_idp.admin_delete_user import admin_delete_user
from cognito_idp.admin_initiate_auth import admin_initiate_auth
from cognito_idp.admin_respond_to_auth_challenge import admin_respond_to_auth_challenge
from cognito_idp.associate_software_token import associate_software_token
from cognito_idp.confirm_device import confirm_device
from cognito_idp.confirm_sign_up import confirm_sign_up
from cognito_idp.create_user_pool import create_user_pool
from cognito_idp.create_user_pool_client import create_user_pool_client
from cognito_idp.delete_user_pool import delete_user_pool
from cognito_idp.delete_user_pool_client import delete_user_pool_client
from cognito_idp.describe_user_pool import describe_user_pool
from cognito_idp.describe_user_pool_client import describe_user_pool_client
from cognito_idp.forget_device import forget_device
from cognito_idp.get_user_pool_mfa_config import get_user_pool_mfa_config
from cognito_idp.list_devices import list_devices
from cognito_idp.list_users import list_users
from cognito_idp.resend_confirmation_code import resend_confirmation_code
from cognito_idp.secret_hash import compute_secret_hash
from cognito_idp.set_user_pool_mfa_config import set_user_pool_mfa_config
from cognito_idp.sign_up import sign_up
from cognito_idp.update_device_status import update_device_status
from cognito_idp.verify_software_token import verify_software_token
from mfa_scenario.cleanup import CleanupStack, Removal
from mfa_scenario.console import Console, mask
from mfa_scenario.device_srp import DeviceProof, RememberedDevice, new_device_verifier
from mfa_scenario.password_policy import describe_policy, password_policy, policy_problems
from mfa_scenario.players import AutoPlayer, InteractivePlayer, Player, ScenarioAborted
from mfa_scenario.targets import (
    ControlSeam,
    aws_client,
    is_http_url,
    local_client,
    start_local_backend,
)
from mfa_scenario.totp_setup import (
    ISSUER,
    can_draw_qr,
    compact_qr,
    draw_qr,
    group_setup_key,
    remove_qr_png,
    write_qr_png,
)

PROG = "signup_user_with_mfa"
TOTAL_STEPS = 8
MAX_TRIES = 5
"""Wrong answers (codes, passwords, names) accepted before the scenario gives up."""
MAX_SIGN_INS = 3
"""Sign-ins started again after an expired session before the scenario gives up."""
DEVICE_CONFIGURATION = {
    "ChallengeRequiredOnNewDevice": True,
    "DeviceOnlyRememberedOnUserPrompt": False,
}
AUTH_FLOWS = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
DEVICE_NAME = f"mfa scenario on {socket.gethostname()}"[:64]
QR_IMAGE = "the QR code image and its folder"
EXIT_INTERRUPTED = {signal.SIGINT: 130, signal.SIGTERM: 143}
"""128 + the signal's number, as a shell reports a program a signal stopped."""


class Terminated(BaseException):
    """SIGTERM arrived: like Ctrl-C (KeyboardInterrupt), the scenario cleans up and stops."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


@dataclass
class Scenario:
    """What the steps share: where to talk, who answers, and what exists so far."""

    console: Console
    player: Player
    cleanup: CleanupStack
    keep: bool = False
    target: str = "local"
    client: Any = None
    seam: ControlSeam | None = None
    """The local backend's control seam (None on AWS, where codes come by e-mail)."""
    password_policy: dict[str, Any] = field(default_factory=dict)
    user_pool_id: str = ""
    client_id: str = ""
    client_secret: str | None = None
    username: str = ""
    password: str = ""
    totp_secret: str = ""
    qr_uri: str = ""
    qr_path: Path | None = None
    tokens: dict[str, Any] = field(default_factory=dict)
    new_device: dict[str, str] = field(default_factory=dict)

    def secret_hash(self, username: str | None = None) -> str | None:
        """SECRET_HASH for the user, when the app client has a secret (else None)."""
        if not self.client_secret:
            return None
        return compute_secret_hash(username or self.username, self.client_id, self.client_secret)


def error_code(err: ClientError) -> str:
    return str(err.response.get("Error", {}).get("Code", ""))


def error_message(err: ClientError) -> str:
    return str(err.response.get("Error", {}).get("Message", ""))


def session_expired(err: ClientError) -> bool:
    """Cognito's answer when a challenge's Session is too old (3 minutes) or used up."""
    return error_code(err) == "NotAuthorizedException" and "session" in error_message(err).lower()


# snippet-start:[python.cognito-idp.Scenario_SignUpUserWithMfa]
def run_scenario(
    s: Scenario, endpoint: str | None, pool_id: str | None, client_id: str | None
) -> None:
    """Steps 1 to 7; step 8 (clean-up) runs in ``run`` whatever happens here."""
    step_1_target(s, endpoint, pool_id, client_id)
    step_2_sign_up(s)
    step_3_list_users(s)
    for _ in range(MAX_SIGN_INS):
        session, first_code = step_4_start_mfa_setup(s)
        if step_5_verify_authenticator(s, session, first_code):
            break
        s.console.problem(
            "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again. "
            "Cognito hands out a new secret, so replace the entry in your authenticator app."
        )
    else:
        raise ScenarioAborted("the sign-in session expired again and again")
    step_6_sign_in_with_totp(s)
    step_7_remember_device(s)


def step_1_target(
    s: Scenario, endpoint: str | None, pool_id: str | None, client_id: str | None
) -> None:
    s.console.step(1, "Where the scenario runs")
    if s.target == "local":
        url = endpoint or start_embedded_backend(s)
        s.client, s.seam = local_client(url), ControlSeam(url)
        s.console.ok(f"Local Cognito backend at {url}; codes it 'e-mails' go to its outbox.")
        create_pool_and_client(s)
        return
    s.client = aws_client()
    region = s.client.meta.region_name
    if pool_id and client_id:
        use_existing_pool(s, pool_id, client_id)
        return
    s.console.say(
        f"This creates, in your AWS account (Region {region}): a user pool named mfa-scenario-* "
        "(MFA required, authenticator apps, device tracking) and an app client. Cognito may "
        "charge for them (most use stays in the free tier). The scenario deletes both at the end."
    )
    if not s.player.confirm("Create them?"):
        raise ScenarioAborted("nothing created: you chose not to create the user pool")
    create_pool_and_client(s)


def start_embedded_backend(s: Scenario) -> str:
    """Start cognito-emulator in this process, to stop at clean-up; its URL."""
    s.console.say("Starting the embedded Cognito backend on a free loopback port.")
    server = start_local_backend()
    outbox = server.outbox

    def stop_backend() -> None:
        server.stop()
        shutil.rmtree(outbox, ignore_errors=True)

    s.cleanup.push("the local backend (stopped) and its outbox folder", stop_backend)
    return str(server.url)


def create_pool_and_client(s: Scenario) -> None:
    name = f"mfa-scenario-{uuid.uuid4().hex[:8]}"
    s.console.call(
        "CreateUserPool",
        "a directory for the users, verifying e-mail addresses and "
        "tracking the devices they sign in from.",
    )
    pool = create_user_pool(
        s.client, name, auto_verify_email=True, device_configuration=DEVICE_CONFIGURATION
    )
    client, pool_id = s.client, pool["Id"]
    s.user_pool_id, s.password_policy = pool_id, password_policy(pool)
    s.cleanup.push(
        f"user pool {pool_id}", lambda: delete_user_pool(client, pool_id), "DeleteUserPool"
    )
    s.console.ok(f"User pool {name} created.")
    s.console.show("User pool ID", pool_id)

    s.console.call(
        "SetUserPoolMfaConfig",
        "makes MFA required (ON), with authenticator apps "
        "(software tokens), so every user must set one up at first sign-in.",
    )
    set_user_pool_mfa_config(s.client, pool_id, mfa_configuration="ON", software_token_enabled=True)
    s.console.ok("MFA required, by authenticator app (TOTP).")

    s.console.call(
        "CreateUserPoolClient",
        "the app client that sign-up and sign-in go through; "
        "no client secret, and the admin password flow allowed.",
    )
    app = create_user_pool_client(
        s.client, pool_id, "mfa-scenario-app", explicit_auth_flows=AUTH_FLOWS
    )
    app_id = app["ClientId"]
    s.client_id = app_id
    s.cleanup.push(
        f"app client {app_id}",
        lambda: delete_user_pool_client(client, pool_id, app_id),
        "DeleteUserPoolClient",
    )
    s.console.ok("App client created.")
    s.console.show("App client ID", app_id)


def step_2_sign_up(s: Scenario) -> None:
    s.console.step(2, "Sign up and confirm the sign-up")
    username, password = s.player.username(), choose_password(s)
    email = s.player.email(username)
    for _ in range(MAX_TRIES):
        s.console.call(
            "SignUp", "creates the user, unconfirmed, and has Cognito e-mail a confirmation code."
        )
        try:
            result = sign_up(
                s.client,
                s.client_id,
                username,
                password,
                email,
                secret_hash=s.secret_hash(username),
            )
        except ClientError as err:
            code, message = error_code(err), error_message(err)
            if code == "UsernameExistsException":
                s.console.problem(f"The user name {username} is taken. Choose another one.")
                username = s.player.username()
            elif code == "InvalidPasswordException" or (
                code == "InvalidParameterException" and "password" in message.lower()
            ):
                s.console.problem(
                    f"Cognito refused the password: {message}. The pool's policy: "
                    f"{describe_policy(s.password_policy)}."
                )
                password = choose_password(s)
            elif code == "InvalidParameterException" and "username" in message.lower():
                s.console.problem(
                    f"Cognito refused the user name: {message}. Use at most 128 letters,"
                    " digits and symbols, without spaces."
                )
                username = s.player.username()
                email = s.player.email(username)
            elif code == "InvalidParameterException" and "email" in message.lower():
                s.console.problem(f"Cognito refused the e-mail address: {message}")
                email = s.player.email(username)
            else:
                raise
            continue
        break
    else:
        raise ScenarioAborted("sign-up refused too many times")
    client, pool_id = s.client, s.user_pool_id
    s.username, s.password = username, password
    s.cleanup.push(
        f"user {username}", lambda: admin_delete_user(client, pool_id, username), "AdminDeleteUser"
    )
    delivery = result.get("CodeDeliveryDetails") or {}
    s.console.ok(
        f"Signed up {username} (user sub {result.get('UserSub')}); Cognito sent a code "
        f"by {delivery.get('DeliveryMedium', 'e-mail')} to {delivery.get('Destination')}."
    )
    confirm_the_sign_up(s)


def choose_password(s: Scenario) -> str:
    """A password the pool's policy accepts, checked as soon as it is typed."""
    s.console.say(f"The pool's password policy: {describe_policy(s.password_policy)}.")
    for _ in range(MAX_TRIES):
        password = s.player.password()
        problems = policy_problems(password, s.password_policy)
        if not problems:
            return password
        s.console.problem(
            "The pool's policy refuses this password: it needs " + "; ".join(problems) + "."
        )
    raise ScenarioAborted("too many passwords the pool's policy refuses")


def delivered_code(s: Scenario) -> str | None:
    """On local, the newest code the backend delivered (shown); on AWS, None (e-mailed)."""
    if s.seam is None:
        s.console.say("Look for the e-mail from Cognito (no-reply@verificationemail.com).")
        return None
    try:
        code = s.seam.latest_code(s.username, s.user_pool_id)
    except OSError as exc:
        raise ScenarioAborted(
            f"the local backend at {s.seam.url} didn't answer GET /_emulator/messages: {exc}"
        ) from None
    if code is None:
        raise ScenarioAborted("the local backend delivered no confirmation code to its outbox")
    s.console.say(f"The local backend 'e-mailed' the code to its outbox: {code}")
    return code


def confirm_the_sign_up(s: Scenario) -> None:
    shown = delivered_code(s)
    for _ in range(MAX_TRIES):
        answer = s.player.confirmation_code(shown)
        if answer.lower() in ("r", "resend"):
            s.console.call(
                "ResendConfirmationCode",
                "has Cognito send a new code to the same address.",
            )
            resend_confirmation_code(s.client, s.client_id, s.username, secret_hash=s.secret_hash())
            shown = delivered_code(s)
            continue
        s.console.call(
            "ConfirmSignUp",
            "proves the user owns the e-mail address; the user becomes CONFIRMED and can sign in.",
        )
        try:
            confirm_sign_up(s.client, s.client_id, s.username, answer, secret_hash=s.secret_hash())
        except ClientError as err:
            if error_code(err) == "CodeMismatchException":
                s.console.problem(
                    f"Wrong code: {error_message(err)} Type it again, or r for a new one."
                )
                continue
            if error_code(err) == "ExpiredCodeException":
                s.console.problem(
                    f"That code has expired: {error_message(err)} Type r for a new one."
                )
                continue
            raise
        s.console.ok(f"{s.username} is confirmed.")
        return
    raise ScenarioAborted("too many wrong confirmation codes")


def step_3_list_users(s: Scenario) -> None:
    s.console.step(3, "List the users of the pool")
    s.console.call("ListUsers", "reads the pool's users, to see the new one and its status.")
    users = list_users(s.client, s.user_pool_id)
    for user in users[:20]:
        email = next((a["Value"] for a in user.get("Attributes", []) if a["Name"] == "email"), "")
        marker = "   <- new" if user.get("Username") == s.username else ""
        s.console.row(str(user.get("Username")), str(user.get("UserStatus")), email + marker)
    if len(users) > 20:
        s.console.row(f"... and {len(users) - 20} more")
    if not any(user.get("Username") == s.username for user in users):
        raise ScenarioAborted(f"ListUsers doesn't show {s.username}")


def step_4_start_mfa_setup(s: Scenario) -> tuple[str, str]:
    """Sign in, get a TOTP secret, show it; the session and the app's first code."""
    s.console.step(4, "Sign in: Cognito asks to set up an authenticator app")
    s.console.call(
        "AdminInitiateAuth",
        "signs in with the password; the pool requires MFA and "
        "the user has none yet, so Cognito answers with the MFA_SETUP challenge.",
    )
    response = admin_initiate_auth(
        s.client, s.user_pool_id, s.client_id, s.username, s.password, secret_hash=s.secret_hash()
    )
    if response.get("ChallengeName") != "MFA_SETUP":
        raise ScenarioAborted(
            f"expected the MFA_SETUP challenge, Cognito answered {response.get('ChallengeName')}"
        )
    s.console.ok(f"Challenge MFA_SETUP, session {mask(response.get('Session'))}")
    s.console.call(
        "AssociateSoftwareToken",
        "asks Cognito for a new TOTP secret for the user; "
        "the authenticator app derives its codes from it.",
    )
    associated = associate_software_token(s.client, session=response["Session"])
    s.totp_secret = associated["SecretCode"]
    show_authenticator_setup(s)
    # Asked here, right under the setup key and the QR code, so that all three fit on one
    # 80x24 screen; step 5 sends it.
    first_code = s.player.totp_code(s.totp_secret, lambda: show_key_and_qr(s))
    return str(associated.get("Session") or response["Session"]), first_code


def show_authenticator_setup(s: Scenario) -> None:
    """The QR image file (private), then the account, the QR code and the setup key."""
    s.qr_uri, qr = compact_qr(s.totp_secret, s.username)
    s.console.say(
        "Add an account to your authenticator app: scan the QR code below, or type the "
        "setup key under it (time-based, 6 digits, every 30 seconds). Scrolled away? "
        "Type k at the code prompt to see them again."
    )
    if s.qr_path is not None:  # a second set-up after an expired session
        s.cleanup.discard(QR_IMAGE)
        remove_qr_png(s.qr_path)
    path = s.qr_path = write_qr_png(s.qr_uri)
    if s.keep:
        s.console.path("QR code image (kept: --keep; it holds the secret)", str(path))
    else:
        s.cleanup.push(QR_IMAGE, lambda: remove_qr_png(path))
        s.console.path("QR code image (only you can read it; removed at the end)", str(path))
    show_key_and_qr(s, qr)


def show_key_and_qr(s: Scenario, qr: Any = None) -> None:
    """The account, the QR code (at most 21 lines) and the setup key right under it."""
    if qr is None:
        s.qr_uri, qr = compact_qr(s.totp_secret, s.username)
    account = pyotp.parse_uri(s.qr_uri)
    s.console.show("Account", f"{account.issuer or ISSUER}:{account.name}")
    if can_draw_qr(s.console.out):
        draw_qr(qr, s.console.out)
    else:
        s.console.say("This terminal can't draw the QR code: open the image file above.")
    s.console.show("Setup key", group_setup_key(s.totp_secret))


def step_5_verify_authenticator(s: Scenario, session: str, first_code: str) -> bool:
    """Verify the app's first code and answer MFA_SETUP; False if the session expired."""
    s.console.step(5, "Verify the authenticator app and finish signing in")
    code = first_code
    for attempt in range(MAX_TRIES):
        if attempt:
            code = s.player.totp_code(s.totp_secret, lambda: show_key_and_qr(s))
        s.console.call(
            "VerifySoftwareToken",
            "checks the app's code against the secret, which "
            "proves the app is set up; Cognito registers it as the user's MFA.",
        )
        try:
            verified = verify_software_token(
                s.client, code, session=session, friendly_device_name="authenticator app"
            )
        except ClientError as err:
            if error_code(err) in ("EnableSoftwareTokenMFAException", "CodeMismatchException"):
                s.console.problem(
                    f"Cognito refused the code ({error_message(err)}). Check the "
                    "account in the app and the phone's clock, then type the "
                    "current code."
                )
                continue
            if session_expired(err):
                return False
            raise
        break
    else:
        raise ScenarioAborted("too many wrong authenticator codes")
    s.console.ok(f"Status {verified.get('Status')}.")
    s.console.call(
        "AdminRespondToAuthChallenge (MFA_SETUP)",
        "tells Cognito the set-up is done; it answers with the user's tokens.",
    )
    try:
        result = admin_respond_to_auth_challenge(
            s.client,
            s.user_pool_id,
            s.client_id,
            "MFA_SETUP",
            str(verified.get("Session") or session),
            {"USERNAME": s.username},
            secret_hash=s.secret_hash(),
        )
    except ClientError as err:
        if session_expired(err):
            return False
        raise
    show_tokens(s, result)
    return True


def show_tokens(s: Scenario, result: dict[str, Any]) -> dict[str, Any]:
    tokens: dict[str, Any] = result.get("AuthenticationResult") or {}
    if not tokens.get("AccessToken"):
        raise ScenarioAborted(f"expected tokens, Cognito answered {result.get('ChallengeName')}")
    s.console.ok("Signed in. Tokens (masked):")
    for name in ("IdToken", "AccessToken", "RefreshToken"):
        s.console.show(name, mask(tokens.get(name)))
    s.tokens = tokens
    return tokens


def step_6_sign_in_with_totp(s: Scenario) -> None:
    s.console.step(6, "Sign in with password + authenticator code")
    for _ in range(MAX_SIGN_INS):
        s.console.call(
            "AdminInitiateAuth",
            "signs in with the password; the user has an "
            "authenticator now, so Cognito asks for its code (SOFTWARE_TOKEN_MFA).",
        )
        response = admin_initiate_auth(
            s.client,
            s.user_pool_id,
            s.client_id,
            s.username,
            s.password,
            secret_hash=s.secret_hash(),
        )
        if response.get("ChallengeName") != "SOFTWARE_TOKEN_MFA":
            raise ScenarioAborted(
                "expected the SOFTWARE_TOKEN_MFA challenge, Cognito answered "
                f"{response.get('ChallengeName')}"
            )
        s.console.ok(f"Challenge SOFTWARE_TOKEN_MFA, session {mask(response.get('Session'))}")
        result = answer_totp_challenge(s, str(response["Session"]))
        if result is not None:
            tokens = show_tokens(s, result)
            s.new_device = dict(tokens.get("NewDeviceMetadata") or {})
            return
        s.console.problem(
            "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again."
        )
    raise ScenarioAborted("the sign-in session expired again and again")


def answer_totp_challenge(s: Scenario, session: str) -> dict[str, Any] | None:
    """Send the app's code until Cognito accepts it; None when the session expired."""
    for _ in range(MAX_TRIES):
        code = s.player.totp_code(s.totp_secret, lambda: show_key_and_qr(s))
        s.console.call(
            "AdminRespondToAuthChallenge (SOFTWARE_TOKEN_MFA)",
            "sends the app's current code, the second factor.",
        )
        try:
            return admin_respond_to_auth_challenge(
                s.client,
                s.user_pool_id,
                s.client_id,
                "SOFTWARE_TOKEN_MFA",
                session,
                {"USERNAME": s.username, "SOFTWARE_TOKEN_MFA_CODE": code},
                secret_hash=s.secret_hash(),
            )
        except ClientError as err:
            if error_code(err) == "CodeMismatchException":
                s.console.problem(
                    f"Cognito refused the code ({error_message(err)}). Type the "
                    "code the app shows now."
                )
                continue
            if session_expired(err):
                return None
            raise
    raise ScenarioAborted("too many wrong authenticator codes")


def step_7_remember_device(s: Scenario) -> None:
    s.console.step(7, "Remember the device, sign in with it, list and forget it")
    if not s.new_device.get("DeviceKey"):
        raise ScenarioAborted("Cognito sent no NewDeviceMetadata: the pool doesn't track devices")
    key, group_key = s.new_device["DeviceKey"], s.new_device["DeviceGroupKey"]
    s.console.say(
        f"Cognito started tracking the device of this sign-in: {key}. Remembering it "
        "lets later sign-ins from it skip the authenticator code."
    )
    device_password, verifier = new_device_verifier(key, group_key)
    access_token = str(s.tokens["AccessToken"])
    s.console.call(
        "ConfirmDevice",
        "registers the device with an SRP verifier of a random "
        "device password; the password itself never leaves this program.",
    )
    confirmed = confirm_device(s.client, access_token, key, verifier, device_name=DEVICE_NAME)
    if confirmed.get("UserConfirmationNecessary"):
        s.console.call(
            "UpdateDeviceStatus",
            "the pool remembers devices only when asked: marks this one remembered.",
        )
        update_device_status(s.client, access_token, key, remembered=True)
    s.console.ok(f"Device remembered as '{DEVICE_NAME}'.")

    device = RememberedDevice(key, group_key, device_password)
    s.console.call(
        "AdminInitiateAuth",
        "signs in with the password and the remembered "
        "device's key; Cognito asks the device to prove itself (DEVICE_SRP_AUTH) "
        "instead of asking for a code.",
    )
    response = admin_initiate_auth(
        s.client,
        s.user_pool_id,
        s.client_id,
        s.username,
        s.password,
        secret_hash=s.secret_hash(),
        device_key=key,
    )
    if response.get("ChallengeName") != "DEVICE_SRP_AUTH":
        raise ScenarioAborted(
            "expected the DEVICE_SRP_AUTH challenge, Cognito answered "
            f"{response.get('ChallengeName')}"
        )
    proof = DeviceProof(device, s.client_id, s.client_secret)
    s.console.call(
        "AdminRespondToAuthChallenge (DEVICE_SRP_AUTH)",
        "sends SRP_A, the device's public value for this sign-in.",
    )
    challenge = admin_respond_to_auth_challenge(
        s.client,
        s.user_pool_id,
        s.client_id,
        "DEVICE_SRP_AUTH",
        str(response["Session"]),
        {"USERNAME": s.username, "DEVICE_KEY": key, "SRP_A": proof.srp_a},
        secret_hash=s.secret_hash(),
    )
    if challenge.get("ChallengeName") != "DEVICE_PASSWORD_VERIFIER":
        raise ScenarioAborted(
            "expected the DEVICE_PASSWORD_VERIFIER challenge, Cognito "
            f"answered {challenge.get('ChallengeName')}"
        )
    s.console.call(
        "AdminRespondToAuthChallenge (DEVICE_PASSWORD_VERIFIER)",
        "proves the device knows its password, without sending the password.",
    )
    result = admin_respond_to_auth_challenge(
        s.client,
        s.user_pool_id,
        s.client_id,
        "DEVICE_PASSWORD_VERIFIER",
        str(challenge.get("Session") or ""),
        proof.password_verifier(challenge["ChallengeParameters"]),
    )
    show_tokens(s, result)
    s.console.ok("Signed in with password + remembered device: no authenticator code asked.")
    access_token = str(s.tokens["AccessToken"])

    s.console.call("ListDevices", "lists the user's tracked devices.")
    for listed in list_devices(s.client, access_token):
        attributes = {a["Name"]: a["Value"] for a in listed.get("DeviceAttributes", [])}
        s.console.row(
            listed["DeviceKey"],
            attributes.get("device_name", ""),
            attributes.get("dev:device_remembered_status", ""),
        )
    s.console.call(
        "ForgetDevice",
        "forgets the device: the next sign-in from it asks for the authenticator code again.",
    )
    forget_device(s.client, key, access_token=access_token)
    s.console.ok(f"Device {key} forgotten.")


# snippet-end:[python.cognito-idp.Scenario_SignUpUserWithMfa]


def use_existing_pool(s: Scenario, pool_id: str, client_id: str) -> None:
    s.console.call(
        "DescribeUserPool / GetUserPoolMfaConfig / DescribeUserPoolClient",
        "checks that the given pool requires TOTP MFA and tracks devices.",
    )
    pool = describe_user_pool(s.client, pool_id)
    mfa = get_user_pool_mfa_config(s.client, pool_id)
    app = describe_user_pool_client(s.client, pool_id, client_id)
    if mfa.get("MfaConfiguration") != "ON" or not (
        mfa.get("SoftwareTokenMfaConfiguration") or {}
    ).get("Enabled"):
        raise ScenarioAborted(f"user pool {pool_id} must require MFA (ON) with software tokens")
    if not pool.get("DeviceConfiguration"):
        raise ScenarioAborted(f"user pool {pool_id} doesn't track devices (DeviceConfiguration)")
    if "ALLOW_ADMIN_USER_PASSWORD_AUTH" not in (app.get("ExplicitAuthFlows") or []):
        raise ScenarioAborted(f"app client {client_id} must allow ALLOW_ADMIN_USER_PASSWORD_AUTH")
    s.user_pool_id, s.client_id = pool_id, client_id
    s.password_policy = password_policy(pool)
    s.client_secret = app.get("ClientSecret")
    s.console.ok(
        f"Using user pool {pool_id} and app client {client_id}"
        + (" (with a secret: calls carry a SECRET_HASH)." if s.client_secret else ".")
    )


def step_8_clean_up(s: Scenario) -> bool:
    """Remove what the scenario created and say so; False if something couldn't be removed."""
    s.console.step(TOTAL_STEPS, "Clean up")
    if not len(s.cleanup):
        s.console.say("Nothing to remove: the scenario created nothing.")
        return True

    def announce(what: str, operation: str | None) -> None:
        if operation:
            s.console.call(operation, f"removes {what}.")

    def report(removal: Removal) -> None:
        if removal.ok:
            s.console.ok(f"Removed {removal.what}.")
        else:
            s.console.problem(f"Couldn't remove {removal.what}: {removal.error}")

    removals = s.cleanup.close(announce, report)
    if s.keep and s.qr_path is not None:
        s.console.path("Kept (--keep)", str(s.qr_path))
    return all(removal.ok for removal in removals)


@contextmanager
def quiet_action_logs() -> Iterator[None]:
    """The scenario explains Cognito's errors itself: hide the action modules' own log lines."""
    logger = logging.getLogger("cognito_idp")
    previous = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(previous)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Guided Amazon Cognito scenario: sign up, set up an authenticator app, "
        "sign in with TOTP, remember the device.",
    )
    parser.add_argument(
        "--auto",
        action="store_true",
        help="play the user: generated names, codes read and computed, no prompt",
    )
    parser.add_argument(
        "--target",
        choices=("local", "aws"),
        default="local",
        help="local: an embedded Cognito backend (default); aws: your account",
    )
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        help="with --target local: the cognito-emulator already serving at URL",
    )
    parser.add_argument("--user-pool-id", help="with --target aws: use this user pool")
    parser.add_argument("--client-id", help="with --target aws: use this app client")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the QR code image at the end (it holds the TOTP secret)",
    )
    args = parser.parse_args(argv)
    if (args.user_pool_id is None) != (args.client_id is None):
        parser.error("give both --user-pool-id and --client-id, or neither")
    if args.user_pool_id and args.target != "aws":
        parser.error("--user-pool-id and --client-id go with --target aws")
    if args.endpoint is not None and args.target != "local":
        parser.error("--endpoint goes with --target local (a cognito-emulator)")
    if args.endpoint is not None and not is_http_url(args.endpoint):
        parser.error(
            f"--endpoint needs an http:// URL, such as http://127.0.0.1:9229, not {args.endpoint!r}"
        )
    return args


def rerun_command(argv: list[str]) -> str:
    """The command that runs this scenario with ``--auto`` from where it was started."""
    if os.environ.get("NOX_CURRENT_SESSION") == "scenario":
        return shlex.join(["nox", "-s", "scenario", "--", *argv, "--auto"])
    python = sys.executable
    for name in ("python", "python3"):
        found = shutil.which(name)
        if found and os.path.samefile(found, python):
            python = name
            break
    else:
        relative = os.path.relpath(python)
        python = relative if not relative.startswith("..") else python
    return shlex.join([python, sys.argv[0] or f"{PROG}.py", *argv, "--auto"])


def usage_problem(args: argparse.Namespace, argv: list[str], interactive_input: bool) -> str:
    """Why the scenario can't run as asked (exit 2), or an empty string."""
    if args.target == "aws" and args.auto:
        return f"{PROG}: --auto runs only on --target local (on AWS the code comes by e-mail)."
    if args.target == "aws" and os.environ.get("CI"):
        return f"{PROG}: --target aws never runs in CI (CI is set)."
    if not args.auto and not interactive_input:
        if args.target == "aws":
            return f"{PROG}: stdin is not a terminal: run it in a terminal to answer its questions."
        return f"stdin is not a terminal; run: {rerun_command(argv)}"
    return ""


def run(
    argv: list[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    ask: Callable[[str], str] | None = None,
    ask_secret: Callable[[str], str] | None = None,
) -> int:
    """Run the scenario; return the exit status. Tests pass ``ask`` to answer the prompts."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parse_args(argv)
    out, err = out or sys.stdout, err or sys.stderr
    problem = usage_problem(args, argv, ask is not None or sys.stdin.isatty())
    if problem:
        print(problem, file=err)
        return 2
    console = Console(out, TOTAL_STEPS)
    player: Player = (
        AutoPlayer(console)
        if args.auto
        else InteractivePlayer(console, ask or input, ask_secret or ask or getpass.getpass)
    )
    s = Scenario(console, player, CleanupStack(), keep=args.keep, target=args.target)
    console.say(
        "Amazon Cognito: sign up, set up an authenticator app, sign in with TOTP, "
        "remember the device." + ("" if args.auto else " Ctrl-C stops and cleans up.")
    )
    status, reason = 0, ""
    with quiet_action_logs(), sigterm_raises():
        try:
            run_scenario(s, args.endpoint, args.user_pool_id, args.client_id)
        except KeyboardInterrupt:
            status, reason = EXIT_INTERRUPTED[signal.SIGINT], "interrupted (Ctrl-C)"
        except Terminated:
            status, reason = EXIT_INTERRUPTED[signal.SIGTERM], "terminated (SIGTERM)"
        except ScenarioAborted as exc:
            status, reason = 1, str(exc)
        except ClientError as exc:
            operation = getattr(exc, "operation_name", "a call")
            status = 1
            reason = f"{operation} failed: {error_code(exc)}: {error_message(exc)}"
        except BotoCoreError as exc:  # no region or credentials, endpoint unreachable
            status, reason = 1, str(exc)
        except Exception as exc:  # anything else: still clean up, and say it in one line
            status, reason = 1, f"unexpected {type(exc).__name__}: {exc}"
        finally:
            if status:
                console.write()  # Ctrl-C may come in the middle of a prompt's line
                console.problem(f"Stopping: {reason}.")
            cleaned = step_8_clean_up(s)
    if s.cleanup.deferred_signal is not None and not status:  # a signal during clean-up
        status = EXIT_INTERRUPTED[signal.Signals(s.cleanup.deferred_signal)]
        reason = "interrupted while cleaning up"
    if not cleaned:
        status = status or 1
        reason = reason or "some resources couldn't be removed (listed above)"
    if status:
        print(f"{PROG}: {reason}", file=err)
        return status
    console.write()
    console.say("Done: sign-up, TOTP set-up and sign-in, and a remembered device all worked.")
    return 0


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """SIGTERM (``kill``, a CI job cancelled) stops the scenario like Ctrl-C: it cleans up."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main() -> int:
    try:
        return run()
    except KeyboardInterrupt:  # Ctrl-C outside the scenario's own handling (start-up)
        print(f"{PROG}: interrupted (Ctrl-C)", file=sys.stderr)
        return EXIT_INTERRUPTED[signal.SIGINT]


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)  # also during start-up, until run() takes over
    try:
        sys.exit(main())
    except Terminated:
        print(f"{PROG}: terminated (SIGTERM)", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED[signal.SIGTERM])
