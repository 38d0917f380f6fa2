# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""READMEs of the language folders: their list of examples, written from the metadata.

Each language of the metadata has a folder (``python/``, ``javascript/``, ``cli/``...: the
first folder of most of its ``github`` paths). Its ``README.md`` belongs to people: the
prerequisites, how to run and how to test are theirs. docgen owns one block of it, between

    <!-- docgen readme: start -->
    <!-- docgen readme: end -->

where it lists every example of that language by category (Hello, Basics, Scenarios, ...,
Actions), each linking the file its code is in, with its synopsis. ``docgen readme`` rewrites
that block and nothing else; ``docgen readme --check`` says which READMEs are stale.

A README without the markers gets the block before its first ``## `` heading (or at its end);
a folder without a README gets one from ``templates/readme/new.md.j2``, whose prerequisites
and run/test sections its maintainers then write. Malformed markers (one without the other,
or twice) are reported and that README is left as it is.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote

import jinja2

from docgen.config import Config
from docgen.metadata import LanguageVersion
from docgen.render import (
    Link,
    category_key,
    docs_url,
    expanded_name,
    md_escape,
    metadata_text,
    page_names,
    service_name,
    template_environment,
)
from docgen.validate import Collection

NAME = "README.md"
START = "<!-- docgen readme: start -->"
END = "<!-- docgen readme: end -->"
_HEADING = re.compile(r"^## ", re.MULTILINE)


@dataclass
class Entry:
    link: Link
    summary: str


@dataclass
class Category:
    name: str
    entries: list[Entry]


@dataclass
class Readme:
    """One language folder's README: what it holds now and what it should hold."""

    language: str
    folder: str  # relative to the root, "/"-separated
    path: str
    old: str | None  # None: no README yet
    new: str | None  # None: not writable (malformed markers: see problem)
    problem: str | None = None

    @property
    def stale(self) -> bool:
        return self.new is not None and self.new != self.old


def language_folders(collection: Collection) -> dict[str, str]:
    """Language -> its folder below the root: the first component of most of its ``github``
    paths (the first seen on a tie), for the languages whose folder exists; in the order of
    ``sdks.yaml``, then of the metadata."""
    counts: dict[str, Counter[str]] = {}
    for ex in collection.examples.values():
        if not ex.is_mapping:
            continue
        for language, versions in ex.languages.items():
            for version in versions:
                parts = [p for p in (version.github or "").replace("\\", "/").split("/") if p]
                if parts and parts[0] not in (".", ".."):
                    counts.setdefault(language, Counter())[parts[0]] += 1
    order = {name: i for i, name in enumerate(collection.config.sdks)}
    found: dict[str, str] = {}
    for language in sorted(counts, key=lambda name: order.get(name, len(order))):
        folder = counts[language].most_common(1)[0][0]
        if os.path.isdir(os.path.join(collection.root, folder)):
            found[language] = folder
    return found


def _link_target(collection: Collection, version: LanguageVersion, readme_dir: str) -> str | None:
    """The file an example's code is in, relative to its README: its first snippet's file,
    else its first snippet file, else its ``github`` folder."""
    path: str | None = None
    for excerpt in version.excerpts:
        for tag in excerpt.snippet_tags:
            snippet = collection.snippets.get(tag.value)
            if snippet is not None:
                path = snippet.path
                break
        if path is None and excerpt.snippet_files:
            path = os.path.join(collection.root, excerpt.snippet_files[0].value)
        if path is not None:
            break
    if path is None and version.github:
        path = os.path.join(collection.root, version.github)
    if path is None:
        return None
    relative = os.path.relpath(os.path.abspath(path), readme_dir)
    return quote(relative.replace(os.sep, "/"))


