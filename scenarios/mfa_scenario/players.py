# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Who answers the scenario's questions: a person at the terminal, or ``--auto``.

Both offer the same methods, so the scenario's flow reads the same either way. The automatic
player makes up names, reads confirmation codes from the local backend's outbox (the
scenario shows them) and computes TOTP codes with pyotp, as an authenticator app would.
"""

from __future__ import annotations

import secrets
import string
import time
import uuid
from collections.abc import Callable

import pyotp

from mfa_scenario.console import Console

InputFn = Callable[[str], str]

ShowSetup = Callable[[], None]
"""Shows the setup key and QR code again (the person typed ``k`` at the code prompt)."""
SHOW_AGAIN = ("k", "key")
PROMPT_WIDTH = 60
"""Prompts longer than this leave too little of an 80-column line for the answer."""


class ScenarioAborted(Exception):
    """The scenario can't go on; the message is the one-line reason shown to the user."""


def make_username() -> str:
    return f"mfa-user-{uuid.uuid4().hex[:8]}"


def make_password() -> str:
    """A random password that meets Cognito's default password policy."""
    alphabet = string.ascii_letters + string.digits
    body = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{body}aA7!"


class TotpCalculator:
    """The current code of a TOTP secret, never the same code twice.

    Cognito may refuse a code that was used already, as authenticator apps expect.
    """

    def __init__(self) -> None:
        self._used: set[tuple[str, str]] = set()

    def code(self, secret: str) -> str:
        totp = pyotp.TOTP(secret)
        now = time.time()
        for at in (now, now + totp.interval):  # Cognito accepts the next time step too
            code = totp.at(at)
            if (secret, code) not in self._used:
                self._used.add((secret, code))
                return code
        raise ScenarioAborted("no unused TOTP code left in this time window")


class InteractivePlayer:
    """A person at the terminal: prompts on ``ask``, passwords through ``ask_secret``."""

    automatic = False

    def __init__(self, console: Console, ask: InputFn, ask_secret: InputFn) -> None:
        self.console = console
        self._ask = ask
        self._ask_secret = ask_secret
        self._totp = TotpCalculator()

    def _input(self, prompt: str, secret: bool = False) -> str:
        try:
            answer = (self._ask_secret if secret else self._ask)(prompt)
        except EOFError:
            raise ScenarioAborted("input ended before the scenario did") from None
        return answer.strip()

    def username(self) -> str:
        default = make_username()
        return self._input(f"User name [{default}]: ") or default

    def password(self) -> str:
        while True:
            password = self._input("Password: ", secret=True)
            if password:
                return password
            self.console.problem("The password can't be empty.")

    def email(self, username: str) -> str:
        default = f"{username}@example.com"
        prompt = f"E-mail address [{default}]: "
        if len(prompt) > PROMPT_WIDTH:  # the default on its own, wrapped: the prompt one line
            self.console.say(f"The default e-mail address: {default}")
            prompt = "E-mail address [Enter: the default above]: "
        return self._input(prompt) or default

    def confirmation_code(self, shown_code: str | None) -> str:
        del shown_code  # a person reads it on screen (local) or in the e-mail (aws)
        while True:
            code = self._input("Confirmation code (or r to send a new one): ").replace(" ", "")
            if code:
                return code
            self.console.problem("Type the code from the e-mail, or r to get a new one.")

    def totp_code(self, secret: str, show_setup: ShowSetup | None = None) -> str:
        while True:
            answer = self._input(
                "Code from your authenticator app (Enter: compute it; k: show the key): "
            ).replace(" ", "")
            if answer.lower() in SHOW_AGAIN and show_setup is not None:
                show_setup()
                continue
            if not answer or (len(answer) == 6 and answer.isascii() and answer.isdigit()):
                break
            self.console.problem("An authenticator code is 6 digits, such as 123456.")
        if answer:
            return answer
        code = self._totp.code(secret)
        self.console.write(f"     computed with pyotp, as an authenticator app would: {code}")
        return code

    def confirm(self, question: str) -> bool:
        return self._input(f"{question} [y/N]: ").lower() in ("y", "yes")


class AutoPlayer:
    """``--auto``: answers every question itself and prints what it answered."""

    automatic = True

    def __init__(self, console: Console) -> None:
        self.console = console
        self._totp = TotpCalculator()

    def _answer(self, question: str, answer: str) -> str:
        self.console.write(f"{question}: {answer}   (--auto)")
        return answer

    def username(self) -> str:
        return self._answer("User name", make_username())

    def password(self) -> str:
        password = make_password()
        self.console.write("Password: ********   (--auto)")
        return password

    def email(self, username: str) -> str:
        return self._answer("E-mail address", f"{username}@example.com")

    def confirmation_code(self, shown_code: str | None) -> str:
        if shown_code is None:
            raise ScenarioAborted("--auto can't read a confirmation code sent by e-mail")
        return self._answer("Confirmation code", shown_code)

    def totp_code(self, secret: str, show_setup: ShowSetup | None = None) -> str:
        del show_setup  # nobody to show it to
        return self._answer("Authenticator code", self._totp.code(secret))

    def confirm(self, question: str) -> bool:
        self._answer(question, "yes")
        return True


Player = InteractivePlayer | AutoPlayer
