# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark cognito-emulator: start-up time and the latency of a sign-in round trip.

    python benchmarks/bench_emulator.py [--starts 5] [--signins 50]

Start-up: from launching the ``cognito-emulator`` console script to its first answered API call.
Sign-in: one ``AdminInitiateAuth`` (ADMIN_USER_PASSWORD_AUTH) over HTTP, and one full SRP sign-in
(pycognito's AWSSRP: two round trips plus the client's maths). Reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from botocore.config import Config
from pycognito import aws_srp

from cognito_emulator import EmulatorServer

PASSWORD = "Correct-Horse-9!"  # a throwaway user on a local emulator


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def measure_start(outbox: Path) -> float:
    """Seconds from launching the console script to its first answered ListUserPools."""
    exe = shutil.which("cognito-emulator") or str(
        Path(sys.executable).with_name("cognito-emulator")
    )
    port = _free_port()
    client = boto3.client(
        "cognito-idp",
        endpoint_url=f"http://127.0.0.1:{port}",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 0}, connect_timeout=0.2, read_timeout=5),
    )
    started = time.perf_counter()
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--outbox", str(outbox)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                client.list_user_pools(MaxResults=1)
                return time.perf_counter() - started
            except Exception:  # not listening yet
                if proc.poll() is not None or time.perf_counter() - started > 30:
                    raise SystemExit("cognito-emulator did not start") from None
                time.sleep(0.01)
    finally:
        proc.terminate()
        proc.wait(10)


def measure_signins(count: int) -> tuple[list[float], list[float]]:
    with EmulatorServer(port=0) as server:
        client = boto3.client(
            "cognito-idp",
            endpoint_url=server.url,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        pool = client.create_user_pool(PoolName="bench")["UserPool"]["Id"]
        app = client.create_user_pool_client(
            UserPoolId=pool,
            ClientName="bench",
            ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"],
        )["UserPoolClient"]["ClientId"]
        client.admin_create_user(UserPoolId=pool, Username="bench", MessageAction="SUPPRESS")
        client.admin_set_user_password(
            UserPoolId=pool, Username="bench", Password=PASSWORD, Permanent=True
        )
        password_flow, srp_flow = [], []
        for _ in range(count):
            started = time.perf_counter()
            client.admin_initiate_auth(
                UserPoolId=pool,
                ClientId=app,
                AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": "bench", "PASSWORD": PASSWORD},
            )
            password_flow.append(time.perf_counter() - started)
        for _ in range(max(5, count // 5)):
            started = time.perf_counter()
            aws_srp.AWSSRP(
                username="bench", password=PASSWORD, pool_id=pool, client_id=app, client=client
            ).authenticate_user()
            srp_flow.append(time.perf_counter() - started)
        return password_flow, srp_flow


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--signins", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")
    with tempfile.TemporaryDirectory() as tmp:
        starts = [measure_start(Path(tmp)) for _ in range(args.starts)]
    print(
        f"start-up to first answer: min {min(starts):.2f} s, median "
        f"{statistics.median(starts):.2f} s, max {max(starts):.2f} s ({args.starts} starts)"
    )
    password_flow, srp_flow = measure_signins(args.signins)
    ms = [t * 1000 for t in password_flow]
    srp_ms = [t * 1000 for t in srp_flow]
    print(
        f"sign-in round trip (ADMIN_USER_PASSWORD_AUTH): median {statistics.median(ms):.1f} ms, "
        f"p90 {statistics.quantiles(ms, n=10)[-1]:.1f} ms ({len(ms)} sign-ins)"
    )
    print(f"SRP sign-in (pycognito, 2 round trips): median {statistics.median(srp_ms):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
