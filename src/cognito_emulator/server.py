# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Serve the emulator over HTTP on loopback, in a background thread of this process.

A small WSGI app of its own (werkzeug) answers only what Cognito user pools answer:

* ``POST /`` with ``X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>``;
* ``GET /<user-pool-id>/.well-known/jwks.json`` (the key the pool's tokens are signed with);
* ``GET /<user-pool-id>/.well-known/openid-configuration``;
* ``GET /`` a small health document;
* ``/_emulator/...``: the control seam (:mod:`cognito_emulator.control`): the outbox as JSON,
  reset, the clock.

It avoids importing moto's all-service server, so start-up stays well under two seconds.

A request's body is read, and bounded, before the request takes the emulator's lock (moto's
model serves one request at a time): a body larger than :data:`MAX_BODY_BYTES` is refused
(HTTP 413), one that stops arriving for ``body_timeout`` seconds is given up (HTTP 408), and
neither holds up any other client.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from moto.core.models import DEFAULT_ACCOUNT_ID
from moto.core.request import Request as MotoRequest
from werkzeug.exceptions import ClientDisconnected, RequestEntityTooLarge
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wsgi import get_content_length, get_input_stream

from cognito_emulator.clock import Clock
from cognito_emulator.control import PREFIX as CONTROL_PREFIX
from cognito_emulator.control import ControlSeam
from cognito_emulator.exceptions import (
    CognitoError,
    InternalErrorException,
    RequestTimeoutException,
    RequestTooLargeException,
    ResourceNotFoundException,
    SerializationException,
)
from cognito_emulator.models import EmulatorBackend
from cognito_emulator.outbox import Outbox, OutboxMessage
from cognito_emulator.registry import BackendRegistry
from cognito_emulator.responses import EmulatorResponse, error_response, logger, parse_body

MAX_BODY_BYTES = 1024 * 1024
"""The largest request body the emulator reads: 1 MiB, far above any Cognito request."""
BODY_TIMEOUT = 10.0
"""Seconds a request body may stop arriving before the emulator gives up on it."""

_WELL_KNOWN = re.compile(r"^/(?P<pool>[\w-]+_[0-9A-Za-z]+)/\.well-known/(?P<doc>[\w.-]+)$")


class _Request(MotoRequest):
    from_wsgi_server = True


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


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


def _read_body(environ: dict[str, Any], timeout: float) -> bytes:
    """The request body, read whole before anything else happens; a CognitoError if it is
    larger than MAX_BODY_BYTES, stops arriving for ``timeout`` seconds, or the client hangs up.

    The connection's reads keep the timeout to the end (werkzeug closes every connection after
    one request, reading what the client still sends first), so nothing waits on it forever.
    """
    too_large = RequestTooLargeException(
        f"The request body must not be larger than {MAX_BODY_BYTES} bytes."
    )
    if (get_content_length(environ) or 0) > MAX_BODY_BYTES:
        raise too_large  # without reading it
    sock = environ.get("werkzeug.socket")
    if isinstance(sock, socket.socket):
        sock.settimeout(timeout)
    try:
        # one byte over the limit tells a body of exactly MAX_BODY_BYTES from a longer one
        body = get_input_stream(environ, max_content_length=MAX_BODY_BYTES + 1).read()
    except RequestEntityTooLarge:
        body = None
    except (ClientDisconnected, OSError, ValueError) as exc:
        # werkzeug reports a read that timed out as a disconnect; its cause says which
        if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
            raise RequestTimeoutException(
                f"The request body stopped arriving for {timeout:g} seconds."
            ) from None
        raise SerializationException("The request body could not be read.") from None
    if body is None or len(body) > MAX_BODY_BYTES:
        raise too_large
    return bytes(body)


def _not_found(message: str) -> tuple[int, dict[str, str], Any]:
    _, headers, body = error_response(ResourceNotFoundException(message))
    return 404, headers, body


class EmulatorApp:
    """The WSGI application of one emulator: Cognito operations, the pools' JWKS, the seam."""

    def __init__(
        self,
        registry: BackendRegistry,
        control: ControlSeam | None = None,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        self.registry = registry
        self.control = control
        self.body_timeout = body_timeout

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        try:  # outside the lock: a slow client holds up only itself
            body = _read_body(environ, self.body_timeout)
        except CognitoError as exc:
            return self._answer(start_response, *error_response(exc))
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        environ.pop("wsgi.input_terminated", None)
        request = _Request(environ)
        with self.registry.lock:  # moto's model is not thread-safe: one request at a time
            try:
                status, headers, answer = self.handle(request)
            except CognitoError as exc:  # raised before an operation runs (the region)
                status, headers, answer = error_response(exc)
            except Exception:  # a bug: Cognito's shape, not werkzeug's HTML page
                logger.exception("cognito-emulator: internal error")
                status, headers, answer = error_response(InternalErrorException())
        return self._answer(start_response, status, headers, answer)

    @staticmethod
    def _answer(
        start_response: Any, status: int, headers: dict[str, str], body: Any
    ) -> Iterable[bytes]:
        payload = body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")
        reason = {
            200: "OK",
            400: "Bad Request",
            404: "Not Found",
            408: "Request Timeout",
            413: "Content Too Large",
            500: "Internal Server Error",
        }
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
            status, headers, body = EmulatorResponse(self.registry)._dispatch(request)
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
        if doc not in ("jwks.json", "openid-configuration"):
            return _not_found(f"No route for {request.method} {request.path}")
        backend = self.registry.find_pool(pool_id)
        if backend is None:
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
    """The Cognito emulator served on ``host:port`` (port 0 picks a free port).

    ``outbox`` names the folder messages are written to (created 0700 if missing, kept);
    without it the server makes a private temporary folder and removes it when it stops.
    ``body_timeout``: seconds a request body may stop arriving before it is given up.
    ``issuer_url``: the tokens' ``iss`` is ``<issuer_url>/<pool id>`` instead of Cognito's
    ``https://cognito-idp.<region>.amazonaws.com/<pool id>``; ``True`` is this server's own
    :attr:`url`, so a verifier that finds the JWKS from ``iss`` finds this server's.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        outbox: str | Path | None = None,
        *,
        body_timeout: float = BODY_TIMEOUT,
        issuer_url: str | bool | None = None,
    ) -> None:
        self.host = host
        self._requested_port = port
        # Messages hold codes and temporary passwords: the folder is private (0700). A
        # temporary one the server made is removed when it stops; a folder named is kept.
        self._owns_outbox = not outbox
        if outbox:
            self.outbox = Path(outbox)
            self.outbox.mkdir(mode=0o700, parents=True, exist_ok=True)
        else:
            self.outbox = Path(tempfile.mkdtemp(prefix="cognito-outbox-"))  # 0700
        self.clock = Clock()
        """The emulator's clock: ``now()``, ``advance(seconds)``, ``offset``, ``reset()``."""
        self._outbox = Outbox(self.outbox)
        if isinstance(issuer_url, str) and not issuer_url.startswith(("http://", "https://")):
            raise ValueError(f"issuer_url must be an http:// or https:// URL, not {issuer_url!r}")
        self._issuer_url = issuer_url
        self.registry = BackendRegistry(
            self.clock, self._outbox, issuer_url if isinstance(issuer_url, str) else None
        )
        self.app = EmulatorApp(
            self.registry, ControlSeam(self.clock, self._outbox, self.reset), body_timeout
        )
        self.port = 0
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def messages(
        self,
        username: str | None = None,
        user_pool_id: str | None = None,
        trigger: str | None = None,
    ) -> list[OutboxMessage]:
        """The messages this server delivered, oldest first (``GET /_emulator/messages``)."""
        return self._outbox.messages(username, user_pool_id, trigger)

    def backend(self, region: str = "us-east-1") -> EmulatorBackend:
        """This emulator's backend of ``region`` (default account), for tests that look inside."""
        return self.registry.get(DEFAULT_ACCOUNT_ID, region)

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
        if self._issuer_url is True:
            self.registry.issuer_url = self.url
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.1,), name="cognito-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; remove the outbox folder if the server made it (a named one stays)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = None
            self._thread = None
        if self._owns_outbox:
            shutil.rmtree(self.outbox, ignore_errors=True)

    def reset(self) -> None:
        """Forget every pool, user, session and delivered message; the clock back to real time."""
        with self.registry.lock:
            self.registry.reset()
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
