"""``docgen``: extract snippets and validate the metadata of a code-example collection.

    docgen snippets [--root .] [--out DIR | --json]
    docgen validate [--metadata metadata] [--root .] [--config DIR] [--strict]
    docgen render --out DIR [--metadata metadata] [--root .] [--config DIR] [--format html|md]
                  [--repo-url URL] [--strict]

Exit status: 0 clean (warnings allowed unless --strict), 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time

from docgen.config import load_config
from docgen.problems import Problem, has_errors
from docgen.render import FORMATS, REPO_URL_PLACEHOLDER, render
from docgen.snippets import extract
from docgen.validate import validate

DEFAULT_CONFIG = os.path.join("metadata", "config")  # validate's default: <metadata>/config


def _print_problems(problems: list[Problem]) -> None:
    cwd = os.getcwd()
    out = sys.stdout
    for problem in problems:
        out.write(problem.format(relative_to=cwd) + "\n")
    out.flush()


def _safe_name(tag: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", tag).lstrip(".") or "_"


def _snippets(args: argparse.Namespace) -> int:
    config = None
    folder = args.config
    if folder is None and os.path.isdir(DEFAULT_CONFIG):
        folder = DEFAULT_CONFIG  # as for validate: its excludes apply here too
    if folder is not None:
        config, problems = load_config(folder)
        if has_errors(problems):
            _print_problems(problems)
            return 1
    index = extract(args.root, config)
    snippets = sorted(index.snippets.values(), key=lambda s: s.tag)
    cwd = os.getcwd()
    if args.json:
        json.dump([s.as_dict() for s in snippets], sys.stdout, indent=1)
        sys.stdout.write("\n")
    elif args.out:
        try:
            os.makedirs(args.out, exist_ok=True)
            for snippet in snippets:
                name = os.path.join(args.out, _safe_name(snippet.tag) + ".txt")
                with open(name, "w", encoding="utf-8") as handle:
                    handle.write(snippet.text + "\n")
            with open(os.path.join(args.out, "index.json"), "w", encoding="utf-8") as handle:
                json.dump([{**s.as_dict(), "text": None} for s in snippets], handle, indent=1)
        except OSError as exc:
            print(f"docgen: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"{len(snippets)} snippets written to {args.out}")
    else:
        for s in snippets:
            path = os.path.relpath(s.path, cwd) if not os.path.isabs(args.root) else s.path
            print(f"{s.tag}\t{path}:{s.first_line}-{s.last_line}")
    for problem in index.problems:
        print(problem.format(relative_to=cwd), file=sys.stderr)
    return 1 if has_errors(index.problems) else 0


def _validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    report = validate(args.metadata, args.root, args.config, jobs=args.jobs)
    _print_problems(report.problems)
    errors, warnings = len(report.errors), len(report.warnings)
    failed = errors > 0 or (args.strict and warnings > 0)
    if not args.quiet:
        print(
            f"docgen: {len(report.collection.examples)} examples, "
            f"{len(report.collection.snippets)} snippets: {errors} errors, {warnings} warnings "
            f"({time.perf_counter() - started:.2f} s)",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _render(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    report = validate(args.metadata, args.root, args.config, jobs=args.jobs)
    _print_problems(report.problems)
    errors, warnings = len(report.errors), len(report.warnings)
    if errors > 0 or (args.strict and warnings > 0):
        print(
            f"docgen: not rendering: {errors} errors, {warnings} warnings "
            "(a page shows only validated code; see docgen validate)",
            file=sys.stderr,
        )
        return 1
    try:
        rendered = render(report.collection, args.out, fmt=args.format, repo_url=args.repo_url)
    except OSError as exc:
        print(f"docgen: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(
            f"docgen: {len(rendered.pages)} pages and {os.path.basename(rendered.index)} "
            f"written to {args.out} ({warnings} warnings, "
            f"{time.perf_counter() - started:.2f} s)",
            file=sys.stderr,
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docgen",
        description="Extract snippets, validate code-example metadata and render its pages.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    snippets = commands.add_parser("snippets", help="extract every snippet")
    snippets.add_argument("--root", default=".", help="source root to search (default: .)")
    snippets.add_argument(
        "--config",
        help="configuration folder, for validation.yaml's excludes (default: metadata/config "
        "when it exists)",
    )
    output = snippets.add_mutually_exclusive_group()
    output.add_argument("--out", help="write <tag>.txt files and index.json into this folder")
    output.add_argument("--json", action="store_true", help="print the snippets as JSON")
    snippets.set_defaults(run=_snippets)

    check = commands.add_parser("validate", help="validate metadata and snippets")
    check.add_argument("--metadata", default="metadata", help="metadata folder (default: metadata)")
    check.add_argument("--root", default=".", help="source root (default: .)")
    check.add_argument(
        "--config", help="configuration folder (default: <metadata>/config)", default=None
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    check.add_argument(
        "--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count)"
    )
    check.set_defaults(run=_validate)

    pages = commands.add_parser(
        "render", help="validate, then write a page per example and an index"
    )
    pages.add_argument("--out", required=True, help="folder the pages are written to")
    pages.add_argument("--metadata", default="metadata", help="metadata folder (default: metadata)")
    pages.add_argument("--root", default=".", help="source root (default: .)")
    pages.add_argument(
        "--config", help="configuration folder (default: <metadata>/config)", default=None
    )
    pages.add_argument(
        "--format", choices=FORMATS, default="html", help="page format (default: html)"
    )
    pages.add_argument(
        "--repo-url",
        metavar="URL",
        default=None,
        help="base address of the repository for the complete-example links, e.g. "
        f"{REPO_URL_PLACEHOLDER} (default: relative links into --root)",
    )
    pages.add_argument("--strict", action="store_true", help="refuse on warnings too")
    pages.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    pages.add_argument(
        "--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count)"
    )
    pages.set_defaults(run=_render)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
