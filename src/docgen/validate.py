# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Validate metadata against snippets and configuration (stage 3 of the pipeline).

``validate()`` loads the configuration, the metadata (per file: YAML, schema, style, names
known to the configuration) and the snippets (markers), then checks what ties them together:
every tag named exists and every snippet is used, github folders and snippet files exist,
nothing secret or deny-listed is published, and each snippet means what its page says (an
action's snippet calls that action; ``services`` names every action a snippet calls).

The result is a ``Collection`` (what a renderer needs) and the sorted problems.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema

from docgen import languages, names
from docgen.config import Config, load_config
from docgen.leaks import LeakScanner
from docgen.metadata import (
    Example,
    LanguageVersion,
    MetadataFile,
    Services,
    load_file,
    metadata_files,
)
from docgen.problems import STRICT_KINDS, Kind, Problem, error, warning
from docgen.snippets import Snippet, decode_source, extract
from docgen.yamlfile import gc_paused, line_of

# Below this much metadata, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD_BYTES = 4_000_000
_END_PUNCT = ".!?:;"
# An example id: <prefix>_<name>. The prefix is the file's service slug, another services.yaml
# key (api-gateway-management-api_metadata.yaml holds apigatewaymanagementapi_...), or one of
# these for examples of several services.
_ID_PREFIXES = frozenset({"cross", "serverless"})
_ID_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_TRAILING_ENTITY = re.compile(r"&[\w.-]+;$")


@dataclass
class Collection:
    """Everything validated, as the renderer will consume it."""

    root: str
    config: Config
    examples: dict[str, Example] = field(default_factory=dict)
    # Every snippet found; the text of one no example shows may be left empty.
    snippets: dict[str, Snippet] = field(default_factory=dict)
    # The whole files examples show (``snippet_files``) that exist, relative to ``root``.
    snippet_files: set[str] = field(default_factory=set)


@dataclass
class Report:
    collection: Collection
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@cache
def _schema_text() -> str:
    return resources.files("docgen").joinpath("metadata_schema.json").read_text("utf-8")


def _schema() -> dict[str, Any]:
    """A fresh copy of the metadata schema (fastjsonschema changes the one it compiles)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@cache
def _schema_validator() -> Any:
    """jsonschema's validator: every error of an example, with its path, for the messages.
    (Imported only when an example is invalid: loading jsonschema costs more than checking
    a valid collection.)"""
    import jsonschema

    schema = _schema()
    # Resolving "$ref" costs more than the rest of the validation: the schema is not
    # recursive, so its references are replaced by their targets once.
    return jsonschema.validators.validator_for(schema)(
        _inline_refs(schema, schema.get("$defs", {}))
    )


@cache
def _schema_holds() -> Any:
    """The same schema compiled by fastjsonschema: a fast yes/no for the common, valid case."""
    return fastjsonschema.compile(_schema())


def schema_errors(data: Any) -> list[Any]:
    """The schema errors of one example: none for a valid one (checked fast), else all of them."""
    try:
        _schema_holds()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        return list(_schema_validator().iter_errors(data))


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.split("/")[-1]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


# --------------------------------------------------------------------------- per file


def _text_style(
    ex: Example, where: str, value: str | None, line: int, *, lower: bool, punct: bool
) -> list[Problem]:
    if value is None:
        return []
    text = value.strip()
    if not text:
        return [error(ex.path, line, f"{ex.id}: {where} is empty", kind=Kind.STYLE)]
    messages = []
    first = text[0]
    first_word = text.split()[0]
    if lower and first.isupper() and not first_word.isupper():
        messages.append("must start in lower case")
    if not lower and first.islower():
        messages.append("must start with a capital letter")
    ends_punct = text[-1] in _END_PUNCT and not _TRAILING_ENTITY.search(text)
    if punct and not ends_punct and text[-1] != ";":
        messages.append("must end with punctuation")
    if not punct and ends_punct:
        messages.append("must not end with punctuation")
    return [error(ex.path, line, f"{ex.id}: {where} {m}", kind=Kind.STYLE) for m in messages]


def _check_style(ex: Example) -> list[Problem]:
    problems: list[Problem] = []
    for key, value in (
        ("title", ex.title),
        ("title_abbrev", ex.title_abbrev),
        ("category", ex.category_field),
    ):
        problems += _text_style(ex, key, value, ex.line_of(key), lower=False, punct=False)
    problems += _text_style(
        ex, "synopsis", ex.synopsis, ex.line_of("synopsis"), lower=True, punct=True
    )
    for i, item in enumerate(ex.synopsis_list):
        problems += _text_style(
            ex, f"synopsis_list[{i}]", item.value, item.line, lower=False, punct=True
        )
    for version in ex.versions:
        for excerpt in version.excerpts:
            problems += _text_style(
                ex,
                f"excerpt description {excerpt.description!r}"[:60],
                excerpt.description,
                excerpt.line_of("description"),
                lower=False,
                punct=True,
            )
            if not excerpt.has_code:
                problems.append(
                    error(
                        ex.path,
                        excerpt.line,
                        f"{ex.id}: an excerpt needs snippet_tags or snippet_files",
                        kind=Kind.EXCERPT_WITHOUT_CODE,
                    )
                )
    return problems


def _check_names(ex: Example, config: Config) -> list[Problem]:
    """Languages, SDK versions and services must be known to the configuration."""
    problems: list[Problem] = []
    for version in ex.versions:
        sdk = config.sdks.get(version.language)
        if sdk is None:
            problems.append(
                error(
                    ex.path,
                    version.language_line,
                    f"{ex.id}: unknown language {version.language!r} (sdks.yaml)",
                    kind=Kind.UNKNOWN_LANGUAGE,
                )
            )
            continue
        number = version.sdk_version
        if number is not None and number not in sdk.versions:
            known = ", ".join(str(v) for v in sorted(sdk.versions)) or "none"
            problems.append(
                error(
                    ex.path,
                    version.line_of("sdk_version"),
                    f"{ex.id}: {version.language} has no SDK version {number} in sdks.yaml "
                    f"(known: {known})",
                    kind=Kind.UNKNOWN_SDK_VERSION,
                )
            )
        problems += _unknown_services(ex, version.add_services, config)
    problems += _unknown_services(ex, ex.services, config)
    main = ex.service_main
    if main is not None and main not in config.services:
        problems.append(
            error(
                ex.path,
                ex.line_of("service_main"),
                f"{ex.id}: unknown service {main!r}",
                kind=Kind.UNKNOWN_SERVICE,
            )
        )
    return problems


def _unknown_services(ex: Example, services: Services, config: Config) -> list[Problem]:
    return [
        error(
            ex.path,
            services.line_of(slug),
            f"{ex.id}: unknown service {slug!r} (services.yaml)",
            kind=Kind.UNKNOWN_SERVICE,
        )
        for slug in services.actions
        if slug not in config.services
    ]


def check_file(mfile: MetadataFile, config: Config) -> list[Problem]:
    """The checks one metadata file can answer on its own."""
    problems: list[Problem] = []
    problems += LeakScanner(config.allow_list, config.deny_list).scan(mfile.path, mfile.data)
    tree = mfile.tree if mfile.tree is not None else {}
    for ex in mfile.examples:
        prefix, _, name = ex.id.partition("_")
        known_prefix = prefix == mfile.slug or prefix in config.services or prefix in _ID_PREFIXES
        if not (known_prefix and _ID_NAME.fullmatch(name)):
            problems.append(
                error(
                    ex.path,
                    ex.line,
                    f"{ex.id}: example id must be {mfile.slug}_<Action>, {mfile.slug}_Hello "
                    f"or {mfile.slug}_Scenario_<Name> (or start with another service of "
                    "services.yaml)",
                    kind=Kind.EXAMPLE_ID,
                )
            )
        if not ex.is_mapping:
            problems.append(
                error(ex.path, ex.line, f"{ex.id}: an example must be a mapping", kind=Kind.SCHEMA)
            )
            continue
        data = tree.get(ex.id)
        try:
            for found in schema_errors(data):
                where = ".".join(str(p) for p in found.absolute_path) or "example"
                line = line_of(data, list(found.absolute_path), ex.line)
                problems.append(
                    error(ex.path, line, f"{ex.id}: {where}: {found.message}", kind=Kind.SCHEMA)
                )
        except RecursionError:  # pragma: no cover - nesting is bounded while loading
            problems.append(error(ex.path, ex.line, f"{ex.id}: nesting too deep", kind=Kind.SCHEMA))
        problems += _check_style(ex)
        problems += _check_names(ex, config)
    return problems


def load_and_check(path: str, config: Config) -> MetadataFile:
    """Load one metadata file and run its own checks (runs in a worker process)."""
    mfile = load_file(path, config.max_file_bytes)
    mfile.problems += check_file(mfile, config)
    # The records are all later stages need; dropping the rest keeps the answer small.
    mfile.data = b""
    mfile.tree = None
    return mfile


# --------------------------------------------------------------------------- whole collection


def _snippet_texts(
    version: LanguageVersion, snippets: dict[str, Snippet], root: str
) -> list[tuple[str, str]]:
    """``(name, text)`` of every snippet and whole file a version shows."""
    texts: list[tuple[str, str]] = []
    for excerpt in version.excerpts:
        for tag in excerpt.snippet_tags:
            if tag.value in snippets:
                texts.append((tag.value, snippets[tag.value].text))
        for name in excerpt.snippet_files:
            path = os.path.join(root, name.value)
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    texts.append((name.value, handle.read()))
            except OSError:
                pass  # reported as a missing snippet file
    return texts


def _check_references(
    ex: Example, snippets: dict[str, Snippet], root: str, used: set[str], files: set[str]
) -> list[Problem]:
    """Tags, snippet files and github folders exist; the tags used and the files found are
    added to ``used`` and ``files``."""
    problems: list[Problem] = []
    for version in ex.versions:
        language = version.language
        github = version.github
        if github is not None and not os.path.exists(os.path.join(root, github)):
            problems.append(
                error(
                    ex.path,
                    version.line_of("github"),
                    f"{ex.id}: {language} github folder {github!r} does not exist",
                    kind=Kind.MISSING_FILE,
                )
            )
        for excerpt in version.excerpts:
            for tag in excerpt.snippet_tags:
                used.add(tag.value)
                if tag.value not in snippets:
                    problems.append(
                        error(
                            ex.path,
                            tag.line,
                            f"{ex.id}: {language} snippet tag {tag.value} not found in any "
                            "source file",
                            kind=Kind.MISSING_SNIPPET,
                        )
                    )
            for name in excerpt.snippet_files:
                path = os.path.join(root, name.value)
                try:
                    with open(path, "rb") as handle:
                        decode_source(handle.read(), path, problems)
                    files.add(name.value)
                except OSError:
                    problems.append(
                        error(
                            ex.path,
                            name.line,
                            f"{ex.id}: {language} snippet file {name.value!r} does not exist",
                            kind=Kind.MISSING_FILE,
                        )
                    )
    return problems


def _check_meaning(
    ex: Example,
    snippets: dict[str, Snippet],
    config: Config,
    known: dict[str, dict[str, str]],
    root: str,
) -> list[Problem]:
    """An action's snippets call the action; ``services`` names what the snippets call."""
    problems: list[Problem] = []
    # SendEmail.simple and SendEmail.template are two variants of SendEmail.
    named = {
        slug: {action.split(".", 1)[0] for action in actions}
        for slug, actions in ex.services_for().items()
    }
    action = ex.action
    services_line = ex.line_of("services")
    if action is not None and action not in named.get(ex.slug, set()):
        problems.append(
            error(
                ex.path,
                services_line,
                f"{ex.id}: services must name {action} under {ex.slug}",
                kind=Kind.SERVICES_LACK_ACTION,
            )
        )
    # The actions of the services this example names, by canonical name (first service wins).
    known_here = [(slug, known.get(slug, {})) for slug in named]

    def candidate(key: str) -> tuple[str, str] | None:
        for slug, actions in known_here:
            name = actions.get(key)
            if name is not None:
                return slug, name
        return None

    called_anywhere: set[str] = set()
    checked_any = False
    for version in ex.versions:
        language = languages.get(version.language)
        check = language.call_check(version.sdk_version) if language is not None else None
        if language is None or check is None:
            # No entry: reported once, for sdks.yaml (no-language-entry) or the metadata
            # (unknown-language). No call shapes: the table says why (no_call_check).
            continue
        texts = _snippet_texts(version, snippets, root)
        if not texts:
            continue
        checked_any = True
        service = config.service_in_calls(language.name, ex.slug)
        if action is not None and not any(
            check.calls(action, text, service=service, slug=ex.slug) for _, text in texts
        ):
            shown = ", ".join(name for name, _ in texts)
            problems.append(
                error(
                    ex.path,
                    version.line,
                    f"{ex.id}: the {language.name} snippet {shown} does not call {action} "
                    f"(expected {check.hint(action, service)!r})"
                    + _what_is_called(check, texts, service, ex.slug, candidate),
                    kind=Kind.CALL,
                )
            )
        if not config.strict:
            continue  # what follows feeds the strict policies only
        for name, text in texts:
            for key in sorted(check.called(text, strict=False, service=service, slug=ex.slug)):
                called_anywhere.add(key)
                hit = candidate(key)
                if hit is None:
                    continue
                slug, called_action = hit
                if called_action not in named.get(slug, set()):
                    problems.append(
                        error(
                            ex.path,
                            services_line,
                            f"{ex.id}: the {language.name} snippet {name} calls {called_action}, "
                            f"which services does not name",
                            kind=Kind.SERVICES_LACK_CALL,
                        )
                    )
    if checked_any and config.strict:
        for slug, actions in named.items():
            for listed in sorted(actions):
                if names.canonical(listed) not in called_anywhere:
                    problems.append(
                        warning(
                            ex.path,
                            services_line,
                            f"{ex.id}: services names {slug} {listed}, but no snippet calls it",
                            kind=Kind.SERVICES_UNCALLED,
                        )
                    )
    return problems


_SHOWN_CALLS = 5


def _what_is_called(
    check: languages.CallCheck,
    texts: list[tuple[str, str]],
    service: str,
    slug: str,
    candidate: Callable[[str], tuple[str, str] | None],
) -> str:
    """What the snippets call instead, among the actions the metadata knows for the example's
    services (``candidate``: canonical name -> (service, action)), for the reader of a call
    problem ("" when none): a wrong snippet shows another action; a variant named as the
    action shows the operation it uses."""
    called: set[str] = set()
    for _, text in texts:
        called |= check.called(text, strict=True, service=service, slug=slug)
    shown = sorted({hit[1] for key in called if (hit := candidate(key)) is not None})
    if not shown:
        return ""
    more = f" and {len(shown) - _SHOWN_CALLS} more" if len(shown) > _SHOWN_CALLS else ""
    return f"; it calls {', '.join(shown[:_SHOWN_CALLS])}{more}"


def _load_all(paths: list[str], config: Config, jobs: int) -> tuple[Any, bool]:
    """Start loading the metadata files: a callable giving the loaded files, and whether
    worker processes load them (meanwhile, the caller can do something else)."""
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += os.path.getsize(path)
    if jobs > 1 and len(paths) > 1 and size >= PARALLEL_THRESHOLD_BYTES:
        try:
            method = (
                "fork"
                if sys.platform.startswith("linux") and threading.active_count() == 1
                else None
            )
            context = multiprocessing.get_context(method)
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
            chunk = max(1, len(paths) // (jobs * 4))
            results = pool.map(load_and_check, paths, [config] * len(paths), chunksize=chunk)

            def collect() -> list[MetadataFile]:
                try:
                    return list(results)
                except Exception:  # a worker died: fall back to loading here
                    return [load_and_check(p, config) for p in paths]
                finally:
                    pool.shutdown()

            return collect, True
        except (OSError, ValueError, NotImplementedError):
            pass
    return (lambda: [load_and_check(p, config) for p in paths]), False


def validate(
    metadata_folder: str,
    root: str = ".",
    config_folder: str | None = None,
    jobs: int | None = None,
    strict: bool | None = None,
) -> Report:
    """Run every check; never raises for bad input.

    ``strict``: also the policies the upstream collection's validator does not have
    (``problems.STRICT_KINDS``); ``None`` leaves it to validation.yaml's ``strict``.
    """
    with gc_paused():
        return _validate(metadata_folder, root, config_folder, jobs, strict)


def _validate(
    metadata_folder: str,
    root: str,
    config_folder: str | None,
    jobs: int | None,
    strict: bool | None,
) -> Report:
    if config_folder is None:
        config_folder = os.path.join(metadata_folder, "config")
    config, problems = load_config(config_folder, metadata_folder)
    if strict is not None:
        config.strict = strict
    collection = Collection(root=root, config=config)
    if not os.path.isdir(metadata_folder):
        problems.append(
            error(metadata_folder, 0, "metadata folder not found (see --metadata)", kind=Kind.READ)
        )
        paths: list[str] = []
    else:
        paths = metadata_files(metadata_folder)
        if not paths:
            problems.append(
                warning(metadata_folder, 0, "no *_metadata.yaml files found", kind=Kind.READ)
            )
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    pending, parallel = _load_all(paths, config, jobs)
    keep: set[str] | None = None
    if not parallel:
        # Loaded first, the metadata says which snippets are shown: only their text is kept
        # (a collection's unused snippets hold as much text as its used ones).
        files: list[MetadataFile] = pending()
        keep = {
            tag.value
            for mfile in files
            for ex in mfile.examples
            for version in ex.versions
            for excerpt in version.excerpts
            for tag in excerpt.snippet_tags
        }

    scanner = LeakScanner(config.allow_list, config.deny_list)
    # Metadata files are scanned by their loader; configuration files name the deny list.
    skip = frozenset(os.path.abspath(p) for p in [*paths, *config.files])
    # (With the metadata loading in workers already, one process reads the sources.)
    index = extract(
        root, config, on_file=scanner.scan, skip=skip, keep=keep, jobs=1 if parallel else jobs
    )
    problems += index.problems
    collection.snippets = index.snippets

    if parallel:
        files = pending()
    first_seen: dict[str, Example] = {}
    for mfile in files:
        problems += mfile.problems
        for ex in mfile.examples:
            if ex.id in first_seen:
                other = first_seen[ex.id]
                problems.append(
                    error(
                        ex.path,
                        ex.line,
                        f"{ex.id}: example id also defined at {other.path}:{other.line}",
                        kind=Kind.EXAMPLE_ID,
                    )
                )
                continue
            first_seen[ex.id] = ex
    collection.examples = first_seen

    known: dict[str, dict[str, str]] = {}  # slug -> canonical -> Action
    examples = [ex for ex in first_seen.values() if ex.is_mapping]
    for ex in examples:
        if ex.action is not None:
            known.setdefault(ex.slug, {})[names.canonical(ex.action)] = ex.action
        for slug, actions in ex.services_for().items():
            bucket = known.setdefault(slug, {})
            for action in actions:
                action = action.split(".", 1)[0]
                bucket.setdefault(names.canonical(action), action)

    used: set[str] = set()
    for ex in examples:
        problems += _check_references(ex, index.snippets, root, used, collection.snippet_files)
        problems += _check_meaning(ex, index.snippets, config, known, root)
    if config.strict:
        for tag, snippet in index.snippets.items():
            if tag not in used:
                problems.append(
                    warning(
                        snippet.path,
                        snippet.marker_line,
                        f"snippet tag {tag} is not used by any metadata example",
                        kind=Kind.UNUSED_SNIPPET,
                    )
                )
    else:
        problems = [p for p in problems if p.kind not in STRICT_KINDS]
    return Report(collection, sorted(set(problems)))
