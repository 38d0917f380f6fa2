# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Soak cognito-emulator with sign-ins; report its memory at the start and at the end.

    python benchmarks/bench_soak.py [--sign-ins 100000]

An emulator runs in this process, in a pool that tracks devices (every sign-in makes a new
device) with 20 users; its app client's refresh tokens live 60 minutes (Cognito's shortest),
its ID and access tokens 5. Each sign-in (USER_PASSWORD_AUTH over HTTP, with a plain HTTP
client so the client adds nothing to the process) is followed by GlobalSignOut, or
RevokeToken, or left alone (one in ten), and every 100 sign-ins a minute passes on the
emulator's clock: what was left alone expires while the soak goes on, as it would over the
1,000 minutes 100,000 sign-ins take here. Memory is measured after a warm-up of 1,000
sign-ins ("start"), after the soak, and once the last refresh tokens have expired. The emulator
must end within 10 % of where it started (exit status 1 if not): it keeps what live sign-ins
need, not every token it ever issued.

Memory is the process's resident set (Linux ``/proc/self/statm``; elsewhere the peak from
``getrusage``) and the Python heap's allocated blocks. Reported, not asserted by any test.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import os
import resource
import sys
import time
from typing import Any
from urllib.parse import urlsplit

from cognito_emulator import EmulatorServer

PASSWORD = "Correct-Horse-9!"  # throwaway users of a local emulator
USERS = 20
WARM_UP = 1000
TARGET = "AWSCognitoIdentityProviderService."


def rss_bytes() -> int:
    """The resident set size now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


class Cognito:
    """Unsigned JSON calls over one plain HTTP connection per request."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80

    def call(self, operation: str, body: dict[str, Any]) -> dict[str, Any]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(
                "POST",
                "/",
                body=json.dumps(body),
                headers={
                    "Content-Type": "application/x-amz-json-1.1",
                    "X-Amz-Target": TARGET + operation,
                },
            )
            response = connection.getresponse()
            answer: dict[str, Any] = json.loads(response.read() or b"{}")
        finally:
            connection.close()
        if response.status != 200:
            raise SystemExit(f"{operation}: HTTP {response.status} {answer}")
        return answer


def set_up(cognito: Cognito) -> str:
    """A pool tracking devices, an app client, USERS confirmed users; the client id."""
    pool = cognito.call(
        "CreateUserPool",
        {
            "PoolName": "soak",
            "DeviceConfiguration": {
                "ChallengeRequiredOnNewDevice": False,
                "DeviceOnlyRememberedOnUserPrompt": True,
            },
        },
    )["UserPool"]["Id"]
    client: str = cognito.call(
        "CreateUserPoolClient",
        {
            "UserPoolId": pool,
            "ClientName": "soak",
            "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            "RefreshTokenValidity": 60,
            "AccessTokenValidity": 5,
            "IdTokenValidity": 5,
            "TokenValidityUnits": {
                "RefreshToken": "minutes",
                "AccessToken": "minutes",
                "IdToken": "minutes",
            },
        },
    )["UserPoolClient"]["ClientId"]
    for number in range(USERS):
        name = f"user{number}"
        cognito.call(
            "AdminCreateUser", {"UserPoolId": pool, "Username": name, "MessageAction": "SUPPRESS"}
        )
        cognito.call(
            "AdminSetUserPassword",
            {"UserPoolId": pool, "Username": name, "Password": PASSWORD, "Permanent": True},
        )
    return client


def sign_ins(
    server: EmulatorServer, cognito: Cognito, client: str, count: int, first: int = 0
) -> None:
    """``count`` sign-ins; each signed out globally, revoked, or (one in ten) left alone; a
    minute passes every 100."""
    step = max(1, count // 10)
    started = time.perf_counter()
    for number in range(first, first + count):
        tokens = cognito.call(
            "InitiateAuth",
            {
                "ClientId": client,
                "AuthFlow": "USER_PASSWORD_AUTH",
                "AuthParameters": {"USERNAME": f"user{number % USERS}", "PASSWORD": PASSWORD},
            },
        )["AuthenticationResult"]
        if number % 10 == 9:
            pass  # left alone: expires
        elif number % 2:
            cognito.call("GlobalSignOut", {"AccessToken": tokens["AccessToken"]})
        else:
            cognito.call("RevokeToken", {"Token": tokens["RefreshToken"], "ClientId": client})
        if number % 100 == 99:
            server.clock.advance(60)
        done = number - first + 1
        if count >= 1000 and done % step == 0:
            rate = done / (time.perf_counter() - started)
            rss = rss_bytes() / 2**20
            print(f"  {done:>7} sign-ins, {rate:.0f}/s, RSS {rss:.1f} MiB", flush=True)


def measure(label: str, server: EmulatorServer) -> tuple[int, int]:
    gc.collect()
    rss, blocks = rss_bytes(), sys.getallocatedblocks()
    live = len(server.backend().sign_ins)
    print(
        f"{label:<32} RSS {rss / 2**20:8.1f} MiB   heap blocks {blocks:>9}   live sign-ins {live}"
    )
    return rss, blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sign-ins", type=int, default=100_000, help="how many (default 100000)")
    args = parser.parse_args()
    if args.sign_ins < 1:
        parser.error("--sign-ins must be at least 1")
    with EmulatorServer(port=0) as server:
        cognito = Cognito(server.url)
        client = set_up(cognito)
        sign_ins(server, cognito, client, WARM_UP)
        start_rss, start_blocks = measure("start (after the warm-up)", server)
        print(f"soaking: {args.sign_ins} sign-ins ...", flush=True)
        started = time.perf_counter()
        sign_ins(server, cognito, client, args.sign_ins, first=WARM_UP)
        seconds = time.perf_counter() - started
        measure("end of the soak", server)
        server.clock.advance(3600)  # the last refresh tokens left alone expire
        sign_ins(server, cognito, client, 10, first=0)
        end_rss, end_blocks = measure("end (all expired)", server)
    growth = (end_rss - start_rss) / start_rss
    print(
        f"{args.sign_ins} sign-ins in {seconds:.0f} s ({args.sign_ins / seconds:.0f}/s); "
        f"RSS {growth:+.1%} ({(end_rss - start_rss) / args.sign_ins:+.0f} bytes a sign-in), "
        f"heap blocks {end_blocks - start_blocks:+d}"
    )
    within = growth <= 0.10
    print("memory within 10 % of the start: " + ("yes" if within else "NO"))
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
