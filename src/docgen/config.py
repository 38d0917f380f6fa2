# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Configuration: the world the metadata refers to (stage 0 of the pipeline).

A configuration folder holds the upstream files ``sdks.yaml``, ``services.yaml`` and
``entities.yaml`` and, optionally, ``validation.yaml`` (allow list, deny list, excluded
paths). An upstream configuration folder can be passed as is; when it has no
``validation.yaml``, the one beside the metadata folder (upstream: ``.doc_gen/``) is used.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from docgen import languages
from docgen.problems import Kind, Problem, error
from docgen.yamlfile import LineDict, load_yaml_file

# Public look-alikes that are not secrets: the AWS documentation's own example keys.
DEFAULT_ALLOW_LIST = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    }
)
# Hosts of unreleased documentation must never appear in published code. (Spelled in two
# parts so that this file does not trip the check it configures.)
DEFAULT_DENY_LIST = ("alpha-docs-aws" + ".amazon.com", "integ-docs-aws" + ".amazon.com")
# Folders never searched for snippets (by name, anywhere below the root), whatever the
# language; each language's build folders come from the language table. (Not "dist": the
# upstream collection publishes pages from dist/ folders; .gitignore rules say what is built.)
GENERIC_EXCLUDED_DIRS = frozenset({".git", ".hg", ".svn", ".idea", ".vscode", "build"})
DEFAULT_MAX_FILE_BYTES = 2_000_000


def excluded_dirs() -> frozenset[str]:
    """Folder names (or globs) never searched: the generic ones and every language's build."""
    return GENERIC_EXCLUDED_DIRS | languages.build_folders()


@dataclass
class Sdk:
    language: str
    property: str
    versions: dict[int, dict[str, Any]]
    line: int = 0  # of the language in sdks.yaml


@dataclass(frozen=True)
class HeaderRule:
    """The license header every source file starts with (``docgen headers``): a copyright
    notice and the SPDX license identifiers allowed, the first one written by ``--fix``."""

    copyright: str
    licenses: tuple[str, ...]


@dataclass
class Config:
    folder: str
    sdks: dict[str, Sdk] = field(default_factory=dict)
    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)
    allow_list: frozenset[str] = DEFAULT_ALLOW_LIST
    deny_list: tuple[str, ...] = DEFAULT_DENY_LIST
    excluded_dirs: frozenset[str] = field(default_factory=excluded_dirs)
    exclude: tuple[str, ...] = ()  # path globs relative to the root
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    files: tuple[str, ...] = ()  # the configuration files read (they name the deny list)
    # The policies the upstream collection's validator does not have (problems.STRICT_KINDS)
    strict: bool = False
    # validation.yaml's license_header: {copyright, licenses}; None: upstream's own lines
    license_header: HeaderRule | None = None

    def service_in_calls(self, language: str, slug: str) -> str:
        """How ``language``'s code names the service ``slug`` when calls name it (the AWS CLI:
        ``aws cognito-idp ...``): the SDK's ``api_ref.service_map`` entry (sdks.yaml), else the
        service's API version without its date (services.yaml ``cognito-idp-2016-04-18``), else
        the slug."""
        sdk = self.sdks.get(language)
        for version in sdk.versions.values() if sdk is not None else ():
            api_ref = version.get("api_ref")
            if isinstance(api_ref, dict):
                mapping = api_ref.get("service_map")
                if isinstance(mapping, dict) and isinstance(mapping.get(slug), str):
                    return str(mapping[slug])
        api_version = (self.services.get(slug) or {}).get("version")
        if isinstance(api_version, str):
            match = _API_VERSION.fullmatch(api_version)
            if match:
                return match.group(1)
        return slug


_API_VERSION = re.compile(r"([a-z0-9-]+?)-\d{4}-\d{2}-\d{2}")


def _mapping(value: Any, path: str, what: str, problems: list[Problem]) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(
            error(path, getattr(value, "line", 1), f"{what} must be a mapping", kind=Kind.CONFIG)
        )
        return {}
    return value


def _load(folder: str, name: str, problems: list[Problem], required: bool) -> tuple[Any, str]:
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        if required:
            problems.append(error(path, 0, f"configuration file {name} not found", kind=Kind.READ))
        return None, path
    value, found, _ = load_yaml_file(path)
    problems.extend(found)
    return value, path


