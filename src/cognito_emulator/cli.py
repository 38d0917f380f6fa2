"""Console script: ``cognito-emulator --port P [--host 127.0.0.1] [--outbox DIR]``."""

from __future__ import annotations

import argparse
import signal
import threading


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cognito-emulator", description=__doc__)
    parser.add_argument("--port", type=int, default=9229)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--outbox", default=None)
    args = parser.parse_args(argv)
    from cognito_emulator.server import EmulatorServer

    server = EmulatorServer(args.host, args.port, args.outbox).start()
    print(f"cognito-emulator listening on {server.url}, outbox {server.outbox}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
