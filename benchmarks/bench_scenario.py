# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark the guided scenario: wall time of ``--auto`` on the local backend, start-up included.

    python benchmarks/bench_scenario.py [--runs N]

Runs ``python scenarios/signup_user_with_mfa.py --auto`` N times (default 5) as a reader would,
each a fresh process that starts its own embedded backend, and prints min / median / max wall
seconds. The target is at most 5 s. Reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scenarios" / "signup_user_with_mfa.py"
TARGET_SECONDS = 5.0


def run_once() -> tuple[float, int, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--auto"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    last = (proc.stderr.strip().splitlines() or [""])[-1]
    return wall, proc.returncode, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="how many runs (default 5)")
    args, _ = parser.parse_known_args()
    walls: list[float] = []
    failures = 0
    for i in range(args.runs):
        wall, code, last = run_once()
        walls.append(wall)
        failures += code != 0
        status = "ok" if code == 0 else f"exit {code}: {last}"
        print(f"run {i + 1}: {wall:.2f} s wall ({status})", flush=True)
    print(
        f"scenario --auto: min {min(walls):.2f} s, median {statistics.median(walls):.2f} s, "
        f"max {max(walls):.2f} s over {len(walls)} runs (target <= {TARGET_SECONDS:.0f} s)"
        + (f"; {failures} failed" if failures else "")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
