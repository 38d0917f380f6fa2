# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Drive any language's port of the guided MFA scenario and hold it to its specification.

``scenarios/SPECIFICATION.md`` section 8: a port runs as a subprocess against one
``cognito-emulator`` the harness started (the port gets ``--endpoint URL``), ``--auto`` through
pipes or interactively through a pseudo-terminal (80x24), where the harness answers the prompts
as a person would: it reads the confirmation code and the setup key off the screen and computes
the authenticator's codes (:class:`totp_app.TotpApp` on the emulator's clock, moved through the
control seam). :class:`Transcript` then checks what the specification promises: the 8 step
headers in order, each step's calls, the markers, masking, line width, the QR code on one
screen with the key and the prompt; :class:`Emulator` says whether a user pool was left behind.

``test_spec.py`` is the test every port runs (see ``tests/scenarios/README.md``). POSIX only
(pseudo-terminals, process groups).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import selectors
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import ProxyHandler, Request, build_opener

import boto3
from botocore.config import Config
from cognito_users import TEST_PASSWORD
from totp_app import TotpApp

REPO_ROOT = Path(__file__).resolve().parents[2]
COLUMNS, ROWS = 80, 24
TOTAL_STEPS = 8
MAX_QR_LINES = 21
REGION = "us-east-1"

# Section 4: the lines a driver reads, exactly.
STEP = re.compile(r"^Step (\d) of 8 \[[#.]{8}\]  (.+)$")
CALL = re.compile(r"^  -> ([A-Za-z]+)(?: \(([A-Z_]+)\))?: ")
PROBLEM = re.compile(r"^  !! (.+)$")
USER_POOL = re.compile(r"^     User pool ID: (\S+)$")
APP_CLIENT = re.compile(r"^     App client ID: (\S+)$")
CODE = re.compile(r"^The local backend 'e-mailed' the code to its outbox: (\d{6})$")
SETUP_KEY = re.compile(r"^     Setup key: ([A-Z2-7]{4}(?: [A-Z2-7]{1,4})*)$")
TOKEN_LINE = re.compile(r"^     (IdToken|AccessToken|RefreshToken): ")
MASKED_TOKEN = re.compile(
    r"^     (IdToken|AccessToken|RefreshToken): (\S{5})\.\.\.(\S{4}) \((\d+) chars\)$"
)
REMOVED = re.compile(r"^  ok Removed (.+)\.$")
DONE = re.compile(r"^Done: ")
SKIPPED = re.compile(r"\(skipped: .+\)$")
TOKEN_LIKE = re.compile(r"[A-Za-z0-9+/=_.-]*[A-Za-z0-9][A-Za-z0-9+/=_.-]*")
LONE_PATH = re.compile(r"^\s*(/|~/|[A-Za-z]:\\)\S+$")
QR_LINE = re.compile(r"^[\u2580\u2584\u2588 ]+$")

# Section 2: the calls of each step, in order (space-separated; "Op(CHALLENGE)").
STEP_CALLS = {
    1: r"CreateUserPool SetUserPoolMfaConfig CreateUserPoolClient",
    2: r"SignUp (ResendConfirmationCode )*ConfirmSignUp",
    3: r"ListUsers",
    4: r"AdminInitiateAuth AssociateSoftwareToken",
    5: r"VerifySoftwareToken AdminRespondToAuthChallenge\(MFA_SETUP\)",
    6: r"AdminInitiateAuth AdminRespondToAuthChallenge\(SOFTWARE_TOKEN_MFA\)",
    7: r"ConfirmDevice (UpdateDeviceStatus )?AdminInitiateAuth "
    r"AdminRespondToAuthChallenge\(DEVICE_SRP_AUTH\) "
    r"AdminRespondToAuthChallenge\(DEVICE_PASSWORD_VERIFIER\) ListDevices ForgetDevice",
    8: r"AdminDeleteUser DeleteUserPoolClient DeleteUserPool",
}

# Section 3: what the harness answers, by a piece of the prompt (first match wins).
PROMPT_KEYS = ("User name", "Password", "E-mail", "Confirmation code", "authenticator app", "[y/N]")

