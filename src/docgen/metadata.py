# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Load metadata (stage 1 of the pipeline) into typed records that remember their lines.

A metadata folder holds ``<service-slug>_metadata.yaml`` files; each top-level key is an
example id (``cognito-identity-provider_SignUp``) whose value describes the example. Each file
is parsed once: into its line-aware YAML tree (``MetadataFile.tree``, which only the schema
check reads) and into ``Example`` records with their ``LanguageVersion``s, ``Excerpt``s and
``Services``, which every later stage (validate, render) reads.

Records are built leniently: a value of the wrong type (a title that is a list, an
``sdk_version`` that is text) is left out of the record, and the schema check reports it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from docgen.problems import Kind, Problem, error
from docgen.yamlfile import LineDict, LineList, decode, parse_yaml

SUFFIX = "_metadata.yaml"
_SCENARIO = "Scenario_"
_ACTION = re.compile(r"[A-Za-z0-9]+")


class Ref(NamedTuple):
    """A name the metadata gives (a snippet tag, a file, a synopsis item) and its line."""

    value: str
    line: int


class _Located:
    """A record made from a YAML mapping: the mapping's line and the line of each key."""

    line: int
    key_lines: Mapping[Any, int]

    def line_of(self, key: str) -> int:
        """The line of ``key`` (1-based), or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


@dataclass(frozen=True)
class Services(_Located):
    """``services`` (or ``add_services``): service slug -> the API actions an example shows.
    ``line_of(slug)`` is the line of a slug."""

    actions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    line: int = 0
    key_lines: Mapping[Any, int] = field(default_factory=dict, repr=False, compare=False)

    def merged(self, *others: Services) -> dict[str, tuple[str, ...]]:
        """These services and ``others``' in one mapping, actions in order, without repeats."""
        found: dict[str, dict[str, None]] = {}
        for services in (self, *others):
            for slug, actions in services.actions.items():
                found.setdefault(slug, {}).update(dict.fromkeys(actions))
        return {slug: tuple(actions) for slug, actions in found.items()}


@dataclass(frozen=True)
class Excerpt(_Located):
    """One excerpt of a language version: an optional description, then code."""

    description: str | None
    snippet_tags: tuple[Ref, ...]
    snippet_files: tuple[Ref, ...]
    line: int
    key_lines: Mapping[Any, int] = field(repr=False, compare=False)
    genai: str | None = None

    @property
    def has_code(self) -> bool:
        """Whether the excerpt names snippet tags or files (even an empty list)."""
        return "snippet_tags" in self.key_lines or "snippet_files" in self.key_lines


@dataclass(frozen=True)
class LanguageVersion(_Located):
    """One SDK version of one language of an example (an item of ``versions``)."""

    language: str  # as sdks.yaml names it
    language_line: int
    sdk_version: int | None
    github: str | None
    sdkguide: str | None
    excerpts: tuple[Excerpt, ...]
    add_services: Services
    line: int  # of the version item
    key_lines: Mapping[Any, int] = field(repr=False, compare=False)
    github_name: str | None = None
    block_content: str | None = None


