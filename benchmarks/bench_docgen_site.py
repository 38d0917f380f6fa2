# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark ``docgen render``: the site in three locales (reported, not asserted).

1. The repository's own collection: ``docgen render --out DIR`` (en, ja, it; validation
   included, as a contributor runs it), best of ``--repeat`` runs, into a fresh folder each
   time. Target: at most 2 s.
2. Synthetic collections (``bench_docgen.build``: N action examples, each in Python,
   JavaScript and the CLI): ``docgen validate`` alone, then ``docgen render`` in three
   locales, so the render's own share shows. Target: 10,000 examples in at most 20 s, growing
   linearly (the last column: microseconds per example, flat when linear).

Each run is a subprocess, start-up included. Numbers from a loaded machine are upper bounds;
the CPU seconds (the run and its worker processes) depend less on other work than the wall
clock does.

    python benchmarks/bench_docgen_site.py
    python benchmarks/bench_docgen_site.py --sizes 1000 10000 --repeat 3 --locales en,ja,it
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_docgen import build

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _docgen() -> str:
    return shutil.which("docgen") or os.path.join(os.path.dirname(sys.executable), "docgen")


CPU = [0.0]  # CPU seconds (user + system) of the last run, its worker processes included


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], cwd: str) -> tuple[float, int, str]:
    """Wall seconds, exit status, output; CPU[0] gets the CPU seconds (less sensitive to
    other work on the machine than the wall clock)."""
    cpu = _cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    CPU[0] = _cpu() - cpu
    return elapsed, done.returncode, done.stdout + done.stderr


def _pages(out: str) -> int:
    return sum(1 for _, _, files in os.walk(out) for name in files if name.endswith(".html"))


def bench_repository(repeat: int, locales: str) -> int:
    times, cpus = [], []
    code, output, pages = 0, "", 0
    for _ in range(repeat):
        out = tempfile.mkdtemp(prefix="docgen-site-")
        try:
            elapsed, code, output = _run(
                [_docgen(), "render", "--out", out, "--locale", locales, "-q"], REPO
            )
            pages = _pages(out)
            times.append(elapsed)
            cpus.append(CPU[0])
        finally:
            shutil.rmtree(out, ignore_errors=True)
    print(f"repository collection, locales {locales}: {pages:,} HTML files, "
          f"best {min(times):.2f} s of {repeat}, {min(cpus):.2f} s of CPU (target <= 2 s)"
          + ("" if code == 0 else f"   exit {code}: {output.splitlines()[:3]}"))  # fmt: skip
    return code


def bench_synthetic(sizes: list[int], repeat: int, locales: str) -> int:
    print(f"\nsynthetic collections, locales {locales} (target: 10,000 examples <= 20 s)")
    print(f"{'examples':>9} {'pages':>8} {'validate s':>11} {'render s':>9} {'us/ex':>7} "
          f"{'render CPU s':>12}")  # fmt: skip
    status = 0
    for size in sizes:
        folder = tempfile.mkdtemp(prefix=f"docgen-site-{size}-")
        try:
            build(folder, size)
            common = ["--metadata", ".doc_gen/metadata", "--root", ".", "--config", "config", "-q"]
            checks, renders, cpus = [], [], []
            code, output, pages = 0, "", 0
            for _ in range(max(1, repeat)):
                checks.append(_run([_docgen(), "validate", *common], folder)[0])
                shutil.rmtree(os.path.join(folder, "site"), ignore_errors=True)
                elapsed, code, output = _run(
                    [_docgen(), "render", *common, "--out", "site", "--locale", locales], folder
                )
                renders.append(elapsed)
                cpus.append(CPU[0])
                pages = _pages(os.path.join(folder, "site"))
            best = min(renders)
            print(f"{size:>9,} {pages:>8,} {min(checks):>11.2f} {best:>9.2f} "
                  f"{best / size * 1e6:>7.0f} {min(cpus):>12.2f}"
                  + ("" if code == 0 else f"   exit {code}: {output.splitlines()[:3]}"),
                  flush=True)  # fmt: skip
            status = status or code
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best counts")
    parser.add_argument("--locales", default="en,ja,it")
    args = parser.parse_args(argv)
    status = bench_repository(max(1, args.repeat), args.locales)
    return bench_synthetic(args.sizes, args.repeat, args.locales) or status


if __name__ == "__main__":
    sys.exit(main())