# Started before the port: signals back to their defaults (a test runner may ignore SIGINT,
# which a child would inherit), the pseudo-terminal made the controlling terminal (so that
# Ctrl-C typed on it reaches the port, and a port may open /dev/tty for a password).
_LAUNCHER = (
    "import fcntl, os, signal, sys, termios\n"
    "signal.signal(signal.SIGINT, signal.SIG_DFL)\n"
    "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
    "if os.isatty(0):\n"
    "    fcntl.ioctl(0, termios.TIOCSCTTY, 0)\n"
    "os.execvp(sys.argv[1], sys.argv[1:])\n"
)


class SpecViolation(AssertionError):
    """The port broke a promise of the specification (the message says which, and shows where)."""


# --- the emulator ------------------------------------------------------------------------


class SeamClock:
    """The emulator's clock over its control seam (``/_emulator/clock``): ``now()``,
    ``advance(seconds)`` and ``offset`` (seconds ahead of real time), like the in-process
    emulator's ``clock``, so :class:`totp_app.TotpApp` and the shared fixtures use either."""

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = emulator

    def now(self) -> float:
        return float(self._emulator.seam("GET", "clock")["now"])

    def advance(self, seconds: float) -> None:
        self._emulator.seam("POST", "clock", {"advance": seconds})

    @property
    def offset(self) -> float:
        return float(self._emulator.seam("GET", "clock")["offset"])

    @offset.setter
    def offset(self, seconds: float) -> None:
        self._emulator.seam("POST", "clock", {"offset": seconds})


