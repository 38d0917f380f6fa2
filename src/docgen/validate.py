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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema

from docgen import calls
from docgen.config import Config, load_config
from docgen.leaks import LeakScanner
from docgen.metadata import Example, MetadataFile, load_file, metadata_files
from docgen.problems import Problem, error, warning
from docgen.snippets import Snippet, extract
from docgen.yamlfile import LineDict, LineList, gc_paused, line_of

# Below this much metadata, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD_BYTES = 1_000_000
_END_PUNCT = ".!?:;"
_TRAILING_ENTITY = re.compile(r"&[\w.-]+;$")


@dataclass
class Collection:
    """Everything validated, as the renderer will consume it."""

    root: str
    config: Config
    examples: dict[str, Example] = field(default_factory=dict)
    snippets: dict[str, Snippet] = field(default_factory=dict)


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
    text = resources.files("docgen").joinpath("metadata_schema.json").read_text("utf-8")
    jsonschema.validators.validator_for(json.loads(text)).check_schema(json.loads(text))
    return text


def _schema() -> dict[str, Any]:
    """A fresh copy of the metadata schema (fastjsonschema changes the one it compiles)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@cache
def _schema_validator() -> Any:
    """jsonschema's validator: every error of an example, with its path, for the messages."""
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
    ex: Example, where: str, value: Any, line: int, *, lower: bool, punct: bool
) -> list[Problem]:
    if not isinstance(value, str):
        return []
    text = value.strip()
    if not text:
        return [error(ex.path, line, f"{ex.id}: {where} is empty")]
    problems = []
    first = text[0]
    first_word = text.split()[0]
    if lower and first.isupper() and not first_word.isupper():
        problems.append(error(ex.path, line, f"{ex.id}: {where} must start in lower case"))
    if not lower and first.islower():
        problems.append(error(ex.path, line, f"{ex.id}: {where} must start with a capital letter"))
    ends_punct = text[-1] in _END_PUNCT and not _TRAILING_ENTITY.search(text)
    if punct and not ends_punct and text[-1] != ";":
        problems.append(error(ex.path, line, f"{ex.id}: {where} must end with punctuation"))
    if not punct and ends_punct:
        problems.append(error(ex.path, line, f"{ex.id}: {where} must not end with punctuation"))
    return problems


def _check_style(ex: Example) -> list[Problem]:
    data: LineDict = ex.data
    problems: list[Problem] = []
    for key in ("title", "title_abbrev", "category"):
        problems += _text_style(ex, key, data.get(key), data.line_of(key), lower=False, punct=False)
    problems += _text_style(
        ex, "synopsis", data.get("synopsis"), data.line_of("synopsis"), lower=True, punct=True
    )
    items = data.get("synopsis_list")
    if isinstance(items, LineList):
        for i, item in enumerate(items):
            problems += _text_style(
                ex, f"synopsis_list[{i}]", item, items.line_of(i), lower=False, punct=True
            )
    for _, _, version, _ in _versions(ex):
        excerpts = version.get("excerpts")
        if not isinstance(excerpts, LineList):
            continue
        for i, excerpt in enumerate(excerpts):
            if isinstance(excerpt, LineDict):
                problems += _text_style(
                    ex,
                    f"excerpt description {excerpt.get('description')!r}"[:60],
                    excerpt.get("description"),
                    excerpt.line_of("description"),
                    lower=False,
                    punct=True,
                )
                if "snippet_tags" not in excerpt and "snippet_files" not in excerpt:
                    problems.append(
                        error(
                            ex.path,
                            excerpts.line_of(i),
                            f"{ex.id}: an excerpt needs snippet_tags or snippet_files",
                        )
                    )
    return problems


