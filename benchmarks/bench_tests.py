# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark the whole pytest suite: wall time, test count and the median cost of one test.

    python benchmarks/bench_tests.py [--runs N] [-- extra pytest arguments]

Runs the suite as the README's test command does (``pytest -n 2``) and reads each test's own
duration from a JUnit XML report. Reported, not asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET  # parsing our own pytest report
from pathlib import Path


def run_once(extra: list[str]) -> tuple[float, list[float], dict[str, int], int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        cmd += [f"--junitxml={report}", *(extra or ["-n", "2"])]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        tree = ET.parse(report)
    durations: list[float] = []
    outcome = {"passed": 0, "failed": 0, "skipped": 0}
    for case in tree.iter("testcase"):
        durations.append(float(case.get("time", 0.0)))
        if case.find("skipped") is not None:
            outcome["skipped"] += 1
        elif case.find("failure") is not None or case.find("error") is not None:
            outcome["failed"] += 1
        else:
            outcome["passed"] += 1
    return wall, durations, outcome, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="how many times to run the suite")
    args, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]
    walls: list[float] = []
    for i in range(args.runs):
        wall, durations, outcome, code = run_once(extra)
        walls.append(wall)
        print(
            f"run {i + 1}: {len(durations)} tests ({outcome['passed']} passed, "
            f"{outcome['failed']} failed, {outcome['skipped']} skipped) in {wall:.1f} s wall; "
            f"median test {statistics.median(durations) * 1000:.0f} ms, "
            f"slowest {max(durations):.2f} s; pytest exit {code}"
        )
    if args.runs > 1:
        print(f"wall: min {min(walls):.1f} s, median {statistics.median(walls):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
