# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""One slow or oversized request never stalls the others (issue 9, item 1).

Also fuzzed: bodies finished or not, lengths announced right, short, long, huge or malformed,
chunked bodies ended or not, clients that hang up: every one gets an HTTP answer below 500,
and meanwhile other clients are served.

The emulator reads and bounds a request's body before it takes its lock: a body that stops
arriving is given up after the server's body timeout, one larger than MAX_BODY_BYTES is
refused, and meanwhile every other client is served.
"""

from __future__ import annotations

import json
import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cognito_emulator import EmulatorServer
from cognito_emulator.server import MAX_BODY_BYTES

TARGET = "AWSCognitoIdentityProviderService.ListUserPools"
BODY_TIMEOUT = 3.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmulatorServer]:
    with EmulatorServer(outbox=tmp_path, body_timeout=BODY_TIMEOUT) as running:
        yield running


def _open(server: EmulatorServer, headers: dict[str, str], sent: bytes) -> socket.socket:
    """A raw connection that sent a POST with ``headers`` and the bytes ``sent``."""
    sock = socket.create_connection((server.host, server.port), timeout=10)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    sock.sendall(
        f"POST / HTTP/1.1\r\nHost: {server.host}\r\nX-Amz-Target: {TARGET}\r\n"
        f"Content-Type: application/x-amz-json-1.1\r\n{head}\r\n".encode()
        + sent
    )
    return sock


def _answer(sock: socket.socket) -> tuple[int, dict[str, str], dict[str, str]]:
    """Status, headers and JSON body of the answer on ``sock`` (read until it closes)."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, json.loads(body)


def _served(server: EmulatorServer, stalled: socket.socket | None = None) -> None:
    """Another client's request is answered, while ``stalled`` still waits for its answer
    (so the other request did not wait behind it: time-independent, also on a busy machine)."""
    answer = requests.post(
        server.url,
        headers={"X-Amz-Target": TARGET, "Content-Type": "application/x-amz-json-1.1"},
        data=json.dumps({"MaxResults": 1}),
        timeout=30,
    )
    assert answer.status_code == 200 and "UserPools" in answer.json()
    if stalled is not None:
        readable, _, _ = select.select([stalled], [], [], 0)
        assert not readable, "the stalled request was answered first: the other one waited"


def test_a_body_shorter_than_its_content_length_stalls_nobody(server: EmulatorServer) -> None:
    sock = _open(server, {"Content-Length": "100"}, b'{"MaxResults"')
    with sock:
        time.sleep(0.1)  # the emulator is now waiting for the other 87 bytes
        _served(server, stalled=sock)
        status, headers, body = _answer(sock)
    assert status == 408
    assert body["__type"] == "RequestTimeoutException" and body["message"]
    assert headers.get("Connection") == "close"


def test_an_unterminated_chunked_body_stalls_nobody(server: EmulatorServer) -> None:
    sock = _open(server, {"Transfer-Encoding": "chunked"}, b'5\r\n{"Max\r\n')
    with sock:
        time.sleep(0.1)
        _served(server, stalled=sock)
        status, _, body = _answer(sock)
    assert status == 408 and body["__type"] == "RequestTimeoutException"


def test_a_too_large_content_length_is_refused_without_reading(server: EmulatorServer) -> None:
    sock = _open(server, {"Content-Length": str(MAX_BODY_BYTES + 1)}, b"{")
    with sock:
        status, headers, body = _answer(sock)  # at once: the body is not waited for
    assert status == 413
    assert body["__type"] == "RequestTooLargeException"
    assert str(MAX_BODY_BYTES) in body["message"]
    assert headers.get("Connection") == "close"
    _served(server)


def test_a_too_large_chunked_body_is_refused(server: EmulatorServer) -> None:
    chunk = b"x" * 65536
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    count = MAX_BODY_BYTES // len(chunk) + 1
    sock = _open(server, {"Transfer-Encoding": "chunked"}, framed * count + b"0\r\n\r\n")
    with sock:
        status, _, body = _answer(sock)
    assert status == 413 and body["__type"] == "RequestTooLargeException"
    _served(server)


