# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Code highlighting for the HTML pages, with Pygments.

``highlight(code, lexer)`` returns the code as HTML spans with Pygments' short CSS classes
(``<span class="k">def</span>``), escaped, and with exactly the characters of ``code`` as its
text: no line is stripped, reflowed or re-indented, so what a reader copies is what
``docgen snippets`` extracted. ``stylesheet()`` is the CSS for those classes.

Highlighting is the slow part of a render, so a render highlights each snippet once for
all its locales (``Highlighter`` caches by lexer and text).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from markupsafe import Markup, escape
from pygments import highlight as pygments_highlight
from pygments.filter import Filter
from pygments.filters import TokenMergeFilter
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import Text, Whitespace, _TokenType
from pygments.util import ClassNotFound

STYLE = "default"  # Pygments' default style: dark enough on white for WCAG AA text contrast
CSS_SCOPE = ".highlight"


class _PlainWhitespace(Filter):  # type: ignore[misc]  # Pygments has no type stubs here
    """Whitespace as plain text: no ``<span class="w">`` around every blank (a page a third
    smaller, and faster to write)."""

    def filter(
        self, lexer: Lexer, stream: Iterator[tuple[_TokenType, str]]
    ) -> Iterator[tuple[_TokenType, str]]:
        for token, value in stream:
            yield (Text if token in Whitespace else token), value


@cache
def _lexer(name: str) -> Lexer | None:
    try:
        # No stripping: the text must stay exactly as extracted.
        lexer = get_lexer_by_name(name, stripnl=False, stripall=False, ensurenl=True)
    except ClassNotFound:
        return None
    lexer.add_filter(_PlainWhitespace())
    lexer.add_filter(TokenMergeFilter())
    return lexer


@cache
def _formatter() -> HtmlFormatter:
    return HtmlFormatter(nowrap=True, style=STYLE)


def highlight(code: str, lexer_name: str) -> Markup:
    """``code`` as escaped HTML with highlighting spans (plain escaped text for an unknown
    lexer). The text of the result is ``code``, character for character."""
    lexer = _lexer(lexer_name)
    if lexer is None or not code:
        return escape(code)
    html = pygments_highlight(code, lexer, _formatter())
    if not code.endswith("\n") and html.endswith("\n"):
        html = html[:-1]  # the newline ensurenl added for the lexer's sake
    return Markup(html)  # noqa: S704 - Pygments' HtmlFormatter escapes every token


class Highlighter:
    """``highlight`` with a cache: a snippet shown in three locales is highlighted once."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, str], Markup] = {}

    def __call__(self, code: str, lexer_name: str) -> Markup:
        key = (lexer_name, code)
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = highlight(code, lexer_name)
        return found


def stylesheet() -> str:
    """The CSS of the highlighting classes, scoped to ``.highlight``."""
    return str(_formatter().get_style_defs(CSS_SCOPE)) + "\n"
