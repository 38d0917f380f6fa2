# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark ``docgen validate`` on synthetic collections (reported, not asserted).

Builds, in a temporary folder, a collection laid out the upstream way: N action examples,
each in Python, JavaScript and the CLI, spread over services of 100 examples (one
``.doc_gen/metadata/<service>_metadata.yaml`` each) and source files of 10 snippets, then
times ``docgen validate --metadata .doc_gen/metadata --root . --config config`` as a
subprocess (start-up included) and prints a table.

    python benchmarks/bench_docgen.py                 # N = 1,000, 10,000, 50,000
    python benchmarks/bench_docgen.py --sizes 1000 5000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

PER_SERVICE = 100
PER_FILE = 10

CONFIG_SDKS = """\
Python:
  property: python
  sdk:
    3:
      long: "&Python3long;"
      short: "&Python3;"
      api_ref: {uid: boto3, name: "&guide-python3-api;"}
JavaScript:
  property: javascript
  sdk:
    3:
      long: "&JSBlong; (v3)"
      short: "&JSB; (v3)"
      api_ref: {uid: AWSJavaScriptSDKV3, name: "&guide-jsb-api;"}
CLI:
  property: cli
  sdk:
    2:
      long: "&CLIlong;"
      short: "&CLI;"
      api_ref: {uid: aws-cli, name: "&guide-cli-ref;"}
"""

EXAMPLE = """\
{slug}_{action}:
  title: Use {action} with an &AWS; SDK
  title_abbrev: {action}
  synopsis: use {action} number {n}.
  category: Actions
  languages:
    Python:
      versions:
        - sdk_version: 3
          github: python/{slug}
          excerpts:
            - description: Call {action}.
              snippet_tags:
                - python.{slug}.{action}
    JavaScript:
      versions:
        - sdk_version: 3
          github: javascript/{slug}
          excerpts:
            - snippet_tags:
                - javascript.{slug}.{action}
    CLI:
      versions:
        - sdk_version: 2
          github: cli/{slug}
          excerpts:
            - snippet_tags:
                - cli.{slug}.{action}
  services:
    {slug}: {{{action}}}
"""

PYTHON = """\
{hash} snippet-start:[python.{slug}.{action}]
def {snake}(client, name):
    \"\"\"Call {action} for the resource called name.\"\"\"
    try:
        return client.{snake}(Name=name)
    except ClientError as err:
        logger.error("Couldn't call {action}: %s", err)
        raise
{hash} snippet-end:[python.{slug}.{action}]

"""

JAVASCRIPT = """\
{slashes} snippet-start:[javascript.{slug}.{action}]
export const {camel} = async (client, name) => {{
  const command = new {action}Command({{ Name: name }});
  return client.send(command);
}};
{slashes} snippet-end:[javascript.{slug}.{action}]

"""

CLI = """\
{hash} snippet-start:[cli.{slug}.{action}]
aws {slug} {kebab} \\
    --name my-resource
{hash} snippet-end:[cli.{slug}.{action}]

"""


def _action(n: int) -> tuple[str, str]:
    words = ["Create", "Describe", "Update", "Delete", "List", "Get", "Put", "Tag"]
    action = f"{words[n % len(words)]}Widget{n}"
    snake = f"{words[n % len(words)].lower()}_widget{n}"
    return action, snake


def build(folder: str, count: int) -> tuple[int, int]:
    """Write a collection of ``count`` examples; returns (files, bytes)."""
    services = (count + PER_SERVICE - 1) // PER_SERVICE
    os.makedirs(os.path.join(folder, "config"))
    os.makedirs(os.path.join(folder, ".doc_gen", "metadata"))
    with open(os.path.join(folder, "config", "sdks.yaml"), "w") as handle:
        handle.write(CONFIG_SDKS)
    with open(os.path.join(folder, "config", "services.yaml"), "w") as handle:
        for s in range(services):
            handle.write(f"svc{s:04d}:\n  long: Service {s}\n  short: Service {s}\n")
            handle.write(f"  version: svc{s:04d}-2024-01-01\n")
    files = 2
    total = 0
    n = 0
    for s in range(services):
        slug = f"svc{s:04d}"
        examples = []
        sources: dict[str, list[str]] = {"python": [], "javascript": [], "cli": []}
        for _ in range(min(PER_SERVICE, count - n)):
            action, snake = _action(n)
            fields = {
                "slug": slug,
                "action": action,
                "snake": snake,
                "camel": action[0].lower() + action[1:],
                "kebab": snake.replace("_", "-"),
                "n": n,
                "hash": "#",
                "slashes": "//",
            }
            examples.append(EXAMPLE.format(**fields))
            sources["python"].append(PYTHON.format(**fields))
            sources["javascript"].append(JAVASCRIPT.format(**fields))
            sources["cli"].append(CLI.format(**fields))
            n += 1
        text = "".join(examples)
        path = os.path.join(folder, ".doc_gen", "metadata", f"{slug}_metadata.yaml")
        with open(path, "w") as handle:
            handle.write(text)
        files += 1
        total += len(text)
        for language, suffix in (("python", ".py"), ("javascript", ".js"), ("cli", ".sh")):
            target = os.path.join(folder, language, slug)
            os.makedirs(target)
            chunks = sources[language]
            for k in range(0, len(chunks), PER_FILE):
                body = "".join(chunks[k : k + PER_FILE])
                name = os.path.join(target, f"examples_{k // PER_FILE:03d}{suffix}")
                with open(name, "w") as handle:
                    handle.write(body)
                files += 1
                total += len(body)
    return files, total


def time_validate(folder: str) -> tuple[float, int, str]:
    docgen = shutil.which("docgen") or os.path.join(os.path.dirname(sys.executable), "docgen")
    command = [docgen, "validate", "--metadata", ".doc_gen/metadata", "--root", ".",
               "--config", "config", "--quiet"]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    return elapsed, done.returncode, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best counts")
    parser.add_argument("--keep", action="store_true", help="keep the generated collections")
    args = parser.parse_args(argv)
    print(f"{'examples':>9} {'snippets':>9} {'files':>7} {'MB':>6} {'seconds':>8} {'us/ex':>7}")
    status = 0
    for size in args.sizes:
        folder = tempfile.mkdtemp(prefix=f"docgen-bench-{size}-")
        try:
            files, total = build(folder, size)
            runs = [time_validate(folder) for _ in range(max(1, args.repeat))]
            best = min(r[0] for r in runs)
            code, output = runs[-1][1], runs[-1][2]
            print(
                f"{size:>9,} {3 * size:>9,} {files:>7,} {total / 1e6:>6.1f} {best:>8.2f} "
                f"{best / size * 1e6:>7.0f}"
                + ("" if code == 0 else f"   exit {code}: {output.splitlines()[:3]}"),
                flush=True,
            )
            status = status or code
        finally:
            if args.keep:
                print(f"  kept {folder}")
            else:
                shutil.rmtree(folder, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