def test_a_body_of_the_largest_size_is_read(server: EmulatorServer) -> None:
    padding = " " * (MAX_BODY_BYTES - len('{"MaxResults": 1}'))
    answer = requests.post(
        server.url,
        headers={"X-Amz-Target": TARGET, "Content-Type": "application/x-amz-json-1.1"},
        data=('{"MaxResults": 1}' + padding).encode(),
        timeout=10,
    )
    assert answer.status_code == 200 and answer.json() == {"UserPools": []}


def test_a_client_that_hangs_up_mid_body_stalls_nobody(server: EmulatorServer) -> None:
    sock = _open(server, {"Content-Length": "100"}, b'{"Max')
    sock.close()
    _served(server)


# --- fuzzed framings: any body, finished or not, gets an answer and stalls nobody -----------

FUZZ_TIMEOUT = 1.5
"""The fuzzing server's body timeout: each unfinished body costs this much (long enough for
another request to be served meanwhile, also on a busy machine)."""

_bodies = st.one_of(
    st.just(b'{"MaxResults": 1}'),
    st.binary(max_size=64),
    st.text(max_size=32).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.sampled_from([b'{"MaxResults": "\\ud800"}', b"\xed\xa0\x80", b"\xff\xfe", b"{" * 64]),
)


@st.composite
def _framings(draw: st.DrawFn) -> tuple[dict[str, str], bytes, bool]:
    """(headers, bytes sent, whether the body is finished) of one POST."""
    body = draw(_bodies)
    kind = draw(st.sampled_from(["exact", "short", "long", "huge", "junk", "chunked", "none"]))
    if kind == "exact":
        return {"Content-Length": str(len(body))}, body, True
    if kind == "short":  # the client announces more than it sends: unfinished
        return {"Content-Length": str(len(body) + draw(st.integers(1, 1000)))}, body, False
    if kind == "long":  # the client sends more than it announces: the rest is not read
        return {"Content-Length": str(max(len(body) - 1, 0))}, body, True
    if kind == "huge":
        size = draw(st.integers(MAX_BODY_BYTES + 1, 2**62))
        return {"Content-Length": str(size)}, body, True
    if kind == "junk":
        value = draw(st.sampled_from(["-5", "abc", "1e3", " 7", "", "0x10", str(10**25)]))
        return {"Content-Length": value}, body, True
    if kind == "chunked":
        framed = f"{len(body):x}\r\n".encode() + body + b"\r\n" if body else b""
        ending = draw(st.sampled_from([b"0\r\n\r\n", b"", b"zz\r\n", b"0\r\n"]))
        return {"Transfer-Encoding": "chunked"}, framed + ending, ending != b""
    return {}, body, True  # no length at all: an empty body for the server


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorServer]:
    outbox = tmp_path_factory.mktemp("framing")
    with EmulatorServer(outbox=outbox, body_timeout=FUZZ_TIMEOUT) as running:
        yield running


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(framing=_framings(), hang_up=st.sampled_from([False, False, True]))
def test_fuzzed_framings_get_an_answer_and_stall_nobody(
    fuzz_server: EmulatorServer, framing: tuple[dict[str, str], bytes, bool], hang_up: bool
) -> None:
    headers, sent, finished = framing
    sock = _open(fuzz_server, headers, sent)
    with sock:
        if hang_up:  # the client stops sending (half-close): the server must not wait forever
            sock.shutdown(socket.SHUT_WR)
        elif not finished:
            _served(fuzz_server, stalled=sock)
        sock.settimeout(FUZZ_TIMEOUT + 10)
        status, _, body = _answer(sock)
    assert status < 500, (status, body)
    assert status in (200, 400, 404, 408, 413), (status, body)
    if status >= 400:
        assert body["__type"] and body["message"]
    _served(fuzz_server)
