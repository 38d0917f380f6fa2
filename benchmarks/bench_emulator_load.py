# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark cognito-emulator under load: requests per second of many MFA journeys at once.

    python benchmarks/bench_emulator_load.py [--threads 16] [--seconds 20]

One ``cognito-emulator`` process (the console script, as tests in other languages start it, or
the program the environment variable ``COGNITO_EMULATOR`` names, to compare two builds);
``--threads`` client threads each run the MFA journey over and over until ``--seconds`` have
passed, with plain HTTP (no SDK, so the client side costs little):

    AdminCreateUser, AdminSetUserPassword, InitiateAuth -> MFA_SETUP, AssociateSoftwareToken,
    VerifySoftwareToken, RespondToAuthChallenge (MFA_SETUP), InitiateAuth ->
    SOFTWARE_TOKEN_MFA, RespondToAuthChallenge (SOFTWARE_TOKEN_MFA), GetUser, AdminDeleteUser

It reports requests per second, journeys per second and request latency. Reported, not
asserted; on a machine others are using, the numbers say little (rerun on a quiet one).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pyotp
import requests

PASSWORD = "Correct-Horse-9!"  # throwaway users on a local emulator
PREFIX = "AWSCognitoIdentityProviderService."


class Journeys:
    """The MFA journey against one emulator, and what the threads measured."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.journeys = 0
        self.errors: list[str] = []
        setup = requests.Session()
        self.pool = self._call(setup, "CreateUserPool", {"PoolName": "load"})["UserPool"]["Id"]
        self._call(
            setup,
            "SetUserPoolMfaConfig",
            {
                "UserPoolId": self.pool,
                "SoftwareTokenMfaConfiguration": {"Enabled": True},
                "MfaConfiguration": "ON",
            },
        )
        self.client = self._call(
            setup,
            "CreateUserPoolClient",
            {
                "UserPoolId": self.pool,
                "ClientName": "load",
                "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            },
        )["UserPoolClient"]["ClientId"]

    def _call(
        self,
        http: requests.Session,
        operation: str,
        body: dict[str, Any],
        times: list[float] | None = None,
    ) -> dict[str, Any]:
        started = time.perf_counter()
        answer = http.post(
            self.url,
            data=json.dumps(body),
            headers={
                "X-Amz-Target": PREFIX + operation,
                "Content-Type": "application/x-amz-json-1.1",
            },
            timeout=60,
        )
        if times is not None:
            times.append(time.perf_counter() - started)
        if answer.status_code != 200:
            raise RuntimeError(f"{operation}: HTTP {answer.status_code} {answer.text[:200]}")
        return dict(answer.json()) if answer.text else {}

    def journey(self, http: requests.Session, username: str, times: list[float]) -> None:
        """One user from creation to an MFA sign-in and deletion (10 requests)."""
        pool, client = self.pool, self.client

        def call(operation: str, body: dict[str, Any]) -> dict[str, Any]:
            return self._call(http, operation, body, times)

        call(
            "AdminCreateUser",
            {"UserPoolId": pool, "Username": username, "MessageAction": "SUPPRESS"},
        )
        call(
            "AdminSetUserPassword",
            {"UserPoolId": pool, "Username": username, "Password": PASSWORD, "Permanent": True},
        )
        sign_in = {
            "ClientId": client,
            "AuthFlow": "USER_PASSWORD_AUTH",
            "AuthParameters": {"USERNAME": username, "PASSWORD": PASSWORD},
        }
        setup = call("InitiateAuth", sign_in)
        assoc = call("AssociateSoftwareToken", {"Session": setup["Session"]})
        totp = pyotp.TOTP(assoc["SecretCode"])
        now = time.time()
        verified = call(
            "VerifySoftwareToken", {"Session": assoc["Session"], "UserCode": totp.at(now)}
        )
        call(
            "RespondToAuthChallenge",
            {
                "ClientId": client,
                "ChallengeName": "MFA_SETUP",
                "Session": verified["Session"],
                "ChallengeResponses": {"USERNAME": username},
            },
        )
        challenge = call("InitiateAuth", sign_in)
        tokens = call(
            "RespondToAuthChallenge",
            {
                "ClientId": client,
                "ChallengeName": "SOFTWARE_TOKEN_MFA",
                "Session": challenge["Session"],
                # the next step's code: one step of drift is allowed, and a code is never
                # sent twice (Cognito may refuse a code that was used already)
                "ChallengeResponses": {
                    "USERNAME": username,
                    "SOFTWARE_TOKEN_MFA_CODE": totp.at(now + 30),
                },
            },
        )["AuthenticationResult"]
        call("GetUser", {"AccessToken": tokens["AccessToken"]})
        call("AdminDeleteUser", {"UserPoolId": pool, "Username": username})

    def run_thread(self, number: int, start: threading.Barrier, deadline: list[float]) -> None:
        http = requests.Session()
        times: list[float] = []
        started = finished = 0
        start.wait()
        while time.perf_counter() < deadline[0]:
            started += 1
            try:
                self.journey(http, f"load-{number}-{started}", times)
                finished += 1
            except Exception as exc:  # reported, and the thread goes on
                with self.lock:
                    self.errors.append(str(exc))
        with self.lock:
            self.latencies.extend(times)
            self.journeys += finished


def start_emulator(outbox: Path) -> tuple[subprocess.Popen[str], str]:
    """The console script on a free port; its URL from the line it prints when ready."""
    exe = (
        os.environ.get("COGNITO_EMULATOR")  # another build, to compare (as the scenario ports)
        or shutil.which("cognito-emulator")
        or str(Path(sys.executable).with_name("cognito-emulator"))
    )
    process = subprocess.Popen(
        [exe, "--port", "0", "--outbox", str(outbox)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # cognito-emulator listening on http://..., outbox ...
    if "listening on " not in line:
        process.terminate()
        raise SystemExit(f"cognito-emulator did not start: {line!r}")
    return process, line.split("listening on ", 1)[1].split(",", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=16, help="client threads (16)")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to load (20)")
    args = parser.parse_args()
    os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")
    with tempfile.TemporaryDirectory() as tmp:
        process, url = start_emulator(Path(tmp))
        try:
            journeys = Journeys(url)
            start = threading.Barrier(args.threads + 1)
            deadline = [0.0]
            threads = [
                threading.Thread(target=journeys.run_thread, args=(n, start, deadline))
                for n in range(args.threads)
            ]
            for thread in threads:
                thread.start()
            deadline[0] = time.perf_counter() + args.seconds
            started = time.perf_counter()
            start.wait()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(10)
    ms = sorted(t * 1000 for t in journeys.latencies)
    if not ms:
        print(f"no request completed; errors: {journeys.errors[:3]}")
        return 1
    print(
        f"MFA journey load, {args.threads} threads, {elapsed:.1f} s: "
        f"{len(ms) / elapsed:.0f} requests/s, {journeys.journeys / elapsed:.1f} journeys/s "
        f"({len(ms)} requests, {len(journeys.errors)} journeys failed)"
    )
    print(
        f"request latency: median {statistics.median(ms):.1f} ms, "
        f"p90 {statistics.quantiles(ms, n=10)[-1]:.1f} ms, max {ms[-1]:.1f} ms"
    )
    for error in journeys.errors[:3]:
        print(f"  failed: {error}")
    return 1 if journeys.errors else 0


if __name__ == "__main__":
    sys.exit(main())