@dataclass
class Emulator:
    """One ``cognito-emulator`` process (``--port 0``), read through boto3 and its seam.

    The harness runs every port against one; ``tests/cli`` runs its tests against one too (its
    ``url``, ``outbox`` and ``clock`` are what the shared fixtures of ``tests/conftest.py`` use).
    """

    url: str
    outbox: Path
    process: subprocess.Popen[str]
    clock: SeamClock = field(init=False)

    def __post_init__(self) -> None:
        self.clock = SeamClock(self)
        self._opener = build_opener(ProxyHandler({}))
        self.client = boto3.client(
            "cognito-idp",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",  # a dummy for the emulator
            config=Config(proxies={}, retries={"max_attempts": 1}),
        )

    @classmethod
    def start(cls, command: Sequence[str] | None = None, timeout: float = 30) -> Emulator:
        """Start the emulator (``COGNITO_EMULATOR``, or the console script of this Python)."""
        outbox = Path(tempfile.mkdtemp(prefix="spec-outbox-"))
        argv = [*(command or emulator_command()), "--port", "0", "--outbox", str(outbox)]
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # why it didn't start, in place of the ready line
            text=True,
            start_new_session=True,
        )
        assert process.stdout is not None
        ready = _read_line(process.stdout, timeout)
        found = re.match(r"cognito-emulator listening on (http://\S+), outbox ", ready or "")
        if not found:
            process.kill()
            raise RuntimeError(f"{shlex.join(argv)} printed {ready!r}, not its ready line")
        return cls(found.group(1), outbox, process)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.outbox, ignore_errors=True)

    def seam(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = Request(f"{self.url}/_emulator/{path}", data=data, method=method)  # noqa: S310
        request.add_header("Content-Type", "application/json")
        with self._opener.open(request, timeout=10) as answer:
            return json.load(answer)

    def user_pools(self) -> set[str]:
        pages = self.client.get_paginator("list_user_pools").paginate(MaxResults=60)
        return {pool["Id"] for page in pages for pool in page["UserPools"]}

    def messages(self, username: str, user_pool_id: str) -> list[dict[str, Any]]:
        """What the emulator 'sent' to the user, oldest first (``/_emulator/messages``)."""
        query = urlencode({"username": username, "user_pool_id": user_pool_id})
        messages: list[dict[str, Any]] = self.seam("GET", f"messages?{query}")["messages"]
        return messages

    def code_for(self, username: str, user_pool_id: str) -> str:
        """The newest code the emulator 'sent' to the user."""
        messages = self.messages(username, user_pool_id)
        if not messages:
            raise AssertionError(f"the emulator sent no message to {username}")
        return str(messages[-1]["code"])


def emulator_command() -> list[str]:
    """``COGNITO_EMULATOR``, else the ``cognito-emulator`` beside this Python, else on PATH."""
    if os.environ.get("COGNITO_EMULATOR"):
        return shlex.split(os.environ["COGNITO_EMULATOR"])
    beside = Path(sys.executable).with_name("cognito-emulator")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("cognito-emulator")
    if found:
        return [found]
    return [sys.executable, "-m", "cognito_emulator.cli"]


def _read_line(stream: Any, timeout: float) -> str | None:
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    if not selector.select(timeout):
        return None
    return str(stream.readline()).rstrip("\n")


# --- running a port ------------------------------------------------------------------------


CLEAN_UP = "clean-up"
"""``Stop.at`` for a signal during step 8: when the port's first removal call is in flight."""
FIRST_REMOVAL = "AdminDeleteUser"


@dataclass
class Stop:
    """Stop the port mid-run: ``action`` is ``sigint``, ``sigterm`` or ``eof`` (interactive:
    at the ``nth`` prompt containing ``at``; auto: right after the user pool ID marker). With
    ``at=CLEAN_UP`` (either mode) the signal comes while the port's first removal call of step
    8 is in flight, held back a moment by a relay between the port and the emulator."""

    action: str
    at: str = "authenticator app"
    nth: int = 1


@dataclass
class Run:
    """What a port did: its exit status, what it printed, what the harness answered."""

    mode: str
    argv: list[str]
    status: int
    out: str
    """What the port printed (interactive: the terminal's screen, stdout and stderr mixed)."""
    err: str
    """stderr (empty in interactive runs: it went to the screen)."""
    answers: list[tuple[str, str]] = field(default_factory=list)
    shown_at_first_code: list[str] | None = None
    """Interactive: every line printed up to the first authenticator-code prompt, the prompt
    last (what :meth:`Transcript.check_first_code_screen` reads)."""
    password: str = TEST_PASSWORD

    @property
    def transcript(self) -> Transcript:
        return Transcript(self.out, self.err, self)

    def describe(self) -> str:
        tail = "\n".join(self.out.splitlines()[-60:])
        return (
            f"{self.mode} run of {shlex.join(self.argv)} exited {self.status}\n"
            f"--- stderr ---\n{self.err}--- last lines of stdout ---\n{tail}"
        )


class PortRunner:
    """Runs one port (``command``) against ``emulator``, with a time limit per run."""

    def __init__(self, command: Sequence[str], emulator: Emulator, timeout: float = 180) -> None:
        self.command = list(command)
        self.emulator = emulator
        self.timeout = timeout

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a port: no AWS configuration, no colours, this Python's tools."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(TERM="dumb", NO_COLOR="1", COLUMNS=str(COLUMNS), LINES=str(ROWS))
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env.update(extra)
        return env

    # -- plain runs (usage errors) --
    def run_plain(
        self, args: Sequence[str], *, env: dict[str, str] | None = None, endpoint: bool = False
    ) -> Run:
        """Run with stdin from /dev/null (no terminal); ``endpoint`` adds ``--endpoint URL``."""
        argv = [*self.command, *args, *(["--endpoint", self.emulator.url] if endpoint else [])]
        done = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env or self.env(),
            cwd=REPO_ROOT,
            timeout=self.timeout,
            check=False,
            start_new_session=True,
        )
        return Run("plain", argv, done.returncode, done.stdout, done.stderr)

    # -- --auto through pipes --
    def run_auto(self, stop: Stop | None = None, extra: Sequence[str] = ()) -> Run:
        self.emulator.clock.offset = 0  # the port computes codes on real time
        with self._endpoint(stop) as (endpoint, relay):
            argv = [*self.command, "--auto", "--endpoint", endpoint, *extra]
            process = subprocess.Popen(
                [sys.executable, "-c", _LAUNCHER, *argv],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=self.env(),
                cwd=REPO_ROOT,
                start_new_session=True,
            )
            assert process.stdout is not None and process.stderr is not None
            out, err = bytearray(), bytearray()
            stopped = False
            if relay is not None and stop is not None:
                relay.arm(lambda: _signal_group(process, stop.action))
                stopped = True
            with self._reaped(process, argv):
                for name, chunk in _chunks(
                    {"out": process.stdout.fileno(), "err": process.stderr.fileno()}, self.timeout
                ):
                    (out if name == "out" else err).extend(chunk)
                    if stop and not stopped and any(USER_POOL.match(line) for line in _lines(out)):
                        _signal_group(process, stop.action)  # the pool exists: it must go
                        stopped = True
                status = process.wait(30)
        return Run("auto", argv, status, _text(out), _text(err))

    @contextlib.contextmanager
    def _endpoint(self, stop: Stop | None) -> Iterator[tuple[str, _Relay | None]]:
        """The URL the port is given: the emulator's, or a relay's for a stop at clean-up."""
        if stop is None or stop.at != CLEAN_UP:
            yield self.emulator.url, None
            return
        relay = _Relay(self.emulator.url, FIRST_REMOVAL)
        try:
            yield relay.url, relay
        finally:
            relay.close()
        if not relay.fired:
            raise SpecViolation(f"the port never called {FIRST_REMOVAL} (step 8)")

    # -- a person at an 80x24 terminal --
    def run_interactive(
        self, stop: Stop | None = None, answer: Callable[[str, Transcript], str] | None = None
    ) -> Run:
        self.emulator.clock.offset = 0
        with self._endpoint(stop) as (endpoint, relay):
            return self._run_interactive(
                [*self.command, "--endpoint", endpoint], stop, relay, answer
            )

    def _run_interactive(
        self,
        argv: list[str],
        stop: Stop | None,
        relay: _Relay | None,
        answer: Callable[[str, Transcript], str] | None,
    ) -> Run:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, *argv],
            stdin=slave,
            stdout=slave,
            stderr=slave,  # one screen, as in a terminal (Python writes input()'s prompt there)
            env=self.env(),
            cwd=REPO_ROOT,
            start_new_session=True,
        )
        os.close(slave)
        if relay is not None and stop is not None:
            action = stop.action
            relay.arm(lambda: _signal_group(process, action))
            stop = None  # no prompt stops this run
        person = Person(self.emulator, answer)
        screen = bytearray()
        seen: dict[str, int] = {}
        shown_at_first_code: list[str] | None = None
        with self._reaped(process, argv), contextlib.closing(_Fd(master)):
            for _, chunk in _chunks({"out": master}, self.timeout, quiet=0.3):
                if chunk:
                    screen.extend(chunk)
                    continue
                # the port is quiet: is it waiting at a prompt?
                text = _text(screen)
                prompt = text.rsplit("\n", 1)[-1]
                key = next((k for k in PROMPT_KEYS if k in prompt), None)
                if key is None:
                    continue
                seen[key] = seen.get(key, 0) + 1
                if key == "authenticator app" and shown_at_first_code is None:
                    shown_at_first_code = text.split("\n")
                if stop and stop.at == key and seen[key] == stop.nth:
                    if stop.action == "sigint":
                        os.write(master, b"\x03")  # Ctrl-C, as typed
                    elif stop.action == "eof":
                        os.write(master, b"\x04")  # Ctrl-D on an empty line
                    else:
                        _signal_group(process, stop.action)
                    stop = None
                    continue
                reply = person.reply(key, Transcript(text))
                os.write(master, reply.encode() + b"\r")
            status = process.wait(30)
        run = Run("interactive", argv, status, _text(screen), "", person.answers)
        run.shown_at_first_code = shown_at_first_code
        run.password = person.password
        return run

    @contextlib.contextmanager
    def _reaped(self, process: subprocess.Popen[Any], argv: list[str]) -> Iterator[None]:
        """Kill the port's process group if the run fails or outlives its time."""
        try:
            yield
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            raise
        finally:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
                raise SpecViolation(f"{shlex.join(argv)} didn't end within {self.timeout} s")


