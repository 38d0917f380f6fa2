# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""``docgen``: extract snippets, validate the metadata of a code-example collection, render
its pages and its language folders' READMEs.

    docgen snippets [--root .] [--out DIR | --json]
    docgen validate [--metadata metadata] [--root .] [--config DIR] [--strict]
    docgen render [--out build/docs] [--locale en,ja,it] [--format html|md] [--repo-url URL]
                  [--metadata metadata] [--root .] [--config DIR] [--strict]
    docgen readme [--check] [--metadata metadata] [--root .] [--config DIR]
    docgen headers [--fix] [--config DIR] [PATH ...]

Exit status: 0 clean (warnings allowed unless --strict), 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from typing import Any

from docgen.config import load_config
from docgen.problems import Problem, has_errors
from docgen.snippets import extract
from docgen.validate import validate

# The renderer, the READMEs and the locales (Jinja2, Pygments, Babel) are imported by the
# commands that use them: docgen validate runs in CI on every change, and loading them would
# cost it a tenth of its time and memory.

DEFAULT_CONFIG = os.path.join("metadata", "config")  # validate's default: <metadata>/config
DEFAULT_OUT = os.path.join("build", "docs")


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
    report = validate(
        args.metadata, args.root, args.config, jobs=args.jobs, strict=args.strict or None
    )
    _print_problems(report.problems)
    errors, warnings = len(report.errors), len(report.warnings)
    # Strict (--strict or validation.yaml's strict: true): warnings fail too.
    failed = errors > 0 or (report.collection.config.strict and warnings > 0)
    if not args.quiet:
        files = len(report.collection.snippet_files)
        shown = f" (+ {files} snippet files)" if files else ""
        print(
            f"docgen: {len(report.collection.examples)} examples, "
            f"{len(report.collection.snippets)} snippets{shown}: {errors} errors, "
            f"{warnings} warnings ({time.perf_counter() - started:.2f} s)",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _validated(args: argparse.Namespace, doing: str) -> tuple[int, Any]:
    """Validate first: (0, report) when clean enough to go on, else (1, None) said why."""
    report = validate(
        args.metadata, args.root, args.config, jobs=args.jobs, strict=args.strict or None
    )
    _print_problems(report.problems)
    errors, warnings = len(report.errors), len(report.warnings)
    # Strict (--strict or validation.yaml's strict: true): warnings refuse too.
    if errors > 0 or (report.collection.config.strict and warnings > 0):
        print(
            f"docgen: not {doing}: {errors} errors, {warnings} warnings "
            "(only validated code is published; see docgen validate)",
            file=sys.stderr,
        )
        return 1, None
    return 0, report


def _render(args: argparse.Namespace) -> int:
    from docgen import i18n
    from docgen.render import render

    started = time.perf_counter()
    try:
        locales = i18n.parse_locales(args.locale)
    except i18n.UnknownLocale as exc:
        print(f"docgen: --locale: {exc}", file=sys.stderr)
        return 2
    status, report = _validated(args, "rendering")
    if status:
        return status
    try:
        rendered = render(
            report.collection,
            args.out,
            fmt=args.format,
            repo_url=args.repo_url,
            locales=locales,
            jobs=args.jobs,
        )
    except OSError as exc:
        print(f"docgen: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        pages = len(next(iter(rendered.pages.values()), {}))
        print(
            f"docgen: {pages} pages and an index in {len(locales)} "
            f"{'locale' if len(locales) == 1 else 'locales'} ({', '.join(locales)}) written to "
            f"{args.out} ({len(report.warnings)} warnings, "
            f"{time.perf_counter() - started:.2f} s)",
            file=sys.stderr,
        )
    return 0


def _readme(args: argparse.Namespace) -> int:
    from docgen.readme import readmes, write

    status, report = _validated(args, "writing READMEs")
    if status:
        return status
    results = readmes(report.collection, args.metadata)
    cwd = os.getcwd()
    failed = False
    for result in results:
        if result.problem:
            print(f"{os.path.relpath(result.path, cwd)}: {result.problem}", file=sys.stderr)
            failed = True
    stale = [result for result in results if result.stale]
    if args.check:
        for result in stale:
            what = "missing" if result.old is None else "out of date with the metadata"
            print(
                f"{os.path.relpath(result.path, cwd)}: {what}: run docgen readme (nox -s readme)",
                file=sys.stderr,
            )
        if not args.quiet and not stale and not failed:
            print(f"docgen: {len(results)} READMEs up to date", file=sys.stderr)
        return 1 if stale or failed else 0
    try:
        written = write(stale)
    except OSError as exc:
        print(f"docgen: cannot write a README: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        for result in written:
            print(f"docgen: wrote {os.path.relpath(result.path, cwd)}", file=sys.stderr)
        print(
            f"docgen: {len(results)} READMEs, {len(written)} written",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _headers(args: argparse.Namespace) -> int:
    from docgen.headers import check

    config, problems = load_config(args.config or DEFAULT_CONFIG)
    if has_errors(problems):
        _print_problems(problems)
        return 1
    found, fixed = check(args.paths or ["."], config, fix=args.fix)
    _print_problems(found)
    cwd = os.getcwd()
    for path in fixed:
        print(f"docgen: added the license header to {os.path.relpath(path, cwd)}", file=sys.stderr)
    if not args.quiet and not found:
        done = f", {len(fixed)} fixed" if args.fix else ""
        print(f"docgen: every source file has its license header{done}", file=sys.stderr)
    return 1 if found else 0


def _collection_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--metadata", default="metadata", help="metadata folder (default: metadata)"
    )
    command.add_argument("--root", default=".", help="source root (default: .)")
    command.add_argument(
        "--config", help="configuration folder (default: <metadata>/config)", default=None
    )
    command.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    command.add_argument(
        "--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count)"
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser; with ``command``, only that command's options need to be
    complete (the renderer is not loaded to parse another command)."""
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
    check.add_argument(
        "--strict",
        action="store_true",
        help="also the policies upstream's validator lacks (unused snippets, services that "
        "omit a called action, crossing snippets), and fail on warnings too",
    )
    check.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    check.add_argument(
        "--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count)"
    )
    check.set_defaults(run=_validate)

    pages = commands.add_parser(
        "render", help="validate, then write a page per example and an index, per locale"
    )
    pages.add_argument(
        "--out", default=DEFAULT_OUT, help=f"folder the site is written to (default: {DEFAULT_OUT})"
    )
    _collection_options(pages)
    pages.add_argument("--strict", action="store_true", help="refuse on warnings too")
    pages.set_defaults(run=_render)
    if command in (None, "render"):  # the other commands need not load the renderer
        _render_options(pages)

    docs = commands.add_parser(
        "readme", help="write the list of examples into each language folder's README.md"
    )
    docs.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when a README is stale"
    )
    _collection_options(docs)
    docs.add_argument("--strict", action="store_true", help="refuse on warnings too")
    docs.set_defaults(run=_readme)

    headers = commands.add_parser(
        "headers", help="check that every source file starts with its license header"
    )
    headers.add_argument("paths", nargs="*", help="folders and files (default: .)")
    headers.add_argument("--fix", action="store_true", help="add the header where it is missing")
    headers.add_argument(
        "--config",
        help="configuration folder, for validation.yaml's license_header and excludes "
        f"(default: {DEFAULT_CONFIG})",
    )
    headers.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    headers.set_defaults(run=_headers)
    return parser


def _render_options(pages: argparse.ArgumentParser) -> None:
    from docgen import i18n
    from docgen.render import FORMATS, REPO_URL_PLACEHOLDER

    pages.add_argument(
        "--locale",
        default=",".join(i18n.available()),
        help="comma-separated locales, each in <out>/<locale>/ (default: every catalog, "
        f"{','.join(i18n.available())})",
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


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    # The command is the first argument that is no option (the program has none but -h).
    command = next((a for a in arguments if not a.startswith("-")), None)
    args = build_parser(command).parse_args(arguments)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
