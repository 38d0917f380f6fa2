# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The rendered site: every language of the metadata as a tab, three locales, offline.

A fixture collection has AssociateSoftwareToken in Python, JavaScript, the CLI, Java and
Kotlin (the repository's own ``sdks.yaml``, ``services.yaml`` and ``entities.yaml``), a
scenario that uses it and a Hello example; the tests read the pages as HTML.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import Builder
from docgen_fixtures import SLUG, end, start

from docgen import highlight, i18n
from docgen import render as render_module
from docgen.cli import main

REPO = Path(__file__).resolve().parents[2]
ACTION = "AssociateSoftwareToken"
PAGE = f"{SLUG}_{ACTION}"  # pages are named by example id
SCENARIO_PAGE = f"{SLUG}_Scenario_Mfa"
LANGUAGES = ["CLI", "Java", "JavaScript", "Kotlin", "Python"]  # the order of sdks.yaml
SDK_SHORT = [
    "AWS CLI",
    "SDK for Java 2.x",
    "SDK for JavaScript (v3)",
    "SDK for Kotlin",
    "SDK for Python (Boto3)",
]
SDK_LONG = [
    "AWS Command Line Interface",
    "AWS SDK for Java 2.x",
    "AWS SDK for JavaScript (v3)",
    "AWS SDK for Kotlin",
    "AWS SDK for Python (Boto3)",
]
HOSTILE = '<img src=x onerror="alert(1)">'
DESCRIPTION = f"'Ask Cognito for {HOSTILE}.'"  # YAML, quoted

SOURCES = {
    "python/cognito_idp/associate_software_token.py": ("#", "python.cognito-idp", [
        "def associate_software_token(client, session):",
        '    """Get a TOTP secret: "tokens" & <secrets>."""',
        "    return client.associate_software_token(Session=session)",
    ]),
    "python/cognito_idp/hello.py": ("#", "python.cognito-idp", [
        "def hello(client):",
        "    return client.list_user_pools(MaxResults=10)",
    ]),
    "scenarios/mfa.py": ("#", "python.cognito-idp", [
        "def run(client, session):",
        "    secret = client.associate_software_token(Session=session)",
        "    return secret",
    ]),
    "javascript/actions/associate-software-token.js": ("//", "javascript.v3.cognito-idp", [
        "export const associateSoftwareToken = (client, session) =>",
        "  client.send(new AssociateSoftwareTokenCommand({ Session: session }));",
    ]),
    "cli/actions/associate-software-token.sh": ("#", "cli.cognito-idp", [
        "aws cognito-idp associate-software-token \\",
        '    --session "$SESSION"',
    ]),
    "java/src/AssociateSoftwareToken.java": ("//", "java.v2.cognito-idp", [
        "public static String associate(CognitoIdentityProviderClient client, String session) {",
        "    return client.associateSoftwareToken(r -> r.session(session)).secretCode();",
        "}",
    ]),
    "kotlin/src/AssociateSoftwareToken.kt": ("//", "kotlin.cognito-idp", [
        "suspend fun associate(client: CognitoIdentityProviderClient, session: String) =",
        "    client.associateSoftwareToken { this.session = session }.secretCode",
    ]),
}  # fmt: skip
TAGS = {
    "python/cognito_idp/associate_software_token.py": ACTION,
    "python/cognito_idp/hello.py": "Hello",
    "scenarios/mfa.py": "Scenario_Mfa",
}


def _tag(path: str) -> str:
    return f"{SOURCES[path][1]}.{TAGS.get(path, ACTION)}"


def _source(path: str) -> str:
    comment, _, lines = SOURCES[path]
    tag = _tag(path)
    return "\n".join([start(tag, comment), *lines, end(tag, comment), ""])


def _version(github: str, path: str, sdk: int) -> list[str]:
    return [
        "      versions:",
        f"        - sdk_version: {sdk}",
        f"          github: {github}",
        "          excerpts:",
        f"            - description: {DESCRIPTION if 'python/' in path else ''}",
        "              snippet_tags:",
        f"                - {_tag(path)}",
    ]


METADATA = "\n".join(
    [
        f"{SLUG}_Hello:",
        "  title: Hello &COGIDP;",
        "  title_abbrev: Hello &COGIDP;",
        "  synopsis: get started using &COGIDP;.",
        "  category: Hello",
        "  languages:",
        "    Python:",
        *_version("python/cognito_idp", "python/cognito_idp/hello.py", 3)[:4],
        "            - snippet_tags:",
        f"                - {_tag('python/cognito_idp/hello.py')}",
        "  services:",
        f"    {SLUG}: {{ListUserPools}}",
        f"{SLUG}_{ACTION}:",
        f"  title: Use {ACTION} with an &AWS; SDK",
        f"  title_abbrev: {ACTION}",
        "  synopsis: get a secret for an authenticator app.",
        "  category: Actions",
        "  languages:",
        # Deliberately not in sdks.yaml's order: the page orders them.
        "    Python:",
        *_version("python/cognito_idp", "python/cognito_idp/associate_software_token.py", 3),
        "    Kotlin:",
        *_version("kotlin", "kotlin/src/AssociateSoftwareToken.kt", 1),
        "    JavaScript:",
        *_version("javascript/actions", "javascript/actions/associate-software-token.js", 3),
        "    Java:",
        *_version("java", "java/src/AssociateSoftwareToken.java", 2),
        "    CLI:",
        *_version("cli/actions", "cli/actions/associate-software-token.sh", 2),
        "  services:",
        f"    {SLUG}: {{{ACTION}}}",
        f"{SLUG}_Scenario_Mfa:",
        "  title: Set up an authenticator app with an &AWS; SDK",
        "  title_abbrev: Set up MFA",
        "  synopsis_list:",
        "    - Get a secret.",
        f"    - 'Show it as {HOSTILE}.'",
        "  category: Scenarios",
        "  languages:",
        "    Python:",
        *_version("scenarios", "scenarios/mfa.py", 3)[:4],
        "            - snippet_tags:",
        f"                - {_tag('scenarios/mfa.py')}",
        "  services:",
        f"    {SLUG}: {{{ACTION}}}",
        "",
    ]
)


@pytest.fixture
def root(collection: Builder) -> Path:
    """The fixture collection, with the repository's own configuration."""
    folder = collection(METADATA, {path: _source(path) for path in SOURCES})
    for name in ("sdks.yaml", "services.yaml", "entities.yaml"):
        shutil.copy(REPO / "metadata" / "config" / name, folder / "metadata" / "config" / name)
    return folder


def render(root: Path, out: str, *extra: str) -> int:
    args = ["render", "--metadata", str(root / "metadata"), "--root", str(root), "-q"]
    return main([*args, "--out", str(root / out), *extra])


@pytest.fixture
def site(root: Path) -> Path:
    assert render(root, "site") == 0  # every locale by default
    return root / "site"


class Html(HTMLParser):
    """Elements with their attributes and text, and the text nodes with their ancestors."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "source", "wbr"})

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[tuple[str, list[tuple[str, dict[str, str]]]]] = []
        self._stack: list[tuple[str, dict[str, str]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = (tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in self.VOID:
            self._stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self._stack and self._stack[-1][0] == tag, (tag, self._stack[-1:])
        self._stack.pop()

    def handle_data(self, data: str) -> None:
        self.texts.append((data, list(self._stack)))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k) == v for k, v in wanted.items())
        ]

    def text_of(self, tag: str, **attrs: str) -> list[str]:
        """The text inside each element ``tag`` with those attributes, joined."""
        found: dict[int, list[str]] = {}
        for data, stack in self.texts:
            for element in stack:
                t, a = element
                if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                    found.setdefault(id(element), []).append(data)
                    break
        return ["".join(parts) for parts in found.values()]


def read(path: Path) -> Html:
    return Html(path.read_text(encoding="utf-8"))


def test_every_language_is_a_tab_in_configuration_order(site: Path) -> None:
    page = read(site / "en" / f"{PAGE}.html")
    tabs = page.find("button", role="tab")
    assert page.text_of("button", role="tab") == LANGUAGES
    assert page.text_of("h3") == SDK_SHORT
    assert [t["aria-selected"] for t in tabs] == ["true"] + ["false"] * 4
    assert [t["tabindex"] for t in tabs] == ["0"] + ["-1"] * 4
    assert len(page.find("div", role="tablist")) == 1
    panels = page.find("section", role="tabpanel")
    # Each tab controls one panel, which names it back.
    assert [p["id"] for p in panels] == [t["aria-controls"] for t in tabs]
    assert [p["aria-labelledby"] for p in panels] == [t["id"] for t in tabs]
    assert len({t["id"] for t in tabs} | {p["id"] for p in panels}) == 10  # ids unique
    # Every language's API reference, from its SDK's configuration.
    links = [a["href"] for a in page.find("a") if a["href"].endswith(ACTION)]
    assert "https://docs.aws.amazon.com/goto/SdkForJavaV2/cognito-idp-2016-04-18/" + ACTION in links
    assert (
        "https://docs.aws.amazon.com/goto/SdkForKotlinV1/cognito-idp-2016-04-18/" + ACTION in links
    )
    assert "https://docs.aws.amazon.com/goto/boto3/cognito-idp-2016-04-18/" + ACTION in links


def test_code_is_highlighted_and_exactly_as_extracted(site: Path) -> None:
    page = read(site / "en" / f"{PAGE}.html")
    codes = page.text_of("code")
    for path, (_, _, lines) in SOURCES.items():
        if TAGS.get(path, ACTION) == ACTION:
            assert "\n".join(lines) in codes, path
    python = [c for c in page.find("code") if c.get("class") == "language-python"]
    assert python and page.find("span", **{"class": "k"})  # Pygments' keyword spans
    assert HOSTILE not in (site / "en" / f"{PAGE}.html").read_text()
    assert all(b.get("hidden") == "" for b in page.find("button", **{"class": "copy"}))
    assert len(page.find("button", **{"class": "copy"})) == 5  # one per excerpt


def test_highlighting_keeps_every_character() -> None:
    code = 'x = "<tag>" & y\t# tab\n    indented   \n\n'
    html = highlight.highlight(code, "python")
    text = re.sub(r"<[^>]+>", "", str(html))
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'")):
        text = text.replace(entity, char)
    assert text.replace("&amp;", "&") == code
    assert str(highlight.highlight("a < b", "no-such-lexer")) == "a &lt; b"


def test_hostile_metadata_text_is_escaped_in_every_locale(site: Path) -> None:
    for code in ("en", "ja", "it"):
        for name in (f"{PAGE}.html", f"{SCENARIO_PAGE}.html"):
            text = (site / code / name).read_text(encoding="utf-8")
            assert HOSTILE not in text and "<img" not in text, (code, name)
            assert "&lt;img src=x onerror=" in text, (code, name)


def test_japanese_and_italian_pages(site: Path) -> None:
    ja = read(site / "ja" / f"{PAGE}.html")
    assert ja.find("html")[0]["lang"] == "ja"
    assert ja.text_of("h1") == [f"AWS SDK または CLI で {ACTION} を使用する"]
    assert ja.text_of("title") == ja.text_of("h1")
    paragraphs = ja.text_of("p")
    assert f"次のコード例は、{ACTION} の使用方法を示しています。" in paragraphs
    assert any(p.startswith("アクション例は、より大きなプログラム") for p in paragraphs)
    assert any(
        p.startswith("GitHub には、その他のリソースもあります。完全な例を確認し")
        for p in paragraphs
    )
    details = [li for li in ja.text_of("li") if li.startswith("API の詳細")]
    assert details[-1] == (
        "API の詳細については、AWS SDK for Python (Boto3) API リファレンスの"
        f"「{ACTION}」を参照してください。"
    )
    assert len(details) == 5
    assert ja.text_of("button", role="tab") == LANGUAGES  # names, never translated
    assert ja.find("button", **{"class": "copy"})[0]["data-done"] == "コピーしました"

    it = read(site / "it" / f"{PAGE}.html")
    assert it.text_of("h1") == [f"Utilizzo di {ACTION} con un AWS SDK o la CLI"]
    assert "Gli esempi di codice seguenti mostrano come utilizzare AssociateSoftwareToken." in (
        it.text_of("p")
    )
    assert any(p.startswith("C'è altro su GitHub.") for p in it.text_of("p"))
    # The code is the same in every locale.
    assert (
        it.text_of("code")
        == ja.text_of("code")
        == read(site / "en" / f"{PAGE}.html").text_of("code")
    )


def _data(site: Path) -> set[str]:
    """Text a page may show untranslated: names from the configuration and the metadata."""
    return {
        *LANGUAGES,
        *SDK_SHORT,
        *SDK_LONG,
        ACTION,
        "ListUserPools",
        "Amazon Cognito Identity Provider",
    }


@pytest.mark.parametrize("code", ["ja"])
def test_no_english_chrome_on_a_japanese_page(site: Path, code: str) -> None:
    """Every text the page shows outside code and English metadata prose is Japanese (or a
    name): a sentence that bypassed the catalog shows up here."""
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for name in (f"{PAGE}.html", f"{SCENARIO_PAGE}.html", f"{SLUG}_Hello.html", "index.html"):
        page = read(site / code / name)
        left = []
        for data, stack in page.texts:
            inside = {tag for tag, _ in stack}
            if inside & {"code", "pre", "script", "style", "title"}:  # title: the h1's text
                continue
            if any(attrs.get("lang", code) != code for _, attrs in stack):
                continue  # metadata prose (lang="en"), the other locales' names
            if (
                japanese.search(data)
                or data.strip() in _data(site)
                or not re.search(r"[A-Za-z]", data)
            ):
                continue
            left.append(data.strip())
        assert left == [], (name, left)


def test_locale_chooser_links_each_translation(site: Path) -> None:
    for code in i18n.available():
        page = read(site / code / f"{PAGE}.html")
        nav = page.find("nav", **{"class": "locales"})
        assert len(nav) == 1 and nav[0]["aria-label"]
        links = [a for a in page.find("a") if "hreflang" in a]
        assert [a["href"] for a in links] == [f"../{c}/{PAGE}.html" for c in ("en", "it", "ja")]
        assert [a.get("aria-current") for a in links].count("page") == 1
        current = next(a for a in links if a.get("aria-current") == "page")
        assert current["hreflang"] == code
        for link in links:
            assert (site / code / link["href"]).resolve().is_file()
    root = read(site / "index.html")
    assert [a["href"] for a in root.find("a")] == [
        "en/index.html",
        "it/index.html",
        "ja/index.html",
    ]
    assert "AWS SDK を使用した Amazon Cognito Identity Provider のコード例" in root.text_of("span")


def test_previous_and_next_follow_the_index(site: Path) -> None:
    index = read(site / "en" / "index.html")
    order = [
        a["href"] for a in index.find("a") if a["href"].endswith(".html") and "/" not in a["href"]
    ]
    order = [href for href in order if href != "index.html"]
    assert order == [f"{SLUG}_Hello.html", f"{SCENARIO_PAGE}.html", f"{PAGE}.html"]
    assert index.text_of("h2")[:3] == ["Hello", "Scenarios", "Actions"]
    assert read(site / "ja" / "index.html").text_of("h2")[:3] == [
        "はじめに",
        "シナリオ",
        "アクション",
    ]
    for i, name in enumerate(order):
        page = read(site / "en" / name)
        prev = [a["href"] for a in page.find("a", rel="prev")]
        nxt = [a["href"] for a in page.find("a", rel="next")]
        assert prev == order[i - 1 : i] if i else prev == []
        assert nxt == order[i + 1 : i + 2]


def test_scenario_page_in_context_link_and_synopsis_list(site: Path) -> None:
    page = read(site / "ja" / f"{PAGE}.html")
    context = page.find("ul", **{"class": "context"})
    assert len(context) == 1 and context[0]["lang"] == "en"  # the metadata's English title
    assert "Set up MFA" in page.text_of("a", href=f"{SCENARIO_PAGE}.html")
    assert "lang" not in read(site / "en" / f"{PAGE}.html").find("ul", **{"class": "context"})[0]
    scenario = read(site / "ja" / f"{SCENARIO_PAGE}.html")
    assert scenario.find("ul", **{"class": "synopsis"})[0]["lang"] == "en"
    assert "Get a secret." in scenario.text_of("li")
    assert scenario.text_of("p")[0] == "次のコード例は、以下の方法を示しています。"


def test_the_site_needs_nothing_from_the_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        parsed = read(page)
        for tag, attrs in parsed.elements:
            for name in ("src", "href"):
                value = attrs.get(name, "")
                if tag in {"link", "script", "img", "iframe"} and value:
                    assert "://" not in value and not value.startswith("//"), (page, value)
                    assert (page.parent / value).resolve().is_file(), (page, value)
    css = (site / "_static" / "style.css").read_text()
    assert "@import" not in css and "url(" not in css and ".highlight .k" in css
    assert "://" not in (site / "_static" / "site.js").read_text()


def test_markdown_site_in_japanese(root: Path) -> None:
    assert render(root, "md", "--format", "md", "--locale", "ja") == 0
    text = (root / "md" / "ja" / f"{PAGE}.md").read_text()
    assert f"# AWS SDK または CLI で {ACTION} を使用する\n" in text
    assert "```kotlin\n" in text and "```java\n" in text
    assert not (root / "md" / "en").exists()


def test_worker_processes_write_the_same_site(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above PARALLEL_PAGES pages, forked workers highlight and write: the same bytes."""
    assert render(root, "serial", "--jobs", "1") == 0
    monkeypatch.setattr(render_module, "PARALLEL_PAGES", 1)
    assert render(root, "parallel", "--jobs", "2") == 0
    serial = {p.relative_to(root / "serial"): p.read_bytes() for p in (root / "serial").rglob("*")
              if p.is_file()}  # fmt: skip
    parallel = {p.relative_to(root / "parallel"): p.read_bytes()
                for p in (root / "parallel").rglob("*") if p.is_file()}  # fmt: skip
    # Per locale 3 pages, an index and a manifest; then the root's index, manifest, 2 assets.
    assert len(serial) == 3 * 5 + 4
    assert parallel.keys() == serial.keys()
    differ = [str(k) for k in serial if serial[k] != parallel[k]]
    # Only the relative links into the source tree differ (another --out folder name).
    assert all(k.endswith(".html") for k in differ)
    for k in differ:
        left = serial[Path(k)].decode().replace("serial", "X")
        assert left == parallel[Path(k)].decode().replace("parallel", "X"), k
