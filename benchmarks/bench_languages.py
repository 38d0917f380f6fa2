# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark every language port: its whole test suite and its scenario in scripted mode.

    python benchmarks/bench_languages.py [--runs N] [--only javascript,cli,...]

For each language folder present it times, as separate fresh processes, the one command that
runs the port's suite (compile included for Java and Kotlin) and ``--auto`` runs of its
scenario, each starting its own ``cognito-emulator``. Installs are not timed: run each language's
nox session once first (``nox -s javascript cli java kotlin``), which downloads what it needs;
this script reuses those sessions' environments (``.nox/<session>/bin`` on ``PATH``) and says so
when one is missing. Issue targets: JavaScript suite <= 30 s, CLI suite <= 90 s, Java and Kotlin
suites <= 120 s each. Reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Port:
    name: str  # the nox session whose environment the commands use
    folder: str  # present in the tree when the port exists
    suite: tuple[str, ...]
    suite_cwd: str
    scenario: tuple[str, ...]
    target_seconds: float
    extra_sessions: tuple[str, ...] = ()  # other nox environments to put on PATH


MAVEN = ("mvn", "-B", "-q", "--offline", "--no-transfer-progress")

PORTS = (
    Port(
        "javascript",
        "javascript",
        ("npm", "test"),
        "javascript",
        ("node", "javascript/scenarios/signup-user-with-mfa.js", "--auto"),
        30,
    ),
    Port(
        "cli",
        "cli",
        (sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/cli", "-n", "2"),
        ".",
        ("bash", "cli/scenarios/signup_user_with_mfa.sh", "--auto"),
        90,
    ),
    Port(
        "java",
        "java",
        (*MAVEN, "clean", "package"),
        "java",
        ("java", "-jar", "java/target/cognito-idp-examples.jar", "--auto"),
        120,
    ),
    Port(
        "kotlin",
        "kotlin",
        (*MAVEN, "clean", "package"),
        "kotlin",
        ("java", "-jar", "kotlin/target/cognito-idp-kotlin-examples.jar", "--auto"),
        120,
    ),
)


def environment(port: Port) -> dict[str, str] | None:
    """PATH with the port's nox environment first (its ``cognito-emulator``; for the CLI, aws)."""
    folders = [REPO_ROOT / ".nox" / name / "bin" for name in (port.name, *port.extra_sessions)]
    if not all((folder / "cognito-emulator").exists() for folder in folders[:1]):
        return None
    env = {k: v for k, v in os.environ.items() if k != "CI" and not k.startswith("AWS_")}
    env["PATH"] = os.pathsep.join([*map(str, folders), env.get("PATH", "")])
    env["VIRTUAL_ENV"] = str(folders[0].parent)
    return env


def timed(command: tuple[str, ...], cwd: Path, env: dict[str, str]) -> tuple[float, int, str]:
    if command[0] == sys.executable:  # the CLI's pytest runs in the cli session's Python
        command = (str(Path(env["VIRTUAL_ENV"]) / "bin" / "python"), *command[1:])
    start = time.perf_counter()
    proc = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    tail = (proc.stdout + proc.stderr).strip().splitlines()
    return wall, proc.returncode, tail[-1] if tail else ""


def summary(walls: list[float]) -> str:
    if len(walls) == 1:
        return f"{walls[0]:.1f} s"
    median = statistics.median(walls)
    return f"min {min(walls):.1f} s, median {median:.1f} s, max {max(walls):.1f} s"


def bench(port: Port, runs: int, scenario_runs: int) -> bool:
    env = environment(port)
    if env is None:
        print(f"{port.name}: skipped, no .nox/{port.name} environment: run nox -s {port.name} once")
        return True
    ok = True
    for label, command, cwd, count in (
        ("suite", port.suite, REPO_ROOT / port.suite_cwd, runs),
        ("scenario --auto", port.scenario, REPO_ROOT, scenario_runs),
    ):
        walls: list[float] = []
        for _ in range(count):
            wall, code, last = timed(command, cwd, env)
            walls.append(wall)
            if code:
                ok = False
                print(f"{port.name} {label}: exit {code}: {last}")
        target = f" (target <= {port.target_seconds:.0f} s)" if label == "suite" else ""
        print(f"{port.name} {label}: {summary(walls)} over {count} runs{target}", flush=True)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="suite runs per language (default 1)")
    parser.add_argument("--scenario-runs", type=int, default=3, help="scenario runs (default 3)")
    parser.add_argument("--only", default="", help="comma-separated languages (default: all)")
    args, _ = parser.parse_known_args()
    wanted = {name for name in args.only.split(",") if name}
    unknown = wanted - {port.name for port in PORTS}
    if unknown:
        parser.error(f"unknown language {', '.join(sorted(unknown))}")
    ok = True
    for port in PORTS:
        if (wanted and port.name not in wanted) or not (REPO_ROOT / port.folder).is_dir():
            continue
        ok = bench(port, args.runs, args.scenario_runs) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
