# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The page chrome's catalogs: complete, current, placeholders kept, nothing hard-coded.

- ``locale/docgen.pot`` holds exactly the messages the templates and render.py say (Babel
  extracts them again here, the way ``nox -s catalogs`` does);
- every catalog (ja, it) translates every message, none fuzzy, none left over;
- every message uses named placeholders only, and each translation keeps the placeholders
  (and HTML tags) of its source, in every plural form;
- no site template writes chrome text outside ``{% trans %}``.
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from docgen import i18n

SRC = Path(i18n.__file__).resolve().parent
TEMPLATES = SRC / "templates"
NAMED = re.compile(r"%\((\w+)\)s")
# Any printf conversion that is not a named %(name)s, and str.format's braces.
POSITIONAL = re.compile(r"%(?!\(\w+\)s|%)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|\{\d*\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
TRANSLATED = [code for code in i18n.available() if code != i18n.SOURCE_LOCALE]


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=i18n.DOMAIN)


def _ids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_the_catalogs_are_ja_and_it_beside_english() -> None:
    assert i18n.available() == ["en", "it", "ja"]
    assert [i18n.site_locale(code).name for code in i18n.available()] == [
        "English",
        "Italiano",
        "日本語",
    ]


def test_the_template_holds_every_message_the_code_says() -> None:
    with (SRC / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    extracted = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(str(SRC), method_map, options_map)
    }
    pot = _ids(_read(Path(i18n.TEMPLATE)))
    assert extracted, "nothing extracted: babel.cfg does not reach the templates"
    assert extracted - pot == set(), "messages missing from docgen.pot: run nox -s catalogs"
    assert pot - extracted == set(), "messages no longer used: run nox -s catalogs"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated(code: str) -> None:
    pot = _ids(_read(Path(i18n.TEMPLATE)))
    catalog = _read(Path(i18n.po_path(code)), code)
    assert _ids(catalog) == pot
    assert not catalog.obsolete
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{code}: untranslated: {message.id!r}"
        if message.pluralizable:
            assert len(strings) == catalog.num_plurals, message.id


def placeholder_problems(
    source: str | tuple[str, ...], translated: str | tuple[str, ...]
) -> list[str]:
    """What a translation breaks: its placeholders or tags differ from its source's, or the
    source uses a positional placeholder."""
    sources = (source,) if isinstance(source, str) else source
    strings = (translated,) if isinstance(translated, str) else translated
    problems = [f"positional placeholder in {s!r}" for s in sources if POSITIONAL.search(s)]
    names = set(NAMED.findall(sources[0]))
    tags = sorted(TAG.findall(sources[0]))
    problems += [f"{s!r}: not the placeholders of its singular" for s in sources[1:]
                 if set(NAMED.findall(s)) != names]  # fmt: skip
    for string in strings:
        if set(NAMED.findall(string)) != names:
            problems.append(
                f"{string!r} has {sorted(set(NAMED.findall(string)))}, not {sorted(names)}"
            )
        if POSITIONAL.search(string):
            problems.append(f"positional placeholder in {string!r}")
        if sorted(TAG.findall(string)) != tags:
            problems.append(f"{string!r}: tags {sorted(TAG.findall(string))}, not {tags}")
    return problems


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_translation_keeps_the_placeholders_of_its_source(code: str) -> None:
    catalog = _read(Path(i18n.po_path(code)), code)
    checked = 0
    for message in catalog:
        if message.id:
            assert placeholder_problems(message.id, message.string) == [], message.id
            checked += (
                NAMED.search(message.id if isinstance(message.id, str) else message.id[0])
                is not None
            )
    assert checked >= 10  # the check saw the placeholders (action, sdk, repository, ...)


def test_the_placeholder_check_fails_on_a_broken_translation() -> None:
    source = "Use %(action)s with an AWS SDK or CLI"
    assert placeholder_problems(source, "AWS SDK または CLI で %(action)s を使用する") == []
    assert placeholder_problems(source, "AWS SDK または CLI で を使用する")  # dropped
    assert placeholder_problems(source, "AWS SDK または CLI で %(acton)s を使用する")  # renamed
    assert placeholder_problems(source, "AWS SDK または CLI で %s を使用する")
    assert placeholder_problems("Use %s here", "Use %s here")  # the source itself
    assert placeholder_problems(("%(n)s item", "%(n)s items"), ("%(n)s voce", "voci"))
    assert placeholder_problems("see <em>%(x)s</em>", "voir %(x)s")  # a tag lost


def test_compiled_catalogs_translate_with_named_values() -> None:
    ja = i18n.translations("ja")
    title = ja.gettext("Use %(action)s with an AWS SDK or CLI") % {"action": "SignUp"}
    assert title == "AWS SDK または CLI で SignUp を使用する"
    it = i18n.translations("it")
    one, many = (
        "%(count)s example. Each page shows code that %(tool)s checked against the metadata.",
        ("%(count)s examples. Each page shows code that %(tool)s checked against the metadata."),
    )
    assert it.ngettext(one, many, 1).startswith("%(count)s esempio.")
    assert it.ngettext(one, many, 2).startswith("%(count)s esempi.")
    assert i18n.translations("en").gettext("Copy") == "Copy"
    with pytest.raises(i18n.UnknownLocale):
        i18n.translations("xx")
    with pytest.raises(i18n.UnknownLocale, match="choose from en, it, ja"):
        i18n.parse_locales("en,fr")


# --------------------------------------------------------------------------- hard-coded text

# Attributes whose value a person reads (or hears): they are chrome too.
READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "data-done", "data-failed", "value"}
JINJA = re.compile(r"\{#.*?#\}|\{%-?\s*trans\b.*?endtrans\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}", re.S)
LETTERS = re.compile(r"[^\W\d_]{2,}")


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "script"}:
            self._skip += 1
        self.found += [f"{name}={value!r}" for name, value in attrs
                       if name in READ_ATTRIBUTES and value and LETTERS.search(value)]  # fmt: skip

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and LETTERS.search(data):
            self.found.append(data.strip())


def hard_coded(template: str, markdown: bool = False) -> list[str]:
    """Words a template writes itself, outside ``{% trans %}`` and Jinja expressions."""
    text = JINJA.sub(" ", template)
    if markdown:
        return [line.strip() for line in text.splitlines() if LETTERS.search(line)]
    parser = _Text()
    parser.feed(text)
    parser.close()
    return parser.found


def _site_templates() -> list[Path]:
    """The site's templates (the READMEs' ones, in readme/, are English documentation)."""
    return sorted(TEMPLATES.glob("*.j2"))


@pytest.mark.parametrize("path", _site_templates(), ids=lambda p: p.name)
def test_no_template_hard_codes_chrome(path: Path) -> None:
    assert hard_coded(path.read_text(encoding="utf-8"), markdown=path.name.endswith(".md.j2")) == []


def test_the_hard_coded_check_finds_text_outside_trans() -> None:
    good = '<p title="{% trans %}Copy{% endtrans %}">{% trans n=1 %}{{ n }} page{% endtrans %}</p>'
    assert hard_coded(good) == []
    assert hard_coded("<p>{% if x %}Note{% endif %}</p>") == ["Note"]
    assert hard_coded('<button aria-label="Copy code">{{ x }}</button>') == [
        "aria-label='Copy code'"
    ]
    assert hard_coded("<style>body { color: red }</style><p>{{ x }}</p>") == []
    assert hard_coded("> **Note**\n{{ x }}", markdown=True) == ["> **Note**"]
    assert len(_site_templates()) >= 6
