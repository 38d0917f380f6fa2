# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Render (stage 4 of the pipeline): a site of one page per example, in every locale.

``render()`` takes the ``Collection`` of a clean validation report and writes, for each locale
(``en``, ``ja``, ``it``: ``i18n.py``), ``<out>/<locale>/`` with one page per example named by
its example id (``cognito-identity-provider_AssociateSoftwareToken.html``,
``cognito-identity-provider_Hello.html``) and ``index.html`` listing Hello, Basics, Scenarios and
Actions in that order; ``<out>/index.html`` links the locales and ``<out>/_static/`` holds the
stylesheet and the script (the site needs nothing from the network). The page structure
follows the public AWS code-examples pages (see ``../shared/METADATA.md``): title, the
scenarios that show the action in context, one tab per language in the order of
``sdks.yaml``, each with the SDK name, a link to the complete example, the excerpts
(highlighted by Pygments, with a copy button) and their API-reference links, then
previous/next links and a footer.

The page model is built once, without any English in it; the templates say every sentence
through gettext (``{% trans %}``), so each locale is the same pages with another catalog.
Code is written exactly as extracted (escaped, never reflowed, never translated); metadata
prose (titles, synopses) stays as the metadata has it. Pages are HTML or, with
``fmt="md"``, Markdown.
"""

from __future__ import annotations

import contextlib
import gettext
import itertools
import multiprocessing as mp
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from docgen import highlight, i18n, languages, names
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
STATIC = "_static"  # <out>/_static/: style.css (with Pygments' classes) and site.js
_TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
_ASSETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
_SLOT = re.compile(r"\{\{\s*\.(\w+)\s*\}\}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def N_(message: str) -> str:
    """gettext's name for "extract this message, translate it later" (Babel finds it)."""
    return message


# The categories the metadata format defines: their headings are chrome, translated. Any
# other category is the metadata's own text, shown as is.
CATEGORY_LABELS = {
    "Hello": N_("Hello"),
    "Basics": N_("Basics"),
    "Scenarios": N_("Scenarios"),
    "Actions": N_("Actions"),
}


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
    html: Markup = field(default_factory=Markup)  # the code highlighted (HTML pages only)


@dataclass
class Section:
    """One language version of an example: one tab of the page."""

    id: str  # "python", "java-2" when a language has several SDK versions on the page
    label: str  # the tab's text: the language, with the SDK when it has several tabs
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
    title: str  # the metadata's title (an action page's title is chrome, from ``action``)
    heading: str  # link text in the index, the README and the previous/next links
    synopsis: str = ""
    synopsis_list: list[str] = field(default_factory=list)
    action: str | None = None
    context: list[Link] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    service: str = ""
    summary: str = ""  # one line for the index
    previous: Link | None = None
    next: Link | None = None


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


def metadata_text(value: Any, config: Config) -> str:
    return expand_entities(value, config) if isinstance(value, str) else ""


def expanded_name(details: dict[str, Any], key: str, config: Config) -> str:
    """An SDK or service name: ``expanded.<key>`` when given, else the entity expanded."""
    expanded = details.get("expanded")
    if isinstance(expanded, dict) and isinstance(expanded.get(key), str):
        return str(expanded[key])
    return metadata_text(details.get(key), config)


def service_name(slug: str, config: Config, key: str = "long") -> str:
    details = config.services.get(slug) or {}
    return expanded_name(details, key, config) or slug


def docs_url(path: Any) -> str | None:
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
        return docs_url(url)
    uid = api_ref.get("uid")
    version = (config.services.get(slug) or {}).get("version")
    if not isinstance(uid, str) or not uid or not isinstance(version, str) or not version:
        return None
    return GOTO.format(uid=uid, version=version, action=action)


def page_names(examples: Iterable[Example]) -> dict[str, str]:
    """Example id -> page name (no suffix): the example id itself, such as
    ``cognito-identity-provider_AssociateSoftwareToken``, so a page, its metadata entry and its
    snippets are found by the same name; characters unsafe in a file name become ``_``."""
    return {ex.id: _UNSAFE.sub("_", ex.id) or "_" for ex in examples}


def category_key(category: str) -> tuple[int, str]:
    """Hello, Basics, Scenarios, then other categories A-Z, then Actions."""
    if category in CATEGORY_ORDER:
        return CATEGORY_ORDER.index(category), ""
    if category == "Actions":
        return len(CATEGORY_ORDER) + 1, ""
    return len(CATEGORY_ORDER), category.lower()