class _Relay:
    """An HTTP relay between a port and the emulator (127.0.0.1, a free port). When the port
    calls ``operation``, the relay runs what :meth:`arm` gave it (a signal to the port) and
    holds that call back for ``hold`` seconds before passing it on, so the signal arrives
    while the call is in flight. Everything else passes straight through."""

    def __init__(self, target: str, operation: str, hold: float = 0.5) -> None:
        self.target = target
        self.operation = operation
        self.hold = hold
        self.fired = False
        self._fire: Callable[[], None] | None = None
        self._lock = threading.Lock()
        self._opener = build_opener(ProxyHandler({}))
        relay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as SDKs expect (answers carry a length)

            def do_GET(self) -> None:  # the control seam
                relay.forward(self)

            def do_POST(self) -> None:
                relay.forward(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def arm(self, fire: Callable[[], None]) -> None:
        self._fire = fire

    def forward(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else None
        target = handler.headers.get("X-Amz-Target", "")
        with self._lock:
            fire = not self.fired and target.endswith("." + self.operation) and self._fire
            if fire:
                self.fired = True
        if fire:
            fire()
            time.sleep(self.hold)
        skipped = {"host", "content-length", "connection", "accept-encoding"}
        request = Request(self.target + handler.path, data=body, method=handler.command)  # noqa: S310
        for name, value in handler.headers.items():
            if name.lower() not in skipped:
                request.add_header(name, value)
        try:
            with self._opener.open(request, timeout=30) as answer:
                status, headers, data = answer.status, answer.headers, answer.read()
        except HTTPError as refused:  # a Cognito error answer: passed on as it is
            status, headers, data = refused.code, refused.headers, refused.read()
        handler.send_response(status)
        for name, value in headers.items():
            if name.lower() not in {"content-length", "connection", "transfer-encoding"}:
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class Person:
    """Answers prompts as section 3 says: fresh names, the default password, the code shown,
    the authenticator's code computed from the setup key shown (on the emulator's clock)."""

    def __init__(
        self, emulator: Emulator, custom: Callable[[str, Transcript], str] | None = None
    ) -> None:
        self.emulator = emulator
        self.custom = custom
        self.password = TEST_PASSWORD
        self.answers: list[tuple[str, str]] = []
        self._apps: dict[str, TotpApp] = {}

    def reply(self, key: str, screen: Transcript) -> str:
        answer = self.custom(key, screen) if self.custom else None
        if answer is None:
            answer = self._default(key, screen)
        self.answers.append((key, answer))
        return answer

    def _default(self, key: str, screen: Transcript) -> str:
        if key == "User name":
            return f"spec-{uuid.uuid4().hex[:8]}"
        if key == "Password":
            return self.password
        if key == "Confirmation code":
            codes = screen.all(CODE)
            return codes[-1] if codes else "r"
        if key == "authenticator app":
            return self.app(screen).code()
        if key == "[y/N]":
            return "y"
        return ""  # E-mail: the offered default

    def app(self, screen: Transcript) -> TotpApp:
        """The authenticator app holding the setup key last shown."""
        keys = screen.all(SETUP_KEY)
        if not keys:
            raise SpecViolation("asked for an authenticator code before showing a setup key")
        secret = keys[-1].replace(" ", "")
        return self._apps.setdefault(secret, TotpApp(secret, self.emulator.clock))


class _Fd:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


def _chunks(
    fds: dict[str, int], timeout: float, quiet: float | None = None
) -> Iterator[tuple[str, bytes]]:
    """``(name, bytes)`` as they come from ``fds`` until all end; ``("out", b"")`` each time
    nothing came for ``quiet`` seconds. Stops (no exception) at ``timeout``."""
    deadline = time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    for name, fd in fds.items():
        selector.register(fd, selectors.EVENT_READ, name)
    while selector.get_map() and time.monotonic() < deadline:
        ready = selector.select(quiet if quiet is not None else deadline - time.monotonic())
        if not ready:
            if quiet is not None:
                yield "out", b""
            continue
        for key, _ in ready:
            try:
                chunk = os.read(key.fd, 65536)
            except OSError:  # EIO: the pseudo-terminal's other end closed
                chunk = b""
            if not chunk:
                selector.unregister(key.fd)
                continue
            yield key.data, chunk


def _lines(data: bytes | bytearray) -> list[str]:
    return _text(data).split("\n")


def _text(data: bytes | bytearray) -> str:
    return bytes(data).decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "")


def _signal_group(process: subprocess.Popen[Any], action: str) -> None:
    number = {"sigint": signal.SIGINT, "sigterm": signal.SIGTERM}[action]
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, number)


