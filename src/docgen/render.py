"""Render (stage 4 of the pipeline): one page per example, and an index.

``render()`` takes the ``Collection`` of a clean validation report and writes, into an output
folder, one page per example named by what it shows (``AssociateSoftwareToken.html``,
``Hello.html``, ``Scenario_SignUpUserWithMfa.html``) and ``index.html`` listing Hello,
Basics, Scenarios and Actions in that order. The page structure follows the public AWS
code-examples pages (see ``../shared/METADATA.md``): title, the scenarios that show the action
in context, one section per language in the order of ``sdks.yaml``, each with the SDK name, a
link to the complete example, the excerpts and their API-reference links, and a footer.

Code is written exactly as extracted (HTML-escaped by Jinja2's autoescape, never reflowed).
Pages are HTML a browser opens from disk (``style.css`` beside them) or, with
``fmt="md"``, Markdown.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2

from docgen import languages, names
from docgen.config import Config, Sdk, expand_entities
from docgen.metadata import Example, LanguageVersion
from docgen.validate import Collection
from docgen.yamlfile import gc_paused

DOCS_BASE = "https://docs.aws.amazon.com/"
GOTO = DOCS_BASE + "goto/{uid}/{version}/{action}"
# Where the rendered pages are published from; ``--repo-url`` points the "complete example"
# links there. Without it the links are relative paths into the source tree (they work when
# the pages are opened from disk next to a checkout).
REPO_URL_PLACEHOLDER = "https://github.com/OWNER/REPOSITORY/tree/main"
FORMATS = ("html", "md")
CATEGORY_ORDER = ("Hello", "Basics", "Scenarios")  # then other categories A-Z, then Actions
MANIFEST = ".docgen-pages-{fmt}"  # what the previous render wrote (stale pages are removed)
_TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
_SLOT = re.compile(r"\{\{\s*\.(\w+)\s*\}\}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


# --------------------------------------------------------------------------- page model


@dataclass
class Link:
    text: str
    url: str | None = None


@dataclass
class CodeExcerpt:
    description: str | None
    code: str
    source: str  # the snippet tag or file name the code comes from


@dataclass
class Section:
    """One language version of an example."""

    language: str
    syntax: str  # the Pygments lexer name (languages.py), also the Markdown fence's language
    sdk_short: str
    sdk_long: str
    github: Link | None
    sdkguide: str | None
    excerpts: list[CodeExcerpt]
    api_links: list[Link]


@dataclass
class Page:
    id: str
    name: str  # file name without suffix
    category: str
    title: str
    heading: str  # link text in the index
    intro: str
    synopsis_list: list[str] = field(default_factory=list)
    action: str | None = None
    context: list[Link] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    service: str = ""
    summary: str = ""  # one line for the index


@dataclass
class Group:
    category: str
    pages: list[Page]


@dataclass
class ServiceIndex:
    slug: str
    name: str
    groups: list[Group]


# --------------------------------------------------------------------------- helpers


def _text(value: Any, config: Config) -> str:
    return expand_entities(value, config) if isinstance(value, str) else ""


def _expanded(details: dict[str, Any], key: str, config: Config) -> str:
    """An SDK or service name: ``expanded.<key>`` when given, else the entity expanded."""
    expanded = details.get("expanded")
    if isinstance(expanded, dict) and isinstance(expanded.get(key), str):
        return str(expanded[key])
    return _text(details.get(key), config)


def service_name(slug: str, config: Config, key: str = "long") -> str:
    details = config.services.get(slug) or {}
    return _expanded(details, key, config) or slug


def _docs_url(path: Any) -> str | None:
    """A documentation address: absolute as is, else relative to docs.aws.amazon.com."""
    if not isinstance(path, str) or not path or path.startswith("&"):
        return None
    if re.match(r"[a-z][a-z0-9+.-]*://", path):
        return path
    return DOCS_BASE + path.lstrip("/")


def api_reference_url(
    sdk_version: dict[str, Any], slug: str, action: str, config: Config
) -> str | None:
    """The API-reference address of ``action`` for one SDK version, or None when unknown.

    ``link_template`` slots: ``{{.Service}}`` (the service slug), ``{{.MappedService}}``
    (``api_ref.service_map`` entry, else the slug), ``{{.Action}}``, ``{{.ActionKebab}}``.
    Otherwise ``https://docs.aws.amazon.com/goto/<uid>/<service version>/<Action>``.
    """
    api_ref = sdk_version.get("api_ref")
    if not isinstance(api_ref, dict):
        return None
    template = api_ref.get("link_template")
    if isinstance(template, str) and template:
        mapping = api_ref.get("service_map")
        mapped = mapping.get(slug) if isinstance(mapping, dict) else None
        values = {
            "Service": slug,
            "MappedService": mapped if isinstance(mapped, str) else slug,
            "Action": action,
            "ActionKebab": names.kebab(action),
        }
        url = _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), template)
        return _docs_url(url)
    uid = api_ref.get("uid")
    version = (config.services.get(slug) or {}).get("version")
    if not isinstance(uid, str) or not uid or not isinstance(version, str) or not version:
        return None
    return GOTO.format(uid=uid, version=version, action=action)


def page_names(examples: Iterable[Example]) -> dict[str, str]:
    """Example id -> page name (no suffix): the action, ``Hello`` or ``Scenario_<Name>``.

    Names that two examples would share (two services with the same action, case-insensitively
    on case-insensitive file systems) or that would hit ``index`` get the service slug first.
    """
    wanted: dict[str, str] = {}
    for ex in examples:
        wanted[ex.id] = _UNSAFE.sub("_", ex.action or ex.name) or "_"
    counts: dict[str, int] = {"index": 1}
    for name in wanted.values():
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    names: dict[str, str] = {}
    for ex_id, name in wanted.items():
        if counts[name.lower()] > 1:
            name = _UNSAFE.sub("_", ex_id)
        names[ex_id] = name
    return names


def _category_key(category: str) -> tuple[int, str]:
    if category in CATEGORY_ORDER:
        return CATEGORY_ORDER.index(category), ""
    if category == "Actions":
        return len(CATEGORY_ORDER) + 1, ""
    return len(CATEGORY_ORDER), category.lower()


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


# --------------------------------------------------------------------------- building pages


class _Builder:
    def __init__(self, collection: Collection, out: str, suffix: str, repo_url: str | None):
        self.collection = collection
        self.config = collection.config
        self.out = out
        self.suffix = suffix
        self.repo_url = repo_url.rstrip("/") if repo_url else None
        self.examples = [ex for ex in collection.examples.values() if ex.is_mapping]
        self.names = page_names(self.examples)
        # (slug, action) -> the other examples (scenarios, basics) whose services name it
        self.in_context: dict[tuple[str, str], list[Example]] = {}
        for ex in self.examples:
            if ex.action is not None or ex.category == "Hello":
                continue
            for slug, actions in ex.services.actions.items():
                for action in actions:
                    self.in_context.setdefault((slug, action), []).append(ex)
        self._files: dict[str, str] = {}
        self._github: dict[str, Link] = {}

    def href(self, ex: Example) -> str:
        return quote(self.names[ex.id] + self.suffix)

    def github_link(self, github: str | None) -> Link | None:
        if not github:
            return None
        if github not in self._github:
            self._github[github] = self._github_link(github)
        return self._github[github]

    def _github_link(self, github: str) -> Link:
        if self.repo_url:
            return Link(github, f"{self.repo_url}/{quote(github.strip('/'))}")
        target = os.path.join(self.collection.root, github)
        relative = os.path.relpath(os.path.abspath(target), os.path.abspath(self.out))
        return Link(github, quote(relative.replace(os.sep, "/")))

    def file_text(self, name: str) -> str | None:
        if name not in self._files:
            try:
                path = os.path.join(self.collection.root, name)
                with open(path, encoding="utf-8", errors="replace") as handle:
                    self._files[name] = handle.read()
            except OSError:
                return None
        return self._files[name]

    def excerpts(self, version: LanguageVersion) -> list[CodeExcerpt]:
        found: list[CodeExcerpt] = []
        snippets = self.collection.snippets
        for excerpt in version.excerpts:
            description: str | None = _text(excerpt.description, self.config) or None
            for tag in excerpt.snippet_tags:
                if tag.value in snippets:
                    found.append(CodeExcerpt(description, snippets[tag.value].text, tag.value))
                    description = None  # a description introduces its excerpt once
            for name in excerpt.snippet_files:
                text = self.file_text(name.value)
                if text is not None:
                    found.append(CodeExcerpt(description, text, name.value))
                    description = None
            if description is not None:
                found.append(CodeExcerpt(description, "", ""))
        return found

    def sections(self, ex: Example) -> list[Section]:
        sections: list[Section] = []
        order = {name: i for i, name in enumerate(self.config.sdks)}
        by_language = ex.languages
        for language in sorted(by_language, key=lambda name: order.get(name, len(order))):
            sdk: Sdk | None = self.config.sdks.get(language)
            known = languages.get(language)
            for version in by_language[language]:
                number = version.sdk_version
                details = (sdk.versions.get(number) if sdk and number is not None else None) or {}
                actions = {ex.slug: (ex.action,)} if ex.action else ex.services_for(version)
                api_links = [
                    Link(action, api_reference_url(details, slug, action, self.config))
                    for slug, listed in sorted(actions.items())
                    for action in sorted(listed)
                ]
                sections.append(
                    Section(
                        language=language,
                        syntax=known.lexer if known else (sdk.property if sdk else "") or "text",
                        sdk_short=_expanded(details, "short", self.config) or language,
                        sdk_long=_expanded(details, "long", self.config) or language,
                        github=self.github_link(version.github),
                        sdkguide=_docs_url(version.sdkguide),
                        excerpts=self.excerpts(version),
                        api_links=api_links,
                    )
                )
        return sections

    def page(self, ex: Example) -> Page:
        sections = self.sections(ex)
        count = len(sections)
        synopsis = _text(ex.synopsis, self.config)
        synopsis_list = [_text(item.value, self.config) for item in ex.synopsis_list if item.value]
        page = Page(
            id=ex.id,
            name=self.names[ex.id],
            category=ex.category,
            title=_text(ex.title, self.config) or ex.name,
            heading=_text(ex.title_abbrev, self.config) or ex.name,
            intro="",
            synopsis_list=synopsis_list,
            sections=sections,
            service=service_name(ex.slug, self.config),
            summary=synopsis,
        )
        shows = _plural(
            count, "The following code example shows", "The following code examples show"
        )
        action = ex.action
        if action is not None:
            page.action = action
            page.title = f"Use {action} with an AWS SDK or CLI"
            page.heading = action
            page.intro = f"{shows} how to use {action}."
            others = self.in_context.get((ex.slug, action), [])
            page.context = [
                Link(_text(o.title_abbrev, self.config) or o.name, self.href(o))
                for o in sorted(others, key=lambda o: self.names[o.id].lower())
            ]
        elif synopsis_list:
            page.intro = f"{shows} how to:"
            page.summary = ""
        elif synopsis:
            page.intro = f"{shows} how to {synopsis}"
        return page


# --------------------------------------------------------------------------- templates


def _md(value: Any) -> str:
    """Escape text for Markdown (not code: code goes into fences as is)."""
    return _MD_SPECIAL.sub(r"\\\1", str(value)).replace("\n", " ")


def _fence(code: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


@cache
def environment() -> jinja2.Environment:
    """The templates: ``*.html.j2`` autoescaped, ``*.md.j2`` not (their filter ``md`` escapes)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = _md
    env.filters["fence"] = _fence
    env.filters["plural"] = _plural
    return env


