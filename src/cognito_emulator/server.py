"""Serve the emulator over HTTP on loopback, in a background thread of this process.

A small WSGI app of its own (werkzeug) answers only what Cognito user pools answer:

* ``POST /`` with ``X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>``;
* ``GET /<user-pool-id>/.well-known/jwks.json`` (the key the pool's tokens are signed with);
* ``GET /<user-pool-id>/.well-known/openid-configuration``;
* ``GET /`` a small health document;
* ``/_emulator/...``: the control seam (:mod:`cognito_emulator.control`): the outbox as JSON,
  reset, the clock.

It avoids importing moto's all-service server, so start-up stays well under two seconds.
"""

from __future__ import annotations

import json
import re
import socket
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from moto.cognitoidp.models import cognitoidp_backends
from moto.core.models import DEFAULT_ACCOUNT_ID
from moto.core.request import Request as MotoRequest
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from cognito_emulator.backend_base import BackendBase
from cognito_emulator.clock import Clock
from cognito_emulator.control import PREFIX as CONTROL_PREFIX
from cognito_emulator.control import ControlSeam
from cognito_emulator.exceptions import ResourceNotFoundException, SerializationException
from cognito_emulator.models import EmulatorBackend, install
from cognito_emulator.outbox import Outbox, OutboxMessage
from cognito_emulator.responses import EmulatorResponse, error_response, parse_body

_WELL_KNOWN = re.compile(r"^/(?P<pool>[\w-]+_[0-9A-Za-z]+)/\.well-known/(?P<doc>[\w.-]+)$")


class _Request(MotoRequest):
    from_wsgi_server = True


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


def _find_pool_backend(pool_id: str) -> EmulatorBackend | None:
    for account_backends in list(cognitoidp_backends.values()):
        for backend in list(account_backends.values()):
            if isinstance(backend, EmulatorBackend) and pool_id in backend.user_pools:
                return backend
    return None


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (werkzeug would exit the process on failure)."""
    family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def _not_found(message: str) -> tuple[int, dict[str, str], Any]:
    _, headers, body = error_response(ResourceNotFoundException(message))
    return 404, headers, body


class EmulatorApp:
    """The WSGI application: Cognito user-pool operations and the pools' JWKS."""

    def __init__(self, control: ControlSeam | None = None) -> None:
        install()
        self.lock = threading.RLock()  # moto's model is not thread-safe: one request at a time
        self.control = control

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = _Request(environ)
        with self.lock:
            status, headers, body = self.handle(request)
        payload = body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")
        reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 500: "Internal Server Error"}
        header_list = [(str(k), str(v)) for k, v in headers.items() if k.lower() != "status"]
        if not any(k.lower() == "content-type" for k, _ in header_list):
            header_list.append(("Content-Type", "application/x-amz-json-1.1"))
        header_list = [(k, v) for k, v in header_list if k.lower() != "content-length"]
        header_list.append(("Content-Length", str(len(payload))))
        start_response(f"{status} {reason.get(status, 'Status')}", header_list)
        return [payload]

    def handle(self, request: _Request) -> tuple[int, dict[str, str], Any]:
        if self.control is not None and request.path.startswith(CONTROL_PREFIX):
            return self.control.handle(
                request.method,
                request.path,
                request.args.to_dict(flat=False),
                request.get_data(cache=True),
            )
        if request.method == "POST":
            try:  # moto decodes the body as UTF-8 and parses it; refuse what it cannot
                parse_body(request.get_data(cache=True))
            except SerializationException as exc:
                return error_response(exc)
            status, headers, body = EmulatorResponse.dispatch(request)
            return int(status), dict(headers), body
        if request.method in ("GET", "HEAD"):
            if request.path in ("/", ""):
                return (
                    200,
                    {"Content-Type": "application/json"},
                    json.dumps({"service": "cognito-emulator", "status": "ok"}),
                )
            match = _WELL_KNOWN.match(request.path)
            if match:
                return self._well_known(request, match.group("pool"), match.group("doc"))
        return _not_found(f"No route for {request.method} {request.path}")

    def _well_known(
        self, request: _Request, pool_id: str, doc: str
    ) -> tuple[int, dict[str, str], Any]:
        backend = _find_pool_backend(pool_id)
        if backend is None or doc not in ("jwks.json", "openid-configuration"):
            return _not_found(f"User pool {pool_id} does not exist.")
        if doc == "jwks.json":
            document = backend.jwks(pool_id)
        else:
            root = request.host_url.rstrip("/")
            document = {
                "issuer": backend.issuer(backend.user_pools[pool_id]),
                "jwks_uri": f"{root}/{pool_id}/.well-known/jwks.json",
                "response_types_supported": ["code", "token"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        return 200, {"Content-Type": "application/json"}, json.dumps(document)


class EmulatorServer:
    """The Cognito emulator served on ``host:port`` (port 0 picks a free port)."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, outbox: str | Path | None = None
    ) -> None:
        self.host = host
        self._requested_port = port
        self.outbox = Path(outbox) if outbox else Path(tempfile.mkdtemp(prefix="cognito-outbox-"))
        self.outbox.mkdir(parents=True, exist_ok=True)
        self._outbox = Outbox(self.outbox)
        self.app = EmulatorApp(ControlSeam(self.clock, self._outbox, self.reset))
        self.port = 0
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def clock(self) -> Clock:
        """The emulator's clock: ``now()``, ``advance(seconds)``, ``offset``, ``reset()``."""
        return BackendBase.default_clock

    def messages(
        self,
        username: str | None = None,
        user_pool_id: str | None = None,
        trigger: str | None = None,
    ) -> list[OutboxMessage]:
        """The messages this server delivered, oldest first (``GET /_emulator/messages``)."""
        return self._outbox.messages(username, user_pool_id, trigger)

    def backend(self, region: str = "us-east-1") -> EmulatorBackend:
        """The in-process backend of ``region`` (for tests: ``backend.clock``...)."""
        from cognito_emulator.models import backend_for

        return backend_for(DEFAULT_ACCOUNT_ID, region)

    def start(self) -> EmulatorServer:
        """Bind and serve in a daemon thread; raises ``OSError`` if the port is taken."""
        if self._server is not None:
            return self
        listener = _listen(self.host, self._requested_port)  # OSError when the port is taken
        try:
            server = make_server(
                self.host,
                self._requested_port,
                self.app,
                threaded=True,
                request_handler=_QuietHandler,
                fd=listener.fileno(),
            )
        finally:
            listener.close()  # the server works on its own duplicate of the descriptor
        self._server = server
        self.port = int(server.socket.getsockname()[1])
        if self._outbox not in EmulatorBackend.default_outboxes:
            EmulatorBackend.default_outboxes.append(self._outbox)
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.1,), name="cognito-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None
        if self._outbox in EmulatorBackend.default_outboxes:
            EmulatorBackend.default_outboxes.remove(self._outbox)

    def reset(self) -> None:
        """Forget every pool, user, session and delivered message; the clock back to real time."""
        with self.app.lock:
            for account_backends in cognitoidp_backends.values():
                for backend in account_backends.values():
                    backend.reset()
            self._outbox.clear()
            self.clock.reset()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
