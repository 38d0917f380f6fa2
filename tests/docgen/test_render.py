# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""``docgen render``: a page per example, named by its action, showing only validated code."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import Builder
from docgen_fixtures import SLUG, end, start

from docgen.cli import main
from docgen.metadata import Example
from docgen.names import kebab
from docgen.render import page_names

REPO = Path(__file__).resolve().parents[2]
ACTION = "AssociateSoftwareToken"
PAGE = f"{SLUG}_{ACTION}"  # pages are named by example id
TAG = f"python.cognito-idp.{ACTION}"
VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "col", "area", "base"}


class Page(HTMLParser):
    """A rendered page, parsed: headings, paragraphs, links and code blocks, in order.

    Checks on the way that every element is closed in order (a structurally valid page).
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.blocks: list[tuple[str, str]] = []  # (tag, text) of h1-h3, p, li, title, code
        self.links: list[tuple[str, str]] = []  # (text, href)
        self._open: list[tuple[str, list[str]]] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self.feed(text)
        self.close()
        assert self.stack == [], f"unclosed elements: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)
        if tag in {"title", "h1", "h2", "h3", "p", "li", "code"}:
            self._open.append((tag, []))
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._link_text = []

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            self.blocks.append((name, "".join(parts)))
        if tag == "a":
            self.links.append(("".join(self._link_text), self._href or ""))
            self._href = None

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)
        if self._href is not None:
            self._link_text.append(data)

    def texts(self, tag: str) -> list[str]:
        return [text for name, text in self.blocks if name == tag]

    def href(self, text: str) -> str:
        found = self.hrefs(text)
        assert len(found) == 1, f"{text!r}: {found}"
        return found[0]

    def hrefs(self, text: str) -> list[str]:
        return [href for link_text, href in self.links if link_text == text]


def read_page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the real collection


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    args = ["render", "--metadata", str(REPO / "metadata"), "--root", str(REPO), "-q"]
    assert main([*args, "--out", str(out), "--locale", "en"]) == 0
    return out / "en"


def _metadata() -> dict[str, dict]:  # type: ignore[type-arg]
    path = REPO / "metadata" / f"{SLUG}_metadata.yaml"
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def _config(name: str) -> dict:  # type: ignore[type-arg]
    return dict(yaml.safe_load((REPO / "metadata" / "config" / name).read_text(encoding="utf-8")))


def test_every_example_has_a_page_named_by_its_example_id(site: Path) -> None:
    ids = list(_metadata())
    expected = {example_id + ".html" for example_id in ids}
    assert {f"{PAGE}.html", f"{SLUG}_Hello.html", f"{SLUG}_Scenario_SignUpUserWithMfa.html"} <= (
        expected
    )
    written = {p.name for p in site.glob("*.html")}
    assert written == expected | {"index.html"}
    for name in expected:
        assert read_page(site / name).texts("h1"), name  # every page parses and has a title


def test_index_lists_hello_scenarios_actions_and_every_page(site: Path) -> None:
    index = read_page(site / "index.html")
    assert index.texts("h2")[:3] == ["Hello", "Scenarios", "Actions"]
    linked = {href for _, href in index.links}
    assert {p.name for p in site.glob("*.html")} - {"index.html"} <= linked


def test_action_page_shows_the_extracted_snippet_exactly(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["snippets", "--json"]) == 0
    snippets = {s["tag"]: s["text"] for s in json.loads(capsys.readouterr().out)}
    page = read_page(site / f"{PAGE}.html")
    assert page.texts("title") == [f"Use {ACTION} with an AWS SDK or CLI"]
    assert page.texts("h1") == [f"Use {ACTION} with an AWS SDK or CLI"]
    assert snippets[TAG] in page.texts("code")
    assert "    " in snippets[TAG] and "\n" in snippets[TAG]  # indentation and lines kept
    # Read independently of docgen: the module's lines between its markers, as written.
    source = (REPO / "python" / "cognito_idp" / "associate_software_token.py").read_text()
    lines = source.splitlines()
    first = next(i for i, line in enumerate(lines) if f"snippet-start:[{TAG}]" in line)
    last = next(i for i, line in enumerate(lines) if f"snippet-end:[{TAG}]" in line)
    assert "\n".join(lines[first + 1 : last]).strip("\n") in page.texts("code")


def test_action_page_links_the_scenario_that_uses_it(site: Path) -> None:
    scenario = _metadata()[f"{SLUG}_Scenario_SignUpUserWithMfa"]
    assert ACTION in scenario["services"][SLUG]
    page = read_page(site / f"{PAGE}.html")
    assert any(p.startswith("Action examples are code excerpts") for p in page.texts("p"))
    href = page.href(scenario["title_abbrev"])
    assert href == f"{SLUG}_Scenario_SignUpUserWithMfa.html" and (site / href).is_file()
    # An action no scenario uses has no such paragraph.
    assert "DescribeUserPool" not in scenario["services"][SLUG]
    other = read_page(site / f"{SLUG}_DescribeUserPool.html")
    assert not any(p.startswith("Action examples are code excerpts") for p in other.texts("p"))


def test_api_reference_link_is_built_from_the_configuration(site: Path) -> None:
    sdks = _config("sdks.yaml")
    python = sdks["Python"]["sdk"][3]
    version = _config("services.yaml")[SLUG]["version"]
    page = read_page(site / f"{PAGE}.html")
    goto = f"https://docs.aws.amazon.com/goto/{python['api_ref']['uid']}/{version}/{ACTION}"
    assert goto in page.hrefs(ACTION)
    # One "For API details" per language section, in the order of sdks.yaml.
    languages = _metadata()[f"{SLUG}_{ACTION}"]["languages"]
    longs = [
        sdks[name]["sdk"][v["sdk_version"]]["expanded"]["long"]
        for name in sdks
        if name in languages
        for v in languages[name]["versions"]
    ]
    expected = [f"For API details, see {ACTION} in {long} API Reference." for long in longs]
    details = [li for li in page.texts("li") if li.startswith("For API details")]
    assert details == expected and len(page.hrefs(ACTION)) == len(expected)


def test_scenario_page_title_synopsis_and_every_action_linked(site: Path) -> None:
    scenario = _metadata()[f"{SLUG}_Scenario_SignUpUserWithMfa"]
    page = read_page(site / f"{SLUG}_Scenario_SignUpUserWithMfa.html")
    assert page.texts("h1") == [scenario["title"].replace("&AWS;", "AWS")]
    items = page.texts("li")
    assert all(item in items for item in scenario["synopsis_list"])
    for action in scenario["services"][SLUG]:  # Python's link ends with the action
        assert any(href.endswith(f"/{action}") for href in page.hrefs(action)), action


def test_github_note_links_the_example_folder(site: Path) -> None:
    page = read_page(site / f"{PAGE}.html")
    assert any(p.startswith("There's more on GitHub.") for p in page.texts("p"))
    targets = {(site / href).resolve() for href in page.hrefs("code examples repository")}
    languages = _metadata()[f"{SLUG}_{ACTION}"]["languages"]
    folders = {v["github"] for entry in languages.values() for v in entry["versions"]}
    assert "python/cognito_idp" in folders
    assert targets == {(REPO / folder).resolve() for folder in folders}


# --------------------------------------------------------------------------- fixture collections

SDKS = """\
CLI:
  property: cli
  sdk:
    2:
      long: "&CLIlong;"
      short: "&CLI;"
      expanded: {long: AWS Command Line Interface, short: AWS CLI}
      api_ref:
        uid: aws-cli
        link_template: "https://cli.example/{{.MappedService}}/{{ .ActionKebab }}.html"
        service_map: {cognito-identity-provider: cognito-idp}
