"""Reading the emulator's outbox: one JSON file per delivered message.

Each message has the keys ``username``, ``user_pool_id``, ``destination``, ``trigger``,
``code`` and ``sent_at`` (ISO 8601, UTC). ``trigger`` is Cognito's custom-message trigger
source: ``CustomMessage_SignUp``, ``CustomMessage_ResendCode``, ``CustomMessage_ForgotPassword``
or ``CustomMessage_AdminCreateUser`` (whose ``code`` is the temporary password).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict


class OutboxMessage(TypedDict):
    username: str
    user_pool_id: str
    destination: str
    trigger: str
    code: str
    sent_at: str


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