# --- what the specification promises ------------------------------------------------------


@dataclass
class Step:
    number: int
    title: str
    lines: list[str]

    @property
    def skipped(self) -> bool:
        return bool(SKIPPED.search(self.title))

    def all(self, marker: re.Pattern[str]) -> list[str]:
        """What ``marker`` captures on this step's lines (as :meth:`Transcript.all`)."""
        return [m.group(1) for line in self.lines if (m := marker.match(line))]

    def calls(self) -> list[str]:
        found = []
        for line in self.lines:
            match = CALL.match(line)
            if match:
                found.append(match.group(1) + (f"({match.group(2)})" if match.group(2) else ""))
        return found


class Transcript:
    """A port's output, read the way the specification defines it."""

    def __init__(self, out: str, err: str = "", run: Run | None = None) -> None:
        self.out, self.err, self.run = out, err, run
        self.lines = out.split("\n")

    def fail(self, problem: str) -> SpecViolation:
        return SpecViolation(problem + ("\n" + self.run.describe() if self.run else ""))

    def all(self, marker: re.Pattern[str]) -> list[str]:
        return [m.group(1) for line in self.lines if (m := marker.match(line))]

    def steps(self) -> list[Step]:
        steps: list[Step] = []
        for line in self.lines:
            match = STEP.match(line)
            if match:
                steps.append(Step(int(match.group(1)), match.group(2), []))
            elif steps:
                steps[-1].lines.append(line)
        return steps

    # -- checks: each raises SpecViolation with the run attached --
    def check_steps_in_order(self, completed: bool = True) -> None:
        """Steps 1 to 8 in order; for a run stopped early, 1 to k then 8 (the clean-up)."""
        numbers = [step.number for step in self.steps()]
        reached = numbers[:-1] if numbers and numbers[-1] == TOTAL_STEPS else numbers
        expected = list(range(1, TOTAL_STEPS + 1))
        if not completed:
            expected = [*list(range(1, max(reached, default=0) + 1)), TOTAL_STEPS]
        if numbers != expected or (not completed and not reached):
            raise self.fail(f"step headers {numbers}, expected {expected}")

    def check_calls(self) -> None:
        """Each step makes the calls section 2 lists, in order (a skipped step none)."""
        for step in self.steps():
            calls = " ".join(step.calls())
            if step.skipped:
                if calls:
                    raise self.fail(f"step {step.number} says skipped but calls {calls}")
                continue
            if not re.fullmatch(STEP_CALLS[step.number], calls):
                raise self.fail(
                    f"step {step.number} calls [{calls}], expected {STEP_CALLS[step.number]}"
                )

    def check_markers(self, completed: bool = True) -> None:
        """The markers a driver reads, present and well formed."""
        pools = self.all(USER_POOL)
        if len(pools) != 1:
            raise self.fail(f"{len(pools)} 'User pool ID' marker lines, expected 1")
        if completed:
            for marker, name in ((APP_CLIENT, "App client ID"), (CODE, "confirmation code")):
                if not self.all(marker):
                    raise self.fail(f"no {name} marker line")
            if not self.all(SETUP_KEY):
                raise self.fail("no 'Setup key' marker line")
            signed_in = [line for line in self.lines if TOKEN_LINE.match(line)]
            if len(signed_in) < 6:
                raise self.fail(f"{len(signed_in)} masked token lines, expected 3 a sign-in")
            problems = self.all(PROBLEM)
            if problems:  # the harness gives right answers: nothing to explain
                raise self.fail(f"problem lines in a run that went right: {problems}")
            last = [line for line in self.lines if line.strip()][-1]
            if not DONE.match(last):
                raise self.fail(f"last line {last!r}, expected 'Done: ...'")
        for line in self.lines:
            if TOKEN_LINE.match(line) and not MASKED_TOKEN.match(line):
                raise self.fail(f"token line not masked as specified: {line!r}")
        removed = self.all(REMOVED)
        if not any(pools[0] in what for what in removed):
            raise self.fail(f"no 'ok Removed ...' line names user pool {pools[0]}")

    def check_masking(self, password: str = TEST_PASSWORD) -> None:
        """No token, session or password printed whole (section 5)."""
        for text in (self.out, self.err):
            for line in text.split("\n"):
                if LONE_PATH.match(line):
                    continue
                long_words = [w for w in TOKEN_LIKE.findall(line) if len(w) >= 60]
                if long_words:
                    raise self.fail(f"a word of {len(long_words[0])} token characters: {line!r}")
            if password in text:
                raise self.fail("the password was printed (or echoed)")

    def check_width(self) -> None:
        """No line wider than 80 columns, but a file path alone on its line (section 4)."""
        for text in (self.out, self.err):
            for line in text.split("\n"):
                if len(line) > COLUMNS and not LONE_PATH.match(line):
                    raise self.fail(f"a line of {len(line)} columns: {line!r}")

    def qr_blocks(self) -> list[list[str]]:
        """The QR codes drawn with half blocks: runs of lines of block characters."""
        return [self.lines[start:end] for start, end in _qr_spans(self.lines)]

    def check_qr(self) -> None:
        """Each QR code at most 21 lines and, when zxing-cpp is installed, read by it as an
        otpauth:// URI holding the setup key shown after it (section 4)."""
        blocks = self.qr_blocks()
        if not blocks:
            raise self.fail("no QR code drawn with half blocks")
        keys = [key.replace(" ", "") for key in self.all(SETUP_KEY)]
        for block in blocks:
            if len(block) > MAX_QR_LINES:
                raise self.fail(f"a QR code of {len(block)} lines, at most {MAX_QR_LINES}")
            uri = decode_terminal_qr(block)
            if uri == "":
                raise self.fail("zxing-cpp can't read the QR code drawn:\n" + "\n".join(block))
            if uri is not None and not (
                uri.startswith("otpauth://totp/") and any(f"secret={k}" in uri for k in keys)
            ):
                raise self.fail(f"the QR code reads {uri!r}: not the setup key shown")

    def check_first_code_screen(self, shown: list[str] | None) -> None:
        """The setup key, the whole QR code and the prompt that asks for the first code fit on
        one 80x24 screen (section 4): from the first of the setup-key line and the QR code's
        top line (the last ones shown) through the prompt line, at most 24 terminal rows. A
        line wider than 80 columns takes more than one row, as on a terminal.

        ``shown`` is every line printed up to the first authenticator-code prompt, the prompt
        last (:attr:`Run.shown_at_first_code`).
        """
        if not shown:
            raise self.fail("no prompt for an authenticator code")
        keys = [i for i, line in enumerate(shown) if SETUP_KEY.match(line)]
        if not keys:
            raise self.fail("no setup key shown before the first code prompt")
        qr_spans = _qr_spans(shown)
        if not qr_spans:
            raise self.fail("no QR code drawn before the first code prompt")
        top = min(keys[-1], qr_spans[-1][0])
        rows = sum(terminal_rows(line) for line in shown[top:])
        if rows > ROWS:
            raise self.fail(
                f"from the {'setup key' if top == keys[-1] else 'top of the QR code'} through "
                f"the first code prompt: {rows} rows, more than one {COLUMNS}x{ROWS} screen:\n"
                + "\n".join(shown[top:])
            )


