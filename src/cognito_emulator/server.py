"""Run the emulator over HTTP on loopback, in a background thread of this process.

SKELETON: today this serves plain moto. The emulator work replaces the WSGI app.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import TracebackType

from moto.server import ThreadedMotoServer


class EmulatorServer:
    """The Cognito emulator served on ``host:port`` (port 0 picks a free port)."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, outbox: str | Path | None = None
    ) -> None:
        self.host = host
        self._requested_port = port
        self.outbox = Path(outbox) if outbox else Path(tempfile.mkdtemp(prefix="cognito-outbox-"))
        self.outbox.mkdir(parents=True, exist_ok=True)
        self._server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> EmulatorServer:
        self._server.start()
        self.port = self._server.get_host_and_port()[1]
        return self

    def stop(self) -> None:
        self._server.stop()

    def reset(self) -> None:
        from moto.core.models import base_decorator  # noqa: F401  (skeleton)
        from moto.cognitoidp.models import cognitoidp_backends

        cognitoidp_backends.reset()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
