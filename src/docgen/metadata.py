"""Load metadata (stage 1 of the pipeline).

A metadata folder holds ``<service-slug>_metadata.yaml`` files; each top-level key is an
example id (``cognito-identity-provider_SignUp``) whose value describes the example.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from docgen.problems import Problem, error
from docgen.yamlfile import LineDict, decode, parse_yaml

SUFFIX = "_metadata.yaml"
_SCENARIO = "Scenario_"


@dataclass
class Example:
    """One example: its id, where it is defined, and its (line-aware) fields."""

    id: str
    path: str
    line: int
    data: Any  # a LineDict when well formed

    @property
    def slug(self) -> str:
        return self.id.split("_", 1)[0]

    @property
    def name(self) -> str:
        """The part after the service slug: an action, ``Hello`` or ``Scenario_<Name>``."""
        return self.id.split("_", 1)[1] if "_" in self.id else self.id

    @property
    def category(self) -> str:
        value = self.data.get("category") if isinstance(self.data, dict) else None
        if isinstance(value, str) and value:
            return value
        if self.name == "Hello":
            return "Hello"
        if self.name.startswith(_SCENARIO):
            return "Scenarios"
        return "Actions"

    @property
    def action(self) -> str | None:
        """The API action an action example shows, or None for any other example."""
        if self.category != "Actions":
            return None
        return self.name if re.fullmatch(r"[A-Za-z0-9]+", self.name) else None


@dataclass
class MetadataFile:
    path: str
    slug: str
    examples: list[Example] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data: bytes = b""


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


def load_file(path: str) -> MetadataFile:
    """Read and parse one metadata file; problems are recorded, never raised."""
    slug = os.path.basename(path)[: -len(SUFFIX)]
    result = MetadataFile(path=path, slug=slug)
    try:
        with open(path, "rb") as handle:
            result.data = handle.read()
    except OSError as exc:
        result.problems.append(error(path, 0, f"cannot read: {exc.strerror or exc}"))
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
                path, getattr(value, "line", 1), "a metadata file must map example ids to examples"
            )
        )
        return result
    for key, example in value.items():
        result.examples.append(
            Example(id=str(key), path=path, line=value.line_of(key), data=example)
        )
    return result