def _versions(ex: Example) -> list[tuple[str, int, LineDict, int]]:
    """``(language, line of language, version, line of version)`` for each SDK version."""
    cached: list[tuple[str, int, LineDict, int]] | None = ex.__dict__.get("_versions")
    if cached is not None:
        return cached
    found: list[tuple[str, int, LineDict, int]] = []
    languages = ex.data.get("languages") if isinstance(ex.data, LineDict) else None
    if isinstance(languages, LineDict):
        for language, entry in languages.items():
            versions = entry.get("versions") if isinstance(entry, LineDict) else None
            if not isinstance(versions, LineList):
                continue
            for i, version in enumerate(versions):
                if isinstance(version, LineDict):
                    found.append(
                        (str(language), languages.line_of(language), version, versions.line_of(i))
                    )
    ex.__dict__["_versions"] = found
    return found


def _services(ex: Example) -> dict[str, set[str]]:
    """Service slug -> actions named by ``services`` and every version's ``add_services``."""
    named: dict[str, set[str]] = {}
    sources = [ex.data.get("services") if isinstance(ex.data, LineDict) else None]
    sources += [version.get("add_services") for _, _, version, _ in _versions(ex)]
    for services in sources:
        if not isinstance(services, dict):
            continue
        for slug, actions in services.items():
            bucket = named.setdefault(str(slug), set())
            if isinstance(actions, dict):
                bucket.update(str(a) for a in actions)
    return named


def _check_names(ex: Example, config: Config) -> list[Problem]:
    """Languages, SDK versions and services must be known to the configuration."""
    problems: list[Problem] = []
    for language, language_line, version, _ in _versions(ex):
        sdk = config.sdks.get(language)
        if sdk is None:
            problems.append(
                error(ex.path, language_line, f"{ex.id}: unknown language {language!r} (sdks.yaml)")
            )
            continue
        number = version.get("sdk_version")
        if isinstance(number, int) and number not in sdk.versions:
            known = ", ".join(str(v) for v in sorted(sdk.versions)) or "none"
            problems.append(
                error(
                    ex.path,
                    version.line_of("sdk_version"),
                    f"{ex.id}: {language} has no SDK version {number} in sdks.yaml "
                    f"(known: {known})",
                )
            )
        added = version.get("add_services")
        if isinstance(added, LineDict):
            problems += _unknown_services(ex, added, config)
    services = ex.data.get("services")
    if isinstance(services, LineDict):
        problems += _unknown_services(ex, services, config)
    main = ex.data.get("service_main")
    if isinstance(main, str) and main not in config.services:
        problems.append(
            error(ex.path, ex.data.line_of("service_main"), f"{ex.id}: unknown service {main!r}")
        )
    return problems


def _unknown_services(ex: Example, services: LineDict, config: Config) -> list[Problem]:
    return [
        error(ex.path, services.line_of(slug), f"{ex.id}: unknown service {slug!r} (services.yaml)")
        for slug in services
        if str(slug) not in config.services
    ]


def check_file(mfile: MetadataFile, config: Config) -> list[Problem]:
    """The checks one metadata file can answer on its own."""
    problems: list[Problem] = []
    scanner = LeakScanner(config.allow_list, config.deny_list)
    scanner.scan(mfile.path, mfile.data)
    problems += scanner.problems
    id_pattern = re.compile(rf"{re.escape(mfile.slug)}_[A-Za-z0-9][A-Za-z0-9_]*")
    for ex in mfile.examples:
        if not id_pattern.fullmatch(ex.id):
            problems.append(
                error(
                    ex.path,
                    ex.line,
                    f"{ex.id}: example id must be {mfile.slug}_<Action>, {mfile.slug}_Hello "
                    f"or {mfile.slug}_Scenario_<Name>",
                )
            )
        if not isinstance(ex.data, LineDict):
            problems.append(error(ex.path, ex.line, f"{ex.id}: an example must be a mapping"))
            continue
        try:
            for found in schema_errors(ex.data):
                where = ".".join(str(p) for p in found.absolute_path) or "example"
                line = line_of(ex.data, list(found.absolute_path), ex.line)
                problems.append(error(ex.path, line, f"{ex.id}: {where}: {found.message}"))
        except RecursionError:  # pragma: no cover - nesting is bounded while loading
            problems.append(error(ex.path, ex.line, f"{ex.id}: nesting too deep"))
        problems += _check_style(ex)
        problems += _check_names(ex, config)
    return problems


