# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""A scripted person at the terminal for the scenario tests, and what they check on screen.

Test modules import what they use by name; pytest puts this folder on ``sys.path`` because it
has no ``__init__.py``.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cognito_users import TEST_PASSWORD
from totp_app import TotpApp

Answer = str | Callable[["ScriptedUser"], str] | BaseException


class ScriptedUser:
    """Answers prompts from queues keyed by a piece of the prompt; echoes them like a terminal.

    An answer is a string, a callable given this user (to read the screen so far), or an
    exception to raise (``KeyboardInterrupt()`` is Ctrl-C). An empty queue is end of input.
    """

    KEYS = ("User name", "Password", "E-mail", "Confirmation code", "authenticator app", "[y/N]")

    def __init__(
        self,
        out: io.StringIO,
        answers: dict[str, list[Answer]],
        totp_app: Callable[[str], TotpApp],
    ) -> None:
        unknown = set(answers) - set(self.KEYS)
        assert not unknown, f"no prompt contains {unknown}"
        self.out = out
        self.answers = {key: list(queue) for key, queue in answers.items()}
        self.prompts: list[str] = []
        self.screens: list[str] = []
        """The screen (everything printed so far) at each prompt."""
        self._totp_app = totp_app
        self._apps: dict[str, TotpApp] = {}

    def __call__(self, prompt: str) -> str:
        self.out.write(prompt)
        self.prompts.append(prompt)
        self.screens.append(self.out.getvalue())
        key = next((k for k in self.KEYS if k in prompt), None)
        assert key is not None, f"unexpected prompt {prompt!r}"
        queue = self.answers.get(key)
        if not queue:
            raise EOFError
        item = queue.pop(0)
        if isinstance(item, BaseException):
            raise item
        answer = item(self) if callable(item) else item
        self.out.write(("*" * len(answer) if key == "Password" else answer) + "\n")
        return answer

    # What a person reads off the screen -----------------------------------------------
    @property
    def screen(self) -> str:
        return self.out.getvalue()

    def shown_code(self) -> str:
        return re.findall(r"to its outbox: (\d{6})", self.screen)[-1]

    def setup_key(self) -> str:
        return re.findall(r"Setup key: ([A-Z2-7 ]+)", self.screen)[-1].replace(" ", "")

    def pool_id(self) -> str:
        return re.findall(r"User pool ID: (\S+)", self.screen)[-1]

    def app(self) -> TotpApp:
        """The authenticator app holding the setup key last shown (on the emulator's clock)."""
        key = self.setup_key()
        return self._apps.setdefault(key, self._totp_app(key))

    def totp(self) -> str:
        """The app's current code, never one it gave before (see :class:`totp_app.TotpApp`)."""
        return self.app().code()

    def wrong_totp(self) -> str:
        return self.app().wrong_code()


def shown_code(user: ScriptedUser) -> str:
    return user.shown_code()


def totp_now(user: ScriptedUser) -> str:
    return user.totp()


def wrong_totp(user: ScriptedUser) -> str:
    return user.wrong_totp()


def default_answers() -> dict[str, list[Answer]]:
    return {
        "User name": [f"ana-{uuid.uuid4().hex[:8]}"],
        "Password": [TEST_PASSWORD],
        "E-mail": [""],
        "Confirmation code": [shown_code],
        "authenticator app": [totp_now, totp_now],
    }


@dataclass
class Result:
    status: int
    out: str
    err: str
    user: ScriptedUser | None

    def qr_path(self) -> Path:
        """The QR image path, shown alone on the line after its label."""
        return Path(re.findall(r"QR code image \([^)]*\):\n *(\S+\.png)\n", self.out)[-1])


TOKEN_LIKE = re.compile(r"[A-Za-z0-9+/=_.-]*[A-Za-z0-9][A-Za-z0-9+/=_.-]*")


def assert_nothing_secret_shown(text: str) -> None:
    """No token, session or password on screen: only masked forms like ``eyJhb...sOTg``."""
    long_words = [w for w in TOKEN_LIKE.findall(text) if len(w) >= 60]
    assert not long_words, long_words
    assert TEST_PASSWORD not in text