# --------------------------------------------------------------------------- render


@dataclass
class Rendered:
    out: str
    pages: dict[str, str]  # example id -> file written
    index: str


def _indexes(pages: list[Page], config: Config, examples: dict[str, Example]) -> list[ServiceIndex]:
    by_service: dict[str, dict[str, list[Page]]] = {}
    for page in pages:
        slug = examples[page.id].slug
        by_service.setdefault(slug, {}).setdefault(page.category, []).append(page)

    def service_key(slug: str) -> str:
        sort = (config.services.get(slug) or {}).get("sort")
        return (sort if isinstance(sort, str) else slug).lower()

    result = []
    for slug in sorted(by_service, key=service_key):
        categories = by_service[slug]
        groups = [
            Group(category, sorted(categories[category], key=lambda p: p.heading.lower()))
            for category in sorted(categories, key=_category_key)
        ]
        result.append(ServiceIndex(slug, service_name(slug, config), groups))
    return result


def _guides(pages: list[Page], config: Config) -> list[Link]:
    """The developer guide of each SDK the collection uses, in configuration order."""
    used = {(s.language, s.sdk_long) for page in pages for s in page.sections}
    guides: list[Link] = []
    for language, sdk in config.sdks.items():
        for details in sdk.versions.values():
            long = _expanded(details, "long", config) or language
            if (language, long) in used:
                guides.append(Link(long, _docs_url(details.get("guide"))))
    return guides