# --------------------------------------------------------------------------- building pages


class _Builder:
    def __init__(
        self,
        collection: Collection,
        out: str,
        suffix: str,
        repo_url: str | None,
        highlighter: Callable[[str, str], Markup] | None,
    ):
        self.collection = collection
        self.config = collection.config
        self.out = out
        self.suffix = suffix
        self.repo_url = repo_url.rstrip("/") if repo_url else None
        self.highlighter = highlighter
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
        self._order = {name: i for i, name in enumerate(self.config.sdks)}

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
        # Every locale's folder is one level below --out: the same relative path for all.
        pages = os.path.join(os.path.abspath(self.out), i18n.SOURCE_LOCALE)
        target = os.path.abspath(os.path.join(self.collection.root, github))
        relative = os.path.relpath(target, pages)
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

    def highlight(self, page: Page) -> None:
        """Fill in each excerpt's highlighted HTML (the slow part: done by the workers)."""
        if self.highlighter is None:
            return
        for section in page.sections:
            for excerpt in section.excerpts:
                if excerpt.source:
                    excerpt.html = self.highlighter(excerpt.code, section.syntax)

    def excerpts(self, version: LanguageVersion) -> list[CodeExcerpt]:
        found: list[CodeExcerpt] = []
        snippets = self.collection.snippets
        for excerpt in version.excerpts:
            description: str | None = metadata_text(excerpt.description, self.config) or None
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
        order = self._order
        by_language = ex.languages
        for language in sorted(by_language, key=lambda name: order.get(name, len(order))):
            sdk: Sdk | None = self.config.sdks.get(language)
            known = languages.get(language)
            syntax = known.lexer if known else (sdk.property if sdk else "") or "text"
            versions = by_language[language]
            for version in versions:
                number = version.sdk_version
                details = (sdk.versions.get(number) if sdk and number is not None else None) or {}
                actions = {ex.slug: (ex.action,)} if ex.action else ex.services_for(version)
                api_links = [
                    Link(action, api_reference_url(details, slug, action, self.config))
                    for slug, listed in sorted(actions.items())
                    for action in sorted(listed)
                ]
                short = expanded_name(details, "short", self.config) or language
                base_id = _UNSAFE.sub("-", (sdk.property if sdk else "") or language.lower())
                several = len(versions) > 1
                sections.append(
                    Section(
                        id=f"{base_id}-{number}" if several else base_id,
                        label=f"{language} ({short})" if several else language,
                        language=language,
                        syntax=syntax,
                        sdk_short=short,
                        sdk_long=expanded_name(details, "long", self.config) or language,
                        github=self.github_link(version.github),
                        sdkguide=docs_url(version.sdkguide),
                        excerpts=self.excerpts(version),
                        api_links=api_links,
                    )
                )
        seen: dict[str, int] = {}
        for section in sections:  # ids unique on the page, whatever the configuration says
            seen[section.id] = seen.get(section.id, 0) + 1
            if seen[section.id] > 1:
                section.id = f"{section.id}-{seen[section.id]}"
        return sections

    def page(self, ex: Example) -> Page:
        synopsis = metadata_text(ex.synopsis, self.config)
        synopsis_list = [
            metadata_text(item.value, self.config) for item in ex.synopsis_list if item.value
        ]
        page = Page(
            id=ex.id,
            name=self.names[ex.id],
            category=ex.category,
            title=metadata_text(ex.title, self.config) or ex.name,
            heading=metadata_text(ex.title_abbrev, self.config) or ex.name,
            synopsis=synopsis,
            synopsis_list=synopsis_list,
            sections=self.sections(ex),
            service=service_name(ex.slug, self.config),
            summary=synopsis,
        )
        action = ex.action
        if action is not None:
            page.action = action
            page.heading = action
            others = self.in_context.get((ex.slug, action), [])
            page.context = [
                Link(metadata_text(o.title_abbrev, self.config) or o.name, self.href(o))
                for o in sorted(others, key=lambda o: self.names[o.id].lower())
            ]
        elif synopsis_list:
            page.summary = ""
        return page


# --------------------------------------------------------------------------- templates


def md_escape(value: Any) -> str:
    """Escape text for Markdown (not code: code goes into fences as is)."""
    return _MD_SPECIAL.sub(r"\\\1", str(value)).replace("\n", " ")