def load_and_check(path: str, config: Config) -> MetadataFile:
    """Load one metadata file and run its own checks (runs in a worker process)."""
    mfile = load_file(path)
    mfile.problems += check_file(mfile, config)
    mfile.data = b""  # not needed any more; keeps the answer small
    return mfile


# --------------------------------------------------------------------------- whole collection


def _snippet_texts(
    ex: Example, version: LineDict, snippets: dict[str, Snippet], root: str
) -> list[tuple[str, str]]:
    """``(name, text)`` of every snippet and whole file a version shows."""
    texts: list[tuple[str, str]] = []
    excerpts = version.get("excerpts")
    if not isinstance(excerpts, LineList):
        return texts
    for excerpt in excerpts:
        if not isinstance(excerpt, LineDict):
            continue
        tags = excerpt.get("snippet_tags")
        if isinstance(tags, LineList):
            for tag in tags:
                if isinstance(tag, str) and tag in snippets:
                    texts.append((tag, snippets[tag].text))
        files = excerpt.get("snippet_files")
        if isinstance(files, LineList):
            for name in files:
                if isinstance(name, str):
                    path = os.path.join(root, name)
                    try:
                        with open(path, encoding="utf-8", errors="replace") as handle:
                            texts.append((name, handle.read()))
                    except OSError:
                        pass  # reported as a missing snippet file
    return texts