def _categories(collection: Collection, language: str, readme_dir: str) -> list[Category]:
    config = collection.config
    examples = [ex for ex in collection.examples.values() if ex.is_mapping]
    names = page_names(examples)
    by_category: dict[str, list[tuple[str, Entry]]] = {}
    for ex in examples:
        versions: list[LanguageVersion] = list(ex.languages.get(language, []))
        for version in versions:
            heading = metadata_text(ex.title_abbrev, config) or ex.action or ex.name
            if len(versions) > 1:
                sdk = config.sdks.get(language)
                number = version.sdk_version
                details = (sdk.versions.get(number) if sdk and number is not None else None) or {}
                short = expanded_name(details, "short", config) or str(version.sdk_version)
                heading = f"{heading} ({short})"
            target = _link_target(collection, version, readme_dir)
            summary = metadata_text(ex.synopsis, config)
            entry = Entry(Link(heading, target), summary)
            by_category.setdefault(ex.category, []).append((names[ex.id].lower(), entry))
    return [
        Category(category, [entry for _, entry in sorted(by_category[category])])
        for category in sorted(by_category, key=category_key)
    ]


def _environment() -> jinja2.Environment:
    env = template_environment()
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.filters["md"] = md_escape
    return env


def block(collection: Collection, language: str, folder: str, metadata: str) -> str:
    """The generated block of a language folder's README, markers included."""
    readme_dir = os.path.abspath(os.path.join(collection.root, folder))
    categories = _categories(collection, language, readme_dir)
    return (
        _environment()
        .get_template("readme/examples.md.j2")
        .render(
            start=START,
            end=END,
            categories=categories,
            metadata=os.path.relpath(os.path.abspath(metadata), readme_dir).replace(os.sep, "/"),
        )
        .strip("\n")
    )


def _new_readme(collection: Collection, language: str, folder: str, examples: str) -> str:
    config: Config = collection.config
    sdk = config.sdks.get(language)
    versions = list(sdk.versions.values()) if sdk else []
    details = versions[-1] if versions else {}
    slugs = {
        ex.slug for ex in collection.examples.values() if ex.is_mapping and language in ex.languages
    }
    services = sorted(service_name(slug, config) for slug in slugs)
    return (
        _environment()
        .get_template("readme/new.md.j2")
        .render(
            language=language,
            sdk_long=expanded_name(details, "long", config) or language,
            guide=docs_url(details.get("guide")),
            services=services,
            examples=examples,
        )
        .rstrip("\n")
        + "\n"
    )


def updated(text: str, examples: str) -> tuple[str | None, str | None]:
    """``text`` with its generated block replaced by ``examples`` -> (new text, problem)."""
    starts, ends = text.count(START), text.count(END)
    if starts == 0 and ends == 0:
        found = _HEADING.search(text)
        at = found.start() if found else len(text)
        before = text[:at].rstrip("\n")
        after = text[at:]
        joined = (before + "\n\n" if before else "") + examples + "\n"
        return joined + ("\n" + after if after else ""), None
    if starts != 1 or ends != 1:
        return None, f"expected one {START} and one {END} line, found {starts} and {ends}"
    first = text.index(START)
    last = text.index(END)
    if last < first:
        return None, f"{END} comes before {START}"
    return text[:first] + examples + text[last + len(END) :], None


def readmes(collection: Collection, metadata: str) -> list[Readme]:
    """What every language folder's README holds and should hold (``metadata``: the folder
    the block tells readers to edit)."""
    results: list[Readme] = []
    for language, folder in language_folders(collection).items():
        path = os.path.join(collection.root, folder, NAME)
        examples = block(collection, language, folder, metadata)
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                old: str | None = handle.read()
        except FileNotFoundError:
            old = None
        if old is None:
            new: str | None = _new_readme(collection, language, folder, examples)
            problem = None
        else:
            new, problem = updated(old, examples)
        results.append(Readme(language, folder, path, old, new, problem))
    return results


def write(results: list[Readme]) -> list[Readme]:
    """Write every stale README; returns those written."""
    written = []
    for result in results:
        if result.stale and result.new is not None:
            with open(result.path, "w", encoding="utf-8", newline="") as handle:
                handle.write(result.new)
            written.append(result)
    return written