def _fence(code: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def template_environment() -> jinja2.Environment:
    """The templates, without translations: ``*.html.j2`` autoescaped, ``*.md.j2`` not
    (their filter ``md`` escapes). Every sentence is a ``{% trans %}`` block."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["md"] = md_escape
    env.filters["fence"] = _fence
    return env


@cache
def environment(locale: str = i18n.SOURCE_LOCALE) -> jinja2.Environment:
    """The templates speaking ``locale``'s catalog (``i18n.translations``)."""
    env = template_environment()
    translations = i18n.translations(locale)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters["category"] = _category_label(translations)
    env.globals["locale"] = i18n.site_locale(locale)
    return env


def _category_label(translations: gettext.NullTranslations) -> Callable[[str], str]:
    def label(category: str) -> str:
        message = CATEGORY_LABELS.get(category)
        return translations.gettext(message) if message else category

    return label


# --------------------------------------------------------------------------- render


@dataclass
class Rendered:
    out: str
    pages: dict[str, dict[str, str]]  # locale -> example id -> file written
    index: str  # <out>/index.<fmt>: the locale chooser
    locales: list[str] = field(default_factory=list)


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
            for category in sorted(categories, key=category_key)
        ]
        result.append(ServiceIndex(slug, service_name(slug, config), groups))
    return result


def _guides(pages: list[Page], config: Config) -> list[Link]:
    """The developer guide of each SDK the collection uses, in configuration order."""
    used = {(s.language, s.sdk_long) for page in pages for s in page.sections}
    guides: list[Link] = []
    for language, sdk in config.sdks.items():
        for details in sdk.versions.values():
            long = expanded_name(details, "long", config) or language
            if (language, long) in used:
                guides.append(Link(long, docs_url(details.get("guide"))))
    return guides


def _write(path: str, text: str, *, exists: bool = True) -> None:
    """Write ``text`` unless the file already holds it (a re-render touches only changes).
    ``exists=False``: the caller knows there is no such file (no read to try)."""
    if not text.endswith("\n"):
        text += "\n"
    data = text.encode("utf-8")
    if exists:
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
        safe = not os.path.isabs(name) and ".." not in name.split("/")
        if name and name not in written and safe:
            with contextlib.suppress(OSError):
                os.remove(os.path.join(out, name))


def _link_neighbours(indexes: list[ServiceIndex], suffix: str) -> None:
    """Previous and next: the order of the index, across categories and services."""
    ordered = [page for service in indexes for group in service.groups for page in group.pages]
    for before, after in itertools.pairwise(ordered):
        before.next = Link(after.heading, quote(after.name + suffix))
        after.previous = Link(before.heading, quote(before.name + suffix))


