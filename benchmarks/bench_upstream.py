# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark ``docgen validate`` against the upstream collection's own validator, on the
upstream collection (reported, not asserted; not part of the tests nor of ``.ci/run``).

Needs, outside the project, a checkout of the public collection (awsdocs/aws-doc-sdk-examples)
and a virtual environment with its tools (awsdocs/aws-doc-sdk-examples-tools) installed. Runs,
one after the other on the same tree:

- upstream's validator the way the collection's CI runs it (``.github/workflows/
  validate-doc-metadata.yml``: ``python -m aws_doc_sdk_examples_tools.validate --root ROOT
  --doc_gen_only False --strict_titles True``);
- ``docgen validate --metadata ROOT/.doc_gen/metadata --root ROOT --config <the tools'
  config folder>``, with the interpreter running this script;

each ``--repeat`` times, and reports the best wall and CPU time of each and their ratio, the
peak memory of each (the largest resident set of its process tree, from ``wait4``), each
tool's findings, the findings that differ (by file), and both tools' example and snippet
counts (upstream's from its ``DocGen`` API, in its own environment, untimed).

    python benchmarks/bench_upstream.py --collection /work/upstream/examples \\
        --tools-venv /work/upstream/tools-venv [--repeat 3] [--jobs N] [--out report.txt]

Times depend on the machine's load: compare numbers from one run, on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Counted in upstream's environment with its own API: what its validator loads.
UPSTREAM_COUNTS = """\
import json, sys
from pathlib import Path
from aws_doc_sdk_examples_tools.doc_gen import DocGen
from aws_doc_sdk_examples_tools.project_validator import ValidationConfig
root = Path(sys.argv[1]).resolve()
doc_gen = DocGen.from_root(root=root, validation=ValidationConfig(strict_titles=True))
doc_gen.collect_snippets(snippets_root=root)
files = {str(name) for name in doc_gen.snippet_files}
tags = [key for key, snippet in doc_gen.snippets.items() if str(snippet.file) not in files]
json.dump({"examples": len(doc_gen.examples), "snippets": len(tags),
           "snippet_files": len(files)}, sys.stdout)
"""
_OUR_SUMMARY = re.compile(
    r"docgen: (\d+) examples, (\d+) snippets(?: \(\+ (\d+) snippet files\))?: "
    r"(\d+) errors, (\d+) warnings"
)
_OUR_PROBLEM = re.compile(
    r"^(?P<path>[^:]+):\d+: (?P<severity>error|warning): .*\[(?P<kind>[^\]]+)\]$"
)


@dataclass
class Run:
    wall: float
    cpu: float
    peak_kb: int
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Tool:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return min(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_kb for r in self.runs) / 1024


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command``; its wall time, CPU time (user + system, its process tree) and peak
    resident set (the largest of its process tree) from ``wait4``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_kb=usage.ru_maxrss,
            returncode=process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def upstream_findings(output: str, root: Path) -> list[tuple[str, str]]:
    """(file relative to the root, message) of each error upstream's validator printed."""
    found = []
    prefix = str(root.resolve()) + os.sep
    for line in output.splitlines():
        if not line.startswith("\t"):
            continue
        text = line.strip()
        path = text.split(" ", 1)[0].rstrip(":")
        found.append((path.removeprefix(prefix), text.replace(prefix, "")))
    return found


def our_findings(output: str) -> list[tuple[str, str, str]]:
    """(file, severity, kind) of each problem docgen printed."""
    found = []
    for line in output.splitlines():
        match = _OUR_PROBLEM.match(line)
        if match:
            found.append((match["path"], match["severity"], match["kind"]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collection", required=True, type=Path, help="upstream checkout")
    parser.add_argument("--tools-venv", required=True, type=Path, help="venv with its tools")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool (best kept)")
    parser.add_argument("--jobs", type=int, default=None, help="docgen's --jobs")
    parser.add_argument("--out", type=Path, help="also write every finding of both tools here")
    args = parser.parse_args(argv)

    root = args.collection.resolve()
    python = args.tools_venv / "bin" / "python"
    if not (root / ".doc_gen" / "metadata").is_dir():
        parser.error(f"{root} has no .doc_gen/metadata: not a checkout of the collection")
    if not python.exists():
        parser.error(f"{python} not found: create the tools' venv first")
    located = subprocess.run(
        [str(python), "-c", "import aws_doc_sdk_examples_tools as t; print(t.__file__)"],
        capture_output=True,
        text=True,
    )
    if located.returncode != 0:
        parser.error(f"aws_doc_sdk_examples_tools is not installed in {args.tools_venv}")
    config = Path(located.stdout.strip()).parent / "config"

    upstream_command = [
        str(python), "-m", "aws_doc_sdk_examples_tools.validate", "--root", str(root),
        "--doc_gen_only", "False", "--strict_titles", "True",
    ]  # fmt: skip
    our_command = [
        sys.executable, "-m", "docgen.cli", "validate", "--metadata",
        str(root / ".doc_gen" / "metadata"), "--root", ".", "--config", str(config),
    ]  # fmt: skip
    if args.jobs is not None:
        our_command += ["--jobs", str(args.jobs)]

    upstream, ours = Tool("upstream validator (CI mode)"), Tool("docgen validate")
    for attempt in range(args.repeat):
        for tool, command in ((upstream, upstream_command), (ours, our_command)):
            print(f"run {attempt + 1}/{args.repeat}: {tool.name} ...", file=sys.stderr)
            tool.runs.append(run(command, root))

    counted = subprocess.run(
        [str(python), "-c", UPSTREAM_COUNTS, str(root)], capture_output=True, text=True
    )
    upstream_counts = json.loads(counted.stdout) if counted.returncode == 0 else {}
    summary = _OUR_SUMMARY.search(ours.runs[-1].stderr)
    up_found = upstream_findings(upstream.runs[-1].stdout, root)
    our_found = our_findings(ours.runs[-1].stdout)
    our_errors = [f for f in our_found if f[1] == "error"]

    print(f"collection: {root}")
    print(f"{'':32}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'exit':>6}")
    for tool in (upstream, ours):
        print(
            f"{tool.name:32}{tool.wall:9.2f}{tool.cpu:9.2f}{tool.peak_mb:9.1f}"
            f"{tool.runs[-1].returncode:6d}"
        )
    print(
        f"ratio (upstream / docgen): wall {upstream.wall / ours.wall:.1f}x, "
        f"CPU {upstream.cpu / ours.cpu:.1f}x, peak memory {ours.peak_mb / upstream.peak_mb:.2f} "
        "of upstream's"
    )
    print(
        f"examples: upstream {upstream_counts.get('examples', '?')}, "
        f"docgen {summary.group(1) if summary else '?'}"
    )
    print(
        f"snippets (tags): upstream {upstream_counts.get('snippets', '?')} "
        f"(+ {upstream_counts.get('snippet_files', '?')} snippet_files), "
        f"docgen {summary.group(2) if summary else '?'} "
        f"(+ {(summary.group(3) or 0) if summary else '?'} snippet_files)"
    )
    print(
        f"findings: upstream {len(up_found)} errors; docgen {len(our_errors)} errors, "
        f"{len(our_found) - len(our_errors)} warnings"
    )
    kinds = Counter((severity, kind) for _, severity, kind in our_found)
    for (severity, kind), count in sorted(kinds.items()):
        print(f"  docgen {severity:8}{kind:24}{count:6d}")
    up_files = {path for path, _ in up_found}
    our_files = {path for path, severity, _ in our_errors}
    print(f"files with errors only upstream finds: {len(up_files - our_files)}")
    for path in sorted(up_files - our_files):
        print(f"  {path}")
    print(f"files with errors only docgen finds: {len(our_files - up_files)}")
    for path in sorted(our_files - up_files):
        print(f"  {path}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write("# upstream validator\n")
            handle.writelines(f"{text}\n" for _, text in up_found)
            handle.write("# docgen validate\n")
            handle.write(ours.runs[-1].stdout)
        print(f"every finding: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