@dataclass
class Example(_Located):
    """One example: its id, where it is defined, and its fields, typed."""

    id: str
    path: str
    line: int
    is_mapping: bool = True  # False when the value under the id is not a mapping at all
    title: str | None = None
    title_abbrev: str | None = None
    synopsis: str | None = None
    synopsis_list: tuple[Ref, ...] = ()
    category_field: str | None = None  # ``category`` as written (see ``category``)
    service_main: str | None = None
    versions: tuple[LanguageVersion, ...] = ()  # every language's versions, in file order
    services: Services = Services()
    key_lines: Mapping[Any, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def slug(self) -> str:
        return self.id.split("_", 1)[0]

    @property
    def name(self) -> str:
        """The part after the service slug: an action, ``Hello`` or ``Scenario_<Name>``."""
        return self.id.split("_", 1)[1] if "_" in self.id else self.id

    @cached_property
    def category(self) -> str:
        """``category`` when given, else ``Hello``, ``Scenarios`` or ``Actions`` from the id."""
        if self.category_field:
            return self.category_field
        if self.name == "Hello":
            return "Hello"
        if self.name.startswith(_SCENARIO):
            return "Scenarios"
        return "Actions"

    @cached_property
    def action(self) -> str | None:
        """The API action an action example shows, or None for any other example."""
        if self.category != "Actions":
            return None
        return self.name if _ACTION.fullmatch(self.name) else None

    @property
    def languages(self) -> dict[str, tuple[LanguageVersion, ...]]:
        """Language -> its versions, in file order."""
        found: dict[str, list[LanguageVersion]] = {}
        for version in self.versions:
            found.setdefault(version.language, []).append(version)
        return {language: tuple(versions) for language, versions in found.items()}

    def services_for(self, version: LanguageVersion | None = None) -> dict[str, tuple[str, ...]]:
        """Service slug -> actions: ``services`` plus ``add_services`` of ``version`` (one
        version) or of every version (``None``: what the example shows in any language)."""
        added = (
            [version.add_services]
            if version is not None
            else [v.add_services for v in self.versions]
        )
        return self.services.merged(*added)


@dataclass
class MetadataFile:
    path: str
    slug: str
    examples: list[Example] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data: bytes = b""  # the file's bytes (scanned for secrets), dropped after the checks
    tree: LineDict | None = None  # the parsed YAML (read by the schema check), dropped after


def metadata_files(folder: str) -> list[str]:
    """The ``*_metadata.yaml`` files directly in ``folder``, sorted."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [
        os.path.join(folder, name)
        for name in names
        if name.endswith(SUFFIX) and os.path.isfile(os.path.join(folder, name))
    ]


def load_file(path: str, max_bytes: int | None = None) -> MetadataFile:
    """Read and parse one metadata file; problems are recorded, never raised. A file larger
    than ``max_bytes`` is refused unread."""
    slug = os.path.basename(path)[: -len(SUFFIX)]
    result = MetadataFile(path=path, slug=slug)
    try:
        size = os.path.getsize(path)
        if max_bytes is not None and size > max_bytes:
            result.problems.append(
                error(
                    path,
                    0,
                    f"metadata file of {size / 1e6:.1f} MB refused: docgen reads files of at "
                    f"most {max_bytes / 1e6:g} MB (max_file_bytes in validation.yaml)",
                    kind=Kind.READ,
                )
            )
            return result
        with open(path, "rb") as handle:
            result.data = handle.read()
    except OSError as exc:
        result.problems.append(
            error(path, 0, f"cannot read: {exc.strerror or exc}", kind=Kind.READ)
        )
        return result
    text, problems = decode(result.data, path)
    result.problems.extend(problems)
    if text is None:
        return result
    value, problems = parse_yaml(text, path)
    result.problems.extend(problems)
    if value is None:
        return result
    if not isinstance(value, LineDict):
        result.problems.append(
            error(
                path,
                getattr(value, "line", 1),
                "a metadata file must map example ids to examples",
                kind=Kind.SCHEMA,
            )
        )
        return result
    result.tree = value
    for key, data in value.items():
        result.examples.append(example_from_yaml(str(key), path, value.line_of(key), data))
    return result


# --------------------------------------------------------------------------- tree -> records


def _text(node: LineDict, key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) else None


def _refs(node: Any) -> tuple[Ref, ...]:
    if not isinstance(node, LineList):
        return ()
    return tuple(
        Ref(item, line)
        for item, line in zip(node, node.item_lines, strict=True)
        if isinstance(item, str)
    )


def _services(node: Any) -> Services:
    """A ``services`` mapping: ``{slug: {Action, ...}}`` (a slug may map to nothing)."""
    if not isinstance(node, LineDict):
        return Services()
    actions = {
        str(slug): tuple(str(a) for a in listed) if isinstance(listed, dict) else ()
        for slug, listed in node.items()
    }
    return Services(actions, node.line, node.key_lines)


def _excerpt(node: LineDict, line: int) -> Excerpt:
    genai = node.get("genai")
    return Excerpt(
        description=_text(node, "description"),
        snippet_tags=_refs(node.get("snippet_tags")),
        snippet_files=_refs(node.get("snippet_files")),
        line=line,
        key_lines=node.key_lines,
        genai=genai if isinstance(genai, str) else None,
    )


def _version(language: str, language_line: int, node: LineDict, line: int) -> LanguageVersion:
    number = node.get("sdk_version")
    excerpts = node.get("excerpts")
    return LanguageVersion(
        language=language,
        language_line=language_line,
        sdk_version=number if isinstance(number, int) and not isinstance(number, bool) else None,
        github=_text(node, "github"),
        sdkguide=_text(node, "sdkguide"),
        excerpts=tuple(
            _excerpt(item, excerpts.line_of(i))
            for i, item in enumerate(excerpts)
            if isinstance(item, LineDict)
        )
        if isinstance(excerpts, LineList)
        else (),
        add_services=_services(node.get("add_services")),
        line=line,
        key_lines=node.key_lines,
        github_name=_text(node, "github_name"),
        block_content=_text(node, "block_content"),
    )


def _versions(node: Any) -> tuple[LanguageVersion, ...]:
    if not isinstance(node, LineDict):
        return ()
    found: list[LanguageVersion] = []
    for language, entry in node.items():
        versions = entry.get("versions") if isinstance(entry, LineDict) else None
        if not isinstance(versions, LineList):
            continue
        for i, version in enumerate(versions):
            if isinstance(version, LineDict):
                found.append(
                    _version(str(language), node.line_of(language), version, versions.line_of(i))
                )
    return tuple(found)


def example_from_yaml(example_id: str, path: str, line: int, data: Any) -> Example:
    """The record of one example from its (line-aware) YAML value."""
    if not isinstance(data, LineDict):
        return Example(example_id, path, line, is_mapping=False)
    category = data.get("category")
    return Example(
        id=example_id,
        path=path,
        line=line,
        title=_text(data, "title"),
        title_abbrev=_text(data, "title_abbrev"),
        synopsis=_text(data, "synopsis"),
        synopsis_list=_refs(data.get("synopsis_list")),
        category_field=category if isinstance(category, str) else None,
        service_main=_text(data, "service_main"),
        versions=_versions(data.get("languages")),
        services=_services(data.get("services")),
        key_lines=data.key_lines,
    )