def render(
    collection: Collection,
    out: str,
    *,
    fmt: str = "html",
    repo_url: str | None = None,
    locales: Iterable[str] = (i18n.SOURCE_LOCALE,),
    jobs: int | None = None,
) -> Rendered:
    """Write, for each locale, one page per example and an index into ``out/<locale>/``.

    Raises OSError when it cannot write, ``i18n.UnknownLocale`` for a locale without a
    catalog. Above ``PARALLEL_PAGES`` pages, ``jobs`` worker processes (default: the CPU
    count) highlight and write them. The caller renders only a collection whose validation
    found no errors.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    codes = i18n.parse_locales(",".join(locales))
    # Nothing built here is cyclic garbage; the collector would rescan the whole metadata tree
    # again and again (half the time on a large collection).
    with gc_paused():
        return _render(collection, out, fmt, repo_url, codes, jobs)


# Above this many pages, the pages are highlighted and written by worker processes (fork).
PARALLEL_PAGES = 400


@dataclass
class _Work:
    """What a worker needs to render a slice of the pages (inherited through fork)."""

    builder: _Builder
    pages: list[Page]
    locales: list[str]
    fmt: str
    out: str
    common: dict[str, Any]
    existing: dict[str, set[str]]  # locale -> file names already in its folder


_WORK: _Work | None = None


def _render_slice(bounds: tuple[int, int]) -> list[tuple[str, str]]:
    """Highlight and write pages[first:last] in every locale -> (example id, file name)."""
    work = _WORK
    assert work is not None
    first, last = bounds
    pages = work.pages[first:last]
    suffix = "." + work.fmt
    for page in pages:
        work.builder.highlight(page)
    for code in work.locales:
        template = environment(code).get_template(f"page.{work.fmt}.j2")
        folder = os.path.join(work.out, code)
        existing = work.existing[code]
        for page in pages:
            name = page.name + suffix
            text = template.render(page=page, filename=quote(name), **work.common)
            _write(os.path.join(folder, name), text, exists=name in existing)
    return [(page.id, page.name + suffix) for page in pages]


def _render_pages(work: _Work, jobs: int) -> list[tuple[str, str]]:
    global _WORK
    _WORK = work
    try:
        count = len(work.pages)
        if jobs <= 1 or count < PARALLEL_PAGES or "fork" not in mp.get_all_start_methods():
            return _render_slice((0, count))
        step = max(1, -(-count // (jobs * 4)))  # a few slices a worker, for balance
        slices = [(i, min(i + step, count)) for i in range(0, count, step)]
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
            return [item for chunk in pool.map(_render_slice, slices) for item in chunk]
    finally:
        _WORK = None


def _render(
    collection: Collection,
    out: str,
    fmt: str,
    repo_url: str | None,
    locales: list[str],
    jobs: int | None,
) -> Rendered:
    suffix = "." + fmt
    highlighter = highlight.Highlighter() if fmt == "html" else None
    builder = _Builder(collection, out, suffix, repo_url, highlighter)
    pages = [builder.page(ex) for ex in builder.examples]
    index_name = "index" + suffix
    indexes = _indexes(pages, collection.config, collection.examples)
    _link_neighbours(indexes, suffix)
    services = [s.name for s in indexes]
    guides = _guides(pages, collection.config)
    chooser = [i18n.site_locale(code) for code in locales]
    service = services[0] if len(services) == 1 else None
    common: dict[str, Any] = {
        "index": index_name,
        "service": service,
        "suffix": suffix,
        "locales": chooser,
        "static": f"../{STATIC}",
    }

    existing: dict[str, set[str]] = {}
    for code in locales:
        folder = os.path.join(out, code)
        os.makedirs(folder, exist_ok=True)
        existing[code] = set(os.listdir(folder))
    work = _Work(builder, pages, locales, fmt, out, common, existing)
    pairs = _render_pages(work, jobs if jobs is not None else (os.cpu_count() or 1))
    names = dict(pairs)

    written: dict[str, dict[str, str]] = {}
    for code in locales:
        env = environment(code)
        folder = os.path.join(out, code)
        _write(
            os.path.join(folder, index_name),
            env.get_template(f"index.{fmt}.j2").render(
                services=indexes, guides=guides, count=len(pages), filename=index_name, **common
            ),
        )
        _finish(folder, fmt, {*names.values(), index_name})
        written[code] = dict(names)

    top = {index_name}
    root = environment(i18n.SOURCE_LOCALE).get_template(f"root.{fmt}.j2")
    titles = {code: _index_title(code, service) for code in locales}
    _write(os.path.join(out, index_name), root.render(titles=titles, **common))
    if fmt == "html":
        os.makedirs(os.path.join(out, STATIC), exist_ok=True)
        with open(os.path.join(_ASSETS, "style.css"), encoding="utf-8") as handle:
            css = handle.read() + "\n/* Code highlighting (Pygments) */\n" + highlight.stylesheet()
        _write(os.path.join(out, STATIC, "style.css"), css)
        with open(os.path.join(_ASSETS, "site.js"), encoding="utf-8") as handle:
            _write(os.path.join(out, STATIC, "site.js"), handle.read())
        top |= {f"{STATIC}/style.css", f"{STATIC}/site.js"}
    _finish(out, fmt, top)
    return Rendered(
        out=out, pages=written, index=os.path.join(out, index_name), locales=list(locales)
    )


def _index_title(locale: str, service: str | None) -> str:
    """The index's title in ``locale`` (the locale chooser shows each in its own language)."""
    translations = i18n.translations(locale)
    if service is not None:
        return translations.gettext("Code examples for %(service)s using AWS SDKs") % {
            "service": service
        }
    return translations.gettext("Code examples using AWS SDKs")


def _finish(folder: str, fmt: str, files: set[str]) -> None:
    manifest = MANIFEST.format(fmt=fmt)
    _remove_stale(folder, manifest, files)
    _write(os.path.join(folder, manifest), "\n".join(sorted(files)) + "\n")