def _write(path: str, text: str) -> None:
    """Write ``text`` unless the file already holds it (a re-render touches only changes)."""
    if not text.endswith("\n"):
        text += "\n"
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as handle:
            if handle.read(len(data) + 1) == data:
                return
    except OSError:
        pass
    with open(path, "wb") as handle:
        handle.write(data)


def _remove_stale(out: str, manifest: str, written: set[str]) -> None:
    """Delete pages an earlier render wrote that this one did not (a removed example)."""
    try:
        with open(os.path.join(out, manifest), encoding="utf-8") as handle:
            previous = handle.read().split("\n")
    except OSError:
        return
    for name in previous:
        if name and name not in written and name == os.path.basename(name):
            with contextlib.suppress(OSError):
                os.remove(os.path.join(out, name))


def render(
    collection: Collection, out: str, *, fmt: str = "html", repo_url: str | None = None
) -> Rendered:
    """Write one page per example and an index into ``out``. Raises OSError when it cannot.

    The caller renders only a collection whose validation found no errors.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    # Nothing built here is cyclic garbage; the collector would rescan the whole metadata tree
    # again and again (half the time on a large collection).
    with gc_paused():
        return _render(collection, out, fmt, repo_url)


def _render(collection: Collection, out: str, fmt: str, repo_url: str | None) -> Rendered:
    suffix = "." + fmt
    builder = _Builder(collection, out, suffix, repo_url)
    pages = [builder.page(ex) for ex in builder.examples]
    env = environment()
    page_template = env.get_template(f"page.{fmt}.j2")
    index_name = "index" + suffix
    indexes = _indexes(pages, collection.config, collection.examples)
    services = [s.name for s in indexes]
    index_title = (
        f"Code examples for {services[0]} using AWS SDKs"
        if len(services) == 1
        else "Code examples using AWS SDKs"
    )
    common = {"index": index_name, "index_title": index_title, "suffix": suffix}

    os.makedirs(out, exist_ok=True)
    written: dict[str, str] = {}
    for page in pages:
        name = page.name + suffix
        _write(os.path.join(out, name), page_template.render(page=page, **common))
        written[page.id] = name
    _write(
        os.path.join(out, index_name),
        env.get_template(f"index.{fmt}.j2").render(
            services=indexes, guides=_guides(pages, collection.config), count=len(pages), **common
        ),
    )
    files = {*written.values(), index_name}
    if fmt == "html":
        with open(os.path.join(_TEMPLATES, "style.css"), encoding="utf-8") as handle:
            _write(os.path.join(out, "style.css"), handle.read())
        files.add("style.css")
    manifest = MANIFEST.format(fmt=fmt)
    _remove_stale(out, manifest, files)
    _write(os.path.join(out, manifest), "\n".join(sorted(files)) + "\n")
    return Rendered(out=out, pages=written, index=os.path.join(out, index_name))
