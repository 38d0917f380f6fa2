# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The page chrome's translations: gettext catalogs, compiled from their ``.po`` sources.

Every sentence a rendered page adds around the metadata and the code ("Use %(action)s with an
AWS SDK or CLI", "Copy", "Previous") is a message of the ``docgen`` domain. English is the
source language (the messages themselves); each other locale has a catalog,
``locale/<locale>/LC_MESSAGES/docgen.po``, written by a translator and checked in. The
compiled form (``.mo``) is never committed: ``translations()`` compiles a catalog with Babel in
memory the first time a render asks for its locale.

Messages use named placeholders only (``%(action)s``), so a translation can put the action
name where its grammar wants it; ``tests/docgen/test_i18n.py`` checks that each translation
keeps the placeholders (and the HTML tags) of its source.

To add or change a message: edit the template, then ``nox -s catalogs`` (extracts
``locale/docgen.pot`` and merges it into every ``.po``), translate what it marks new or fuzzy.
To add a locale: ``pybabel init -D docgen -i src/docgen/locale/docgen.pot -d src/docgen/locale
-l <locale>`` and translate.
"""

from __future__ import annotations

import gettext
import io
import os
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

DOMAIN = "docgen"
SOURCE_LOCALE = "en"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
TEMPLATE = os.path.join(LOCALE_DIR, f"{DOMAIN}.pot")


class UnknownLocale(ValueError):
    """A locale with no catalog; the message lists the locales there are."""


@dataclass(frozen=True)
class SiteLocale:
    code: str  # "ja": the folder of its pages, the page's lang attribute
    name: str  # its name in its own language ("日本語"), for the locale chooser


def po_path(code: str) -> str:
    return os.path.join(LOCALE_DIR, code, "LC_MESSAGES", f"{DOMAIN}.po")


def available() -> list[str]:
    """The source locale, then every locale with a catalog, by code."""
    found = []
    if os.path.isdir(LOCALE_DIR):
        found = sorted(
            code
            for code in os.listdir(LOCALE_DIR)
            if code != SOURCE_LOCALE and os.path.isfile(po_path(code))
        )
    return [SOURCE_LOCALE, *found]


def parse_locales(text: str) -> list[str]:
    """``"en,ja"`` -> ``["en", "ja"]``; raises UnknownLocale for a locale without a catalog."""
    known = available()
    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:
        raise UnknownLocale(f"no locale given (choose from {', '.join(known)})")
    for code in codes:
        if code not in known:
            raise UnknownLocale(f"no catalog for locale {code!r} (choose from {', '.join(known)})")
    return list(dict.fromkeys(codes))


@cache
def site_locale(code: str) -> SiteLocale:
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (UnknownLocaleError, ValueError):
        name = code
    return SiteLocale(code, name[:1].upper() + name[1:])


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The compiled catalog of a locale (the messages themselves for the source locale)."""
    if code == SOURCE_LOCALE:
        return gettext.NullTranslations()
    if code not in available():
        raise UnknownLocale(f"no catalog for locale {code!r}")
    with open(po_path(code), "rb") as handle:
        catalog = read_po(handle, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # a fuzzy entry is not yet translated
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
