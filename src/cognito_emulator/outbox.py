# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The emulator's outbox: every message Cognito would send, one JSON file each.

:class:`Outbox` is where a server's backends deliver: it keeps the messages in memory, in
delivery order (what ``GET /_emulator/messages`` answers), and writes each one to its folder.
:func:`read_outbox` and :func:`latest_code` read such a folder from any process.

Each message has the keys ``username``, ``user_pool_id``, ``destination``, ``trigger``,
``code`` and ``sent_at`` (ISO 8601, UTC). ``trigger`` is Cognito's custom-message trigger
source: ``CustomMessage_SignUp``, ``CustomMessage_ResendCode``, ``CustomMessage_ForgotPassword``
or ``CustomMessage_AdminCreateUser`` (whose ``code`` is the temporary password).
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from pathlib import Path
from typing import TypedDict


class OutboxMessage(TypedDict):
    username: str
    user_pool_id: str
    destination: str
    trigger: str
    code: str
    sent_at: str


class Outbox:
    """Messages delivered by one emulator: in memory, and as files in ``folder`` (if any).

    The messages hold codes and temporary passwords, so the folder is created private (0700)
    and each file is written private (0600), whatever the process's umask.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._messages: list[OutboxMessage] = []
        self._lock = threading.Lock()

    def deliver(self, message: OutboxMessage) -> None:
        """Keep ``message`` and write it to the folder (a file appears whole or not at all)."""
        with self._lock:
            self._messages.append(message)
        if self.folder is None:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.json"
            tmp = self.folder / f".{name}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump(message, file, indent=2)
            tmp.replace(self.folder / name)
        except OSError:
            pass  # the folder is not writable: the message stays in memory

    def messages(
        self,
        username: str | None = None,
        user_pool_id: str | None = None,
        trigger: str | None = None,
    ) -> list[OutboxMessage]:
        """The delivered messages, oldest first, optionally of one user, pool or trigger."""
        with self._lock:
            return [
                m.copy()
                for m in self._messages
                if (username is None or m["username"] == username)
                and (user_pool_id is None or m["user_pool_id"] == user_pool_id)
                and (trigger is None or m["trigger"] == trigger)
            ]

    def clear(self) -> None:
        """Forget every message and remove the message files from the folder."""
        with self._lock:
            self._messages.clear()
        if self.folder is not None:
            for path in self.folder.glob("*.json"):
                path.unlink(missing_ok=True)


def read_outbox(
    outbox: str | Path, username: str | None = None, user_pool_id: str | None = None
) -> list[OutboxMessage]:
    """Return the delivered messages, oldest first, optionally for one user / pool."""
    messages: list[OutboxMessage] = []
    for path in Path(outbox).glob("*.json"):
        try:
            message = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if username is not None and message.get("username") != username:
            continue
        if user_pool_id is not None and message.get("user_pool_id") != user_pool_id:
            continue
        messages.append(message)
    return sorted(messages, key=lambda m: str(m.get("sent_at")))


def latest_code(
    outbox: str | Path, username: str, user_pool_id: str | None = None, trigger: str | None = None
) -> str | None:
    """Return the newest code delivered to ``username`` (optionally of one trigger)."""
    for message in reversed(read_outbox(outbox, username, user_pool_id)):
        if trigger is None or message.get("trigger") == trigger:
            return message["code"]
    return None
