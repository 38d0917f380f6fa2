# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Console script:
``cognito-emulator --port P [--host 127.0.0.1] [--outbox DIR] [--issuer-url [URL]]``.

Serves the Cognito Identity Provider API on ``http://HOST:PORT`` until SIGTERM or Ctrl-C,
delivering codes as JSON files in the outbox folder (private: 0700, files 0600). Prints one
line with the URL and the outbox when ready. Without ``--outbox`` the folder is a temporary one,
removed at exit. With ``--issuer-url`` the tokens' ``iss`` is the emulator's own URL (or
``URL``) followed by the pool id, instead of Cognito's.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from urllib.parse import urlsplit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="cognito-emulator",
        description="A local Amazon Cognito user-pool backend (built on moto).",
    )
    parser.add_argument("--port", type=int, default=9229, help="TCP port (0: any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (loopback)")
    parser.add_argument(
        "--outbox",
        default=None,
        help="folder for delivered codes, kept at exit (default: a private temporary folder, "
        "removed at exit)",
    )
    parser.add_argument(
        "--issuer-url",
        nargs="?",
        const=True,
        default=None,
        metavar="URL",
        help="make the tokens' iss <URL>/<pool id> (without URL: this emulator's own URL), so "
        "JWT verifiers find the JWKS here (default: Cognito's "
        "https://cognito-idp.<region>.amazonaws.com/<pool id>)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be between 0 and 65535, not {args.port}")
    if isinstance(args.issuer_url, str) and not _is_http_url(args.issuer_url):
        parser.error(f"--issuer-url must be an http:// or https:// URL, not {args.issuer_url!r}")

    from cognito_emulator.server import EmulatorServer

    stop = threading.Event()
    # before the ready line: whoever reads it may send SIGTERM at once, and the temporary
    # outbox must still be removed
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    server = EmulatorServer(args.host, args.port, args.outbox, issuer_url=args.issuer_url)
    try:
        server.start()
    except OSError as exc:
        server.stop()
        print(
            f"cognito-emulator: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    try:
        print(f"cognito-emulator listening on {server.url}, outbox {server.outbox}", flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


if __name__ == "__main__":
    raise SystemExit(main())