def terminal_rows(line: str) -> int:
    """The rows a line takes on an 80-column terminal (a wider one wraps)."""
    return max(1, -(-len(line) // COLUMNS))


def _qr_spans(lines: list[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of lines drawn with half blocks (a QR code)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate([*lines, ""]):
        if line.strip() and QR_LINE.match(line):
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    return spans


def decode_terminal_qr(block: list[str]) -> str | None:
    """Read a QR code drawn with half blocks as a phone would (zxing-cpp); None if zxing-cpp
    isn't installed. Light cells are the blocks (the terminal's text colour on its background)."""
    try:
        import zxingcpp
        from PIL import Image
    except ImportError:  # an optional check
        return None
    width = max(len(line) for line in block)
    scale = 6
    image = Image.new("L", (width * scale, len(block) * 2 * scale), 0)
    pixels = image.load()
    assert pixels is not None
    for row, line in enumerate(block):
        for col, char in enumerate(line.ljust(width)):
            top = char in "\u2588\u2580"
            bottom = char in "\u2588\u2584"
            for half, light in ((0, top), (1, bottom)):
                if light:
                    for y in range((2 * row + half) * scale, (2 * row + half + 1) * scale):
                        for x in range(col * scale, (col + 1) * scale):
                            pixels[x, y] = 255
    found = zxingcpp.read_barcodes(image)
    return str(found[0].text) if found else ""