def _check_references(
    ex: Example, snippets: dict[str, Snippet], root: str, used: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    for language, _, version, _ in _versions(ex):
        github = version.get("github")
        if isinstance(github, str) and not os.path.exists(os.path.join(root, github)):
            problems.append(
                error(
                    ex.path,
                    version.line_of("github"),
                    f"{ex.id}: {language} github folder {github!r} does not exist",
                )
            )
        excerpts = version.get("excerpts")
        if not isinstance(excerpts, LineList):
            continue
        for excerpt in excerpts:
            if not isinstance(excerpt, LineDict):
                continue
            tags = excerpt.get("snippet_tags")
            if isinstance(tags, LineList):
                for i, tag in enumerate(tags):
                    if not isinstance(tag, str):
                        continue
                    used.add(tag)
                    if tag not in snippets:
                        problems.append(
                            error(
                                ex.path,
                                tags.line_of(i),
                                f"{ex.id}: {language} snippet tag {tag} not found in any "
                                "source file",
                            )
                        )
            files = excerpt.get("snippet_files")
            if isinstance(files, LineList):
                for i, name in enumerate(files):
                    if isinstance(name, str) and not os.path.isfile(os.path.join(root, name)):
                        problems.append(
                            error(
                                ex.path,
                                files.line_of(i),
                                f"{ex.id}: {language} snippet file {name!r} does not exist",
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
    named = _services(ex)
    action = ex.action
    services_line = ex.data.line_of("services")
    if action is not None and action not in named.get(ex.slug, set()):
        problems.append(
            error(
                ex.path,
                services_line,
                f"{ex.id}: services must name {action} under {ex.slug}",
            )
        )
    # canonical name -> (slug, Action) for the actions of the services this example names
    candidates: dict[str, tuple[str, str]] = {}
    for slug in named:
        for key, name in known.get(slug, {}).items():
            candidates.setdefault(key, (slug, name))
    called_anywhere: set[str] = set()
    checked_any = False
    for language, _, version, version_line in _versions(ex):
        texts = _snippet_texts(ex, version, snippets, root)
        if not texts or language not in calls.STYLES:
            continue
        checked_any = True
        cli = config.cli_service(ex.slug)
        if action is not None:
            strict: set[str] = set()
            for _, text in texts:
                strict |= calls.called(language, text, strict=True, cli_service=cli) or set()
            if calls.canonical(action) not in strict:
                shown = ", ".join(name for name, _ in texts)
                problems.append(
                    error(
                        ex.path,
                        version_line,
                        f"{ex.id}: the {language} snippet {shown} does not call {action} "
                        f"(expected {calls.hint(language, action, cli)!r})",
                    )
                )
        for name, text in texts:
            for key in sorted(calls.called(language, text, strict=False, cli_service=cli) or ()):
                called_anywhere.add(key)
                hit = candidates.get(key)
                if hit is None:
                    continue
                slug, called_action = hit
                if called_action not in named.get(slug, set()):
                    problems.append(
                        error(
                            ex.path,
                            services_line,
                            f"{ex.id}: the {language} snippet {name} calls {called_action}, "
                            f"which services does not name",
                        )
                    )
    if checked_any:
        for slug, actions in named.items():
            for listed in sorted(actions):
                if calls.canonical(listed) not in called_anywhere:
                    problems.append(
                        warning(
                            ex.path,
                            services_line,
                            f"{ex.id}: services names {slug} {listed}, but no snippet calls it",
                        )
                    )
    return problems


def _load_all(paths: list[str], config: Config, jobs: int) -> Any:
    """Start loading the metadata files; returns a callable giving the loaded files."""
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

            return collect
        except (OSError, ValueError, NotImplementedError):
            pass
    return lambda: [load_and_check(p, config) for p in paths]


def validate(
    metadata_folder: str,
    root: str = ".",
    config_folder: str | None = None,
    jobs: int | None = None,
) -> Report:
    """Run every check; never raises for bad input."""
    with gc_paused():
        return _validate(metadata_folder, root, config_folder, jobs)


def _validate(
    metadata_folder: str, root: str, config_folder: str | None, jobs: int | None
) -> Report:
    if config_folder is None:
        config_folder = os.path.join(metadata_folder, "config")
    config, problems = load_config(config_folder, metadata_folder)
    collection = Collection(root=root, config=config)
    if not os.path.isdir(metadata_folder):
        problems.append(error(metadata_folder, 0, "metadata folder not found (see --metadata)"))
        paths: list[str] = []
    else:
        paths = metadata_files(metadata_folder)
        if not paths:
            problems.append(warning(metadata_folder, 0, "no *_metadata.yaml files found"))
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    pending = _load_all(paths, config, jobs)

    scanner = LeakScanner(config.allow_list, config.deny_list)
    # Metadata files are scanned by their loader; configuration files name the deny list.
    skip = frozenset(os.path.abspath(p) for p in [*paths, *config.files])
    index = extract(root, config, on_file=scanner.scan, skip=skip)
    problems += index.problems + scanner.problems
    collection.snippets = index.snippets

    files: list[MetadataFile] = pending()
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
                    )
                )
                continue
            first_seen[ex.id] = ex
    collection.examples = first_seen

    known: dict[str, dict[str, str]] = {}  # slug -> canonical -> Action
    examples = [ex for ex in first_seen.values() if isinstance(ex.data, LineDict)]
    for ex in examples:
        if ex.action is not None:
            known.setdefault(ex.slug, {})[calls.canonical(ex.action)] = ex.action
        for slug, actions in _services(ex).items():
            bucket = known.setdefault(slug, {})
            for action in actions:
                bucket.setdefault(calls.canonical(action), action)

    used: set[str] = set()
    for ex in examples:
        problems += _check_references(ex, index.snippets, root, used)
        problems += _check_meaning(ex, index.snippets, config, known, root)
    for tag, snippet in index.snippets.items():
        if tag not in used:
            problems.append(
                warning(
                    snippet.path,
                    snippet.marker_line,
                    f"snippet tag {tag} is not used by any metadata example",
                )
            )
    return Report(collection, sorted(set(problems)))