JavaScript:
  property: javascript
  sdk:
    3:
      long: "&JSBlong; (v3)"
      short: "&JSB; (v3)"
      api_ref:
        uid: AWSJavaScriptSDKV3
        link_template: "AWSJavaScriptSDK/v3/latest/client/{{.Service}}/command/{{.Action}}Command"
Python:
  property: python
  sdk:
    3:
      long: "&Python3long;"
      short: "&Python3;"
      expanded: {long: "AWS SDK for Python (Boto3)", short: "SDK for Python (Boto3)"}
      api_ref: {uid: boto3}
"""
ENTITIES = """\
expanded_override:
  "&AWS;": "AWS"
  "&COG;": "Amazon Cognito"
  "&JSB;": "SDK for JavaScript"
  "&JSBlong;": "AWS SDK for JavaScript"
"""
PY_FILE = "python/associate.py"
JS_FILE = "javascript/associate.js"
JS_TEXT = (
    'import { AssociateSoftwareTokenCommand } from "@aws-sdk/client-cognito-identity-provider";\n'
    "\n"
    "export const associate = (client, session) =>\n"
    "\tclient.send(new AssociateSoftwareTokenCommand({ Session: session }));   \n"
)
CLI_TAG = f"cli.cognito-idp.{ACTION}"


def python_source(body: str = "") -> str:
    return "\n".join(
        [
            "import logging",
            "",
            start(TAG),
            "def associate_software_token(client, session):",
            f'    """Get the secret.{body}"""',
            "    return client.associate_software_token(Session=session)",
            end(TAG),
            "",
        ]
    )


def version(github: str, excerpt: list[str], sdk: int = 3) -> list[str]:
    return [
        "      versions:",
        f"        - sdk_version: {sdk}",
        f"          github: {github}",
        "          excerpts:",
        *excerpt,
    ]


PYTHON = [
    "    Python:",
    *version(
        "python",
        [
            "            - description: Ask &COG; for a secret, with &AWS; credentials.",
            "              snippet_tags:",
            f"                - {TAG}",
        ],
    ),
]
JAVASCRIPT = [
    "    JavaScript:",
    *version("javascript", ["            - snippet_files:", f"                - {JS_FILE}"]),
]
CLI = [
    "    CLI:",
    *version("cli", ["            - snippet_tags:", f"                - {CLI_TAG}"], sdk=2),
]


def metadata(*languages: list[str], tag: str = TAG) -> str:
    lines = [
        f"{SLUG}_{ACTION}:",
        f"  title: Use {ACTION} with an &AWS; SDK",
        f"  title_abbrev: {ACTION}",
        "  synopsis: get a secret for an authenticator app.",
        "  category: Actions",
        "  languages:",
        *[line for language in languages for line in language],
        "  services:",
        f"    {SLUG}: {{{ACTION}}}",
        "",
    ]
    return "\n".join(lines).replace(TAG, tag)


def build(collection: Builder, *languages: list[str], python_body: str = "", **kw: str) -> Path:
    files: dict[str, str | bytes] = {
        PY_FILE: python_source(python_body),
        JS_FILE: JS_TEXT,
        "cli/associate.sh": "\n".join(
            [
                start(CLI_TAG),
                "aws cognito-idp associate-software-token \\",
                "    --access-token eyJra456defEXAMPLE",
                end(CLI_TAG),
                "",
            ]
        ),
    }
    root = collection(metadata(*languages, **kw), files)
    (root / "metadata" / "config" / "sdks.yaml").write_text(SDKS)
    (root / "metadata" / "config" / "entities.yaml").write_text(ENTITIES)
    return root


def render(root: Path, *extra: str) -> int:
    return main(["render", "--metadata", str(root / "metadata"), "--root", str(root), *extra])


def test_languages_in_configuration_order_with_their_sdk_names(collection: Builder) -> None:
    root = build(collection, PYTHON, JAVASCRIPT)  # Python first in the metadata
    assert render(root, "--out", str(root / "out"), "-q") == 0
    page = read_page(root / "out" / "en" / f"{PAGE}.html")
    assert page.texts("h2") == ["JavaScript", "Python"]  # sdks.yaml: JavaScript before Python
    assert page.texts("h3") == ["SDK for JavaScript (v3)", "SDK for Python (Boto3)"]
    assert "The following code examples show how to use AssociateSoftwareToken." in page.texts("p")
    assert JS_TEXT in page.texts("code")  # a whole file, tab and trailing blanks kept


def test_link_template_slots_and_the_goto_default(collection: Builder) -> None:
    root = build(collection, PYTHON, JAVASCRIPT, CLI)
    assert render(root, "--out", str(root / "out"), "-q") == 0
    page = read_page(root / "out" / "en" / f"{PAGE}.html")
    assert page.texts("h2") == ["CLI", "JavaScript", "Python"]
    links = [href for text, href in page.links if text == ACTION]
    assert links == [
        "https://cli.example/cognito-idp/associate-software-token.html",
        "https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/client/"
        f"{SLUG}/command/{ACTION}Command",
        f"https://docs.aws.amazon.com/goto/boto3/cognito-idp-2016-04-18/{ACTION}",
    ]
    details = [li for li in page.texts("li") if li.startswith("For API details")]
    assert details[0].endswith("in AWS Command Line Interface API Reference.")
    assert details[1].endswith("in AWS SDK for JavaScript (v3) API Reference.")  # entity expanded


def test_entities_expanded_in_text(collection: Builder) -> None:
    root = build(collection, PYTHON)
    assert render(root, "--out", str(root / "out"), "-q") == 0
    text = (root / "out" / "en" / f"{PAGE}.html").read_text()
    page = Page(text)
    assert "Ask Amazon Cognito for a secret, with AWS credentials." in page.texts("p")
    assert "&COG;" not in text and "&amp;COG;" not in text and "&amp;AWS;" not in text


def test_code_is_html_escaped(collection: Builder) -> None:
    body = ' Never "</code></pre><script>alert(1)</script>" & co.'
    root = build(collection, PYTHON, python_body=body)
    assert render(root, "--out", str(root / "out"), "-q") == 0
    text = (root / "out" / "en" / f"{PAGE}.html").read_text()
    page = Page(text)
    assert page.tags.count("script") == 1 and "<script>" not in text  # only site.js's tag
    assert any(body in code and code.startswith("def associate") for code in page.texts("code"))


def test_markdown_pages(collection: Builder) -> None:
    body = " Quote ```fenced``` text."
    root = build(collection, PYTHON, python_body=body)
    assert render(root, "--out", str(root / "md"), "--format", "md", "-q") == 0
    text = (root / "md" / "en" / f"{PAGE}.md").read_text()
    assert (
        text.startswith("[Code examples for") and f"# Use {ACTION} with an AWS SDK or CLI" in text
    )
    code = python_source(body).split("\n")[3:6]
    assert "````python\n" + "\n".join(code) + "\n````\n" in text  # a fence longer than ```
    assert (root / "md" / "en" / "index.md").read_text().count(f"]({PAGE}.md)") == 1


def test_refuses_when_validation_fails(
    collection: Builder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build(collection, PYTHON, tag="python.cognito-idp.Missing")
    assert render(root, "--out", str(root / "out")) == 1
    out, err = capsys.readouterr()
    assert "snippet tag python.cognito-idp.Missing not found" in out and "not rendering" in err
    assert not (root / "out").exists()


def test_exit_codes(collection: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    root = build(collection, PYTHON)
    assert render(root, "--out", str(root / "out")) == 0
    assert "1 pages and an index in 3 locales (en, it, ja) written" in capsys.readouterr().err
    (root / "file").write_text("")
    assert render(root, "--out", str(root / "file" / "out"), "-q") == 2  # cannot write
    with pytest.raises(SystemExit) as exc:
        main(["render", "--out", "x", "--format", "pdf"])
    assert exc.value.code == 2
    assert render(root, "--out", str(root / "out"), "--locale", "en,xx") == 2
    assert "no catalog for locale 'xx' (choose from en, it, ja)" in capsys.readouterr().err


def test_warnings_refused_only_with_strict(collection: Builder) -> None:
    root = build(collection, PYTHON)
    path = root / "metadata" / f"{SLUG}_metadata.yaml"
    path.write_text(path.read_text().replace(f"{{{ACTION}}}", f"{{{ACTION}, GlobalSignOut}}"))
    assert render(root, "--out", str(root / "strict"), "-q", "--strict") == 1
    assert not (root / "strict").exists()
    assert render(root, "--out", str(root / "out"), "-q") == 0


def test_repo_url_and_stale_pages(collection: Builder) -> None:
    root = build(collection, PYTHON)
    out = root / "out"
    (out / "en").mkdir(parents=True)
    (out / "en" / "Kept.html").write_text("not ours")
    (out / "en" / ".docgen-pages-html").write_text("Gone.html\nKept.txt\n/etc/passwd\n")
    (out / "en" / "Gone.html").write_text("an example removed since the last render")
    base = "https://github.com/OWNER/REPOSITORY/tree/main"
    assert render(root, "--out", str(out), "-q", "--repo-url", base + "/", "--locale", "en") == 0
    page = read_page(out / "en" / f"{PAGE}.html")
    assert page.href("code examples repository") == base + "/python"
    assert not (out / "en" / "Gone.html").exists() and (out / "en" / "Kept.html").exists()


def test_page_names_are_example_ids_safe_for_files() -> None:
    def example(example_id: str) -> Example:
        return Example(example_id, "m.yaml", 1)

    names = page_names(
        [example(i) for i in ("a_SignUp", "b_SignUp", "a_Hello", "sns_Publish.simple", "x_A/B")]
    )
    assert names == {
        "a_SignUp": "a_SignUp",
        "b_SignUp": "b_SignUp",
        "a_Hello": "a_Hello",
        "sns_Publish.simple": "sns_Publish.simple",
        "x_A/B": "x_A_B",  # never a path out of the locale's folder
    }


def test_kebab_case_of_actions() -> None:
    assert kebab("AssociateSoftwareToken") == "associate-software-token"
    assert kebab("SetUserMFAPreference") == "set-user-mfa-preference"
