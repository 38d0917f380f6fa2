# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The rendered site in a real browser: Debian's headless Chromium, driven by Playwright.

``docgen render`` builds the site from the real collection in three locales; a server on
127.0.0.1 serves it; Chromium opens the AssociateSoftwareToken page, switches the language
tabs by click and by keyboard, copies code with the copy button (and reads the clipboard
back), changes locale with the locale chooser, and saves screenshots in ``build/artifacts/``
(CI keeps them). Every request the page makes must go to that server: the site is offline.

Runs with ``pytest --browser`` (``nox -s browser``, which CI runs after installing
``chromium``); never ``playwright install``: the browser is the system's.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docgen.cli import main

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("DOCGEN_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = REPO / "build" / "artifacts"
SLUG = "cognito-identity-provider"
ACTION = "AssociateSoftwareToken"
# Without the background-networking flags Chromium reaches for Google's services, which the
# closed network refuses; with them it talks only to the page's server.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    args = ["render", "--metadata", str(REPO / "metadata"), "--root", str(REPO), "-q"]
    assert main([*args, "--out", str(out / "docs"), "--locale", "en,ja,it"]) == 0
    return out / "docs"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def snippets() -> dict[str, str]:
    """Every snippet's text, as ``docgen snippets --json`` extracts it (not from the page)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "docgen.cli", "snippets", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return {s["tag"]: s["text"] for s in json.loads(done.stdout)}


@pytest.fixture
def page(server: str, tmp_path: Path) -> Iterator[Any]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: apt-get install -y chromium (or set DOCGEN_CHROMIUM)")
    try:
        from playwright import sync_api
    except ImportError:  # --browser asked for this test: a missing driver is a failure
        pytest.fail("playwright is not installed: run nox -s browser (the 'browser' group)")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh user-data dir
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1100, "height": 900},
            locale="en-US",
        )
        try:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
            context.set_default_timeout(TIMEOUT_MS)
            tab = context.pages[0] if context.pages else context.new_page()
            requests: list[str] = []
            tab.on("request", lambda request: requests.append(request.url))
            errors: list[str] = []
            tab.on("pageerror", lambda error: errors.append(str(error)))
            yield tab
            assert errors == [], f"script errors: {errors}"
            outside = [url for url in requests if not url.startswith(server + "/")]
            assert outside == [], f"requests outside the site: {outside}"
        finally:
            context.close()


def _tabs(page: Any) -> list[dict[str, str]]:
    return list(
        page.eval_on_selector_all(
            "[role=tab]",
            """tabs => tabs.map(t => ({
                name: t.textContent, selected: t.getAttribute('aria-selected'),
                tabindex: t.getAttribute('tabindex'), panel: t.getAttribute('aria-controls'),
                visible: !document.getElementById(t.getAttribute('aria-controls')).hidden}))""",
        )
    )


def _selected(page: Any) -> str:
    chosen = [t for t in _tabs(page) if t["selected"] == "true"]
    assert len(chosen) == 1, chosen
    visible = [t["name"] for t in _tabs(page) if t["visible"]]
    assert visible == [chosen[0]["name"]], f"panels shown: {visible}"
    assert chosen[0]["tabindex"] == "0"
    return chosen[0]["name"]


def _save(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000  # a rendered page, not a blank one
    return path


def test_tabs_copy_and_locale_chooser(
    page: Any, server: str, site: Path, snippets: dict[str, str]
) -> None:
    page.goto(f"{server}/en/{SLUG}_{ACTION}.html")
    assert page.title() == f"Use {ACTION} with an AWS SDK or CLI"

    # One tab per language of the metadata, in the order of sdks.yaml; the first one shown.
    names = [t["name"] for t in _tabs(page)]
    assert "Python" in names and "JavaScript" in names, names
    assert page.get_by_role("tablist").is_visible()
    assert _selected(page) == names[0]

    # Click: the Python tab and only its panel.
    page.get_by_role("tab", name="Python").click()
    assert _selected(page) == "Python"
    assert page.url.endswith("#python")
    panel = page.locator("#python")
    assert panel.get_by_role("heading", name="Python", exact=True).count() == 1
    assert panel.locator("pre code").first.is_visible()

    # Keyboard: arrows move and select (wrapping), Home and End go to the ends.
    page.get_by_role("tab", name="Python").focus()
    index = names.index("Python")
    page.keyboard.press("ArrowLeft")
    assert _selected(page) == names[index - 1]
    assert page.evaluate("document.activeElement.textContent") == names[index - 1]
    page.keyboard.press("End")
    assert _selected(page) == names[-1]
    page.keyboard.press("ArrowRight")
    assert _selected(page) == names[0]  # wrapped around
    page.keyboard.press("Home")
    assert _selected(page) == names[0]
    page.get_by_role("tab", name="Python").click()

    # Copy: the button says so, and the clipboard holds the snippet exactly as extracted.
    copy = panel.get_by_role("button", name="Copy").first
    copy.click()
    page.wait_for_function(
        "() => document.querySelector('#python button.copy').textContent === 'Copied'"
    )
    assert page.get_by_role("status").text_content() == "Copied"
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == snippets[f"python.cognito-idp.{ACTION}"]
    _save(page, "associate-software-token-en.png")

    # The locale chooser: the same page in Japanese, the same tab still chosen.
    page.get_by_role("navigation", name="Page language").get_by_role("link", name="日本語").click()
    page.wait_for_url(f"{server}/ja/{SLUG}_{ACTION}.html#python")
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert page.locator("h1").text_content() == f"AWS SDK または CLI で {ACTION} を使用する"
    assert _selected(page) == "Python"
    assert page.locator("#python button.copy").first.text_content() == "コピー"
    assert page.locator("#python pre code").first.text_content() == clipboard  # not translated
    _save(page, "associate-software-token-ja.png")

    # And Italian, from the Japanese page's chooser.
    page.get_by_role("navigation", name="表示言語").get_by_role("link", name="Italiano").click()
    page.wait_for_url(f"{server}/it/{SLUG}_{ACTION}.html#python")
    assert page.locator("h1").text_content() == f"Utilizzo di {ACTION} con un AWS SDK o la CLI"
    assert page.get_by_role("link", name="Scenario_SignUpUserWithMfa").count() == 0
    context_link = page.locator("ul.context a").first
    context_link.click()
    page.wait_for_url(f"{server}/it/{SLUG}_Scenario_SignUpUserWithMfa.html*")
    assert page.evaluate("document.documentElement.lang") == "it"


def test_without_script_every_language_is_shown(page: Any, server: str) -> None:
    page.context.route("**/site.js", lambda route: route.abort())
    page.goto(f"{server}/en/{SLUG}_{ACTION}.html")
    assert not page.get_by_role("tablist").is_visible()
    panels = page.locator("section.language")
    assert panels.count() >= 2
    assert all(panels.nth(i).is_visible() for i in range(panels.count()))
    assert page.locator("button.copy").first.is_hidden()  # no copy button without its script
