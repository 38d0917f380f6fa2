# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The control seam over HTTP: the outbox as JSON, reset, the clock; bad input is a 400."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
import requests
from botocore.exceptions import ClientError
from emulator_helpers import FakeClock, http_pool, http_sign_up

from cognito_emulator import EmulatorServer, read_outbox
from cognito_emulator.clock import Clock

MESSAGE_KEYS = {"username", "user_pool_id", "destination", "trigger", "code", "sent_at"}


def _seam(server: EmulatorServer, path: str) -> str:
    return f"{server.url}/_emulator/{path}"


def test_messages_are_the_outbox_oldest_first_and_filtered(
    cognito: Any, emulator: EmulatorServer, unique_name: str
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    http_sign_up(cognito, client, "ana")
    http_sign_up(cognito, client, "bo")
    cognito.resend_confirmation_code(ClientId=client, Username="ana")

    answer = requests.get(_seam(emulator, "messages"), params={"user_pool_id": pool}, timeout=5)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/json"
    messages = answer.json()["messages"]
    assert [(m["username"], m["trigger"]) for m in messages] == [
        ("ana", "CustomMessage_SignUp"),
        ("bo", "CustomMessage_SignUp"),
        ("ana", "CustomMessage_ResendCode"),
    ]
    assert all(set(m) == MESSAGE_KEYS for m in messages)
    assert all(m["code"].isdigit() and len(m["code"]) == 6 for m in messages)
    # the same messages as the files in the outbox folder
    assert sorted(messages, key=lambda m: m["code"]) == sorted(
        read_outbox(emulator.outbox, user_pool_id=pool), key=lambda m: m["code"]
    )

    only_ana = requests.get(
        _seam(emulator, "messages"),
        params={"user_pool_id": pool, "username": "ana", "trigger": "CustomMessage_ResendCode"},
        timeout=5,
    ).json()["messages"]
    assert only_ana == [messages[2]]
    assert emulator.messages(username="ana", user_pool_id=pool) == [messages[0], messages[2]]
    # the newest code confirms the sign-up: the seam reads what the emulator checks
    cognito.confirm_sign_up(ClientId=client, Username="ana", ConfirmationCode=messages[2]["code"])


def test_messages_of_nobody_is_an_empty_list(emulator: EmulatorServer) -> None:
    answer = requests.get(
        _seam(emulator, "messages"), params={"username": "nobody-at-all"}, timeout=5
    )
    assert answer.status_code == 200 and answer.json() == {"messages": []}


def test_reset_forgets_everything_and_rewinds_the_clock(tmp_path: Path) -> None:
    with EmulatorServer(outbox=tmp_path) as server:
        cognito = boto3.client("cognito-idp", endpoint_url=server.url, region_name="us-east-1")
        _, client, _ = http_pool(cognito, "reset-me")
        http_sign_up(cognito, client, "ana")
        server.clock.advance(600)
        assert server.messages() and list(tmp_path.glob("*.json"))

        answer = requests.post(_seam(server, "reset"), timeout=5)

        assert answer.status_code == 200 and answer.json() == {}
        assert cognito.list_user_pools(MaxResults=10)["UserPools"] == []
        assert server.messages() == [] and not list(tmp_path.glob("*.json"))
        assert server.clock.offset == 0
        with pytest.raises(ClientError) as exc:
            cognito.confirm_sign_up(ClientId=client, Username="ana", ConfirmationCode="123456")
        assert exc.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_clock_reads_advances_and_sets_the_offset(
    emulator: EmulatorServer, http_clock: Clock
) -> None:
    before = time.time()
    read = requests.get(_seam(emulator, "clock"), timeout=5).json()
    assert read["offset"] == 0
    assert before <= read["now"] <= time.time()

    advanced = requests.post(_seam(emulator, "clock"), json={"advance": 3600}, timeout=5).json()
    assert advanced["offset"] == 3600
    assert before + 3600 <= advanced["now"] <= time.time() + 3600
    again = requests.post(_seam(emulator, "clock"), json={"advance": 0.5}, timeout=5).json()
    assert again["offset"] == 3600.5
    assert emulator.clock.offset == 3600.5  # the Python API sees the same clock

    set_to = requests.post(_seam(emulator, "clock"), json={"offset": 10}, timeout=5).json()
    assert set_to["offset"] == 10
    assert requests.get(_seam(emulator, "clock"), timeout=5).json()["offset"] == 10


def test_moving_the_clock_expires_what_the_emulator_checks(
    cognito: Any, emulator: EmulatorServer, unique_name: str, http_clock: Clock
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    http_sign_up(cognito, client, "ana")
    (message,) = requests.get(
        _seam(emulator, "messages"), params={"user_pool_id": pool}, timeout=5
    ).json()["messages"]
    requests.post(_seam(emulator, "clock"), json={"advance": 24 * 3600 + 1}, timeout=5)
    with pytest.raises(ClientError) as exc:
        cognito.confirm_sign_up(ClientId=client, Username="ana", ConfirmationCode=message["code"])
    assert exc.value.response["Error"]["Code"] == "ExpiredCodeException"


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("POST", "clock", {"data": b"{not json"}),
        ("POST", "clock", {"data": b"\xff\xfe"}),
        ("POST", "clock", {"json": [1]}),
        ("POST", "clock", {"json": {}}),
        ("POST", "clock", {"json": {"advance": "60"}}),
        ("POST", "clock", {"json": {"advance": True}}),
        ("POST", "clock", {"json": {"advance": None}}),
        ("POST", "clock", {"json": {"advance": -1}}),
        ("POST", "clock", {"data": b'{"advance": NaN}'}),
        ("POST", "clock", {"data": b'{"offset": 1e999}'}),
        ("POST", "clock", {"json": {"offset": [5]}}),
        ("POST", "clock", {"json": {"advance": 1, "offset": 2}}),
        ("POST", "clock", {"json": {"speed": 2}}),
        ("GET", "clock", {"params": {"advance": "5"}}),
        ("POST", "reset", {"data": b"[]"}),
        ("POST", "reset", {"json": {"pools": True}}),
        ("GET", "messages", {"params": {"user": "ana"}}),
        ("GET", "messages", {"params": {"username": ["ana", "bo"]}}),
    ],
)
def test_bad_input_is_a_cognito_shaped_400(
    emulator: EmulatorServer, http_clock: Clock, method: str, path: str, kwargs: dict[str, Any]
) -> None:
    answer = requests.request(method, _seam(emulator, path), timeout=5, **kwargs)
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["__type"] in ("InvalidParameterException", "SerializationException")
    assert body["message"] and "Traceback" not in body["message"]
    assert answer.headers["x-amzn-ErrorType"] == body["__type"]
    assert emulator.clock.offset == 0  # nothing moved


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "nothing"), ("POST", "messages"), ("GET", "reset")]
)
def test_unknown_routes_are_404(emulator: EmulatorServer, method: str, path: str) -> None:
    answer = requests.request(method, _seam(emulator, path), timeout=5)
    assert answer.status_code == 404
    assert answer.json()["__type"] == "ResourceNotFoundException"


def test_clock_object_refuses_what_the_seam_refuses() -> None:
    clock = FakeClock()
    start = clock.now()
    with pytest.raises(ValueError, match="negative"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="number"):
        clock.offset = "5"  # type: ignore[assignment]
    with pytest.raises(ValueError, match="finite"):
        clock.advance(float("inf"))
    clock.advance(90)
    assert clock.now() == start + 90 and clock.offset == 90
    clock.offset = -30  # behind real time is allowed: a test may undo a move
    assert clock.now() == start - 30
    clock.reset()
    assert clock.now() == start and clock.offset == 0


def test_clock_is_what_the_messages_are_stamped_with(
    cognito: Any, emulator: EmulatorServer, unique_name: str, http_clock: Clock
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    http_clock.offset = 10 * 24 * 3600
    http_sign_up(cognito, client, "ana")
    (message,) = emulator.messages(user_pool_id=pool)
    sent = datetime.fromisoformat(message["sent_at"]).timestamp()
    assert abs(sent - (time.time() + 10 * 24 * 3600)) < 60