def _load_sdks(value: Any, path: str, problems: list[Problem]) -> dict[str, Sdk]:
    sdks: dict[str, Sdk] = {}
    for language, entry in _mapping(value, path, "sdks.yaml", problems).items():
        line = value.line_of(language) if isinstance(value, LineDict) else 0
        if not isinstance(entry, dict) or not isinstance(entry.get("sdk"), dict):
            problems.append(
                error(path, line, f"SDK {language!r} needs an 'sdk' mapping", kind=Kind.CONFIG)
            )
            continue
        versions: dict[int, dict[str, Any]] = {}
        for number, details in entry["sdk"].items():
            if isinstance(number, bool) or not isinstance(number, int):
                problems.append(
                    error(
                        path,
                        line,
                        f"SDK {language!r}: version {number!r} is not a number",
                        kind=Kind.CONFIG,
                    )
                )
                continue
            versions[number] = details if isinstance(details, dict) else {}
        sdks[str(language)] = Sdk(str(language), str(entry.get("property", "")), versions, line)
        if languages.get(str(language)) is None:
            problems.append(
                error(
                    path,
                    line,
                    f"language {language!r} has no entry in docgen's language table "
                    "(src/docgen/languages.py): its snippet markers, call check and "
                    "highlighting are unknown",
                    kind=Kind.NO_LANGUAGE_ENTRY,
                )
            )
    return sdks


def _string_list(value: Any, path: str, key: str, problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(
            error(
                path,
                getattr(value, "line", 0),
                f"{key} must be a list of strings",
                kind=Kind.CONFIG,
            )
        )
        return []
    return list(value)


def load_config(folder: str, metadata_folder: str | None = None) -> tuple[Config, list[Problem]]:
    """Load a configuration folder. Missing or broken files are problems, never exceptions."""
    problems: list[Problem] = []
    config = Config(folder=folder)
    if not os.path.isdir(folder):
        return config, [
            error(folder, 0, "configuration folder not found (see --config)", kind=Kind.READ)
        ]

    sdks, sdks_path = _load(folder, "sdks.yaml", problems, required=True)
    config.sdks = _load_sdks(sdks, sdks_path, problems)

    services, services_path = _load(folder, "services.yaml", problems, required=True)
    for slug, entry in _mapping(services, services_path, "services.yaml", problems).items():
        config.services[str(slug)] = entry if isinstance(entry, dict) else {}

    entities, entities_path = _load(folder, "entities.yaml", problems, required=False)
    overrides = _mapping(entities, entities_path, "entities.yaml", problems).get(
        "expanded_override"
    )
    for name, text in _mapping(overrides, entities_path, "expanded_override", problems).items():
        config.entities[str(name)] = str(text)

    validation, validation_path = _load(folder, "validation.yaml", problems, required=False)
    if validation is None and metadata_folder is not None:
        beside = os.path.dirname(os.path.abspath(metadata_folder))
        validation, validation_path = _load(beside, "validation.yaml", problems, required=False)
    config.files = tuple(
        path
        for path in (sdks_path, services_path, entities_path, validation_path)
        if os.path.isfile(path)
    )
    rules = _mapping(validation, validation_path, "validation.yaml", problems)
    allow = _string_list(rules.get("allow_list"), validation_path, "allow_list", problems)
    config.allow_list = DEFAULT_ALLOW_LIST | frozenset(allow)
    deny = _string_list(rules.get("deny_list"), validation_path, "deny_list", problems)
    config.deny_list = tuple(dict.fromkeys([*DEFAULT_DENY_LIST, *deny]))
    exclude = _string_list(rules.get("exclude"), validation_path, "exclude", problems)
    config.exclude = tuple(exclude)
    strict = rules.get("strict", False)
    if isinstance(strict, bool):
        config.strict = strict
    else:
        problems.append(
            error(
                validation_path,
                rules.line_of("strict") if isinstance(rules, LineDict) else 0,
                "strict must be true or false",
                kind=Kind.CONFIG,
            )
        )
    config.license_header = _license_header(rules, validation_path, problems)
    size = rules.get("max_file_bytes")
    if isinstance(size, int) and not isinstance(size, bool) and size > 0:
        config.max_file_bytes = size
    return config, problems


def _license_header(rules: Any, path: str, problems: list[Problem]) -> HeaderRule | None:
    value = rules.get("license_header") if isinstance(rules, dict) else None
    if value is None:
        return None
    line = rules.line_of("license_header") if isinstance(rules, LineDict) else 0
    copyright = value.get("copyright") if isinstance(value, dict) else None
    licenses = value.get("licenses") if isinstance(value, dict) else None
    if (
        isinstance(copyright, str)
        and copyright.strip()
        and isinstance(licenses, list)
        and licenses
        and all(isinstance(name, str) and name.strip() for name in licenses)
    ):
        return HeaderRule(copyright.strip(), tuple(name.strip() for name in licenses))
    problems.append(
        error(
            path,
            line,
            "license_header needs copyright (a line of text) and licenses (SPDX identifiers)",
            kind=Kind.CONFIG,
        )
    )
    return None


_ENTITY = re.compile(r"&[\w.-]+;")


def expand_entities(text: str, config: Config) -> str:
    """Replace the entities ``config`` knows (``&COG;``) by their text; keep the others."""
    return _ENTITY.sub(lambda m: config.entities.get(m.group(0), m.group(0)), text)
