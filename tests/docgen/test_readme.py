# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""``docgen readme [--check]``: the examples' list in each language folder's README.md.

docgen owns only the block between its markers; everything else in a README is people's and
is kept byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import Builder
from docgen_fixtures import SLUG, action_entry, python_action

from docgen.cli import main
from docgen.readme import END, START, updated

REPO = Path(__file__).resolve().parents[2]
LINK = re.compile(r"^- \[([^\]]+)\]\(([^)]+)\)(?:: (.*))?$", re.MULTILINE)
HUMAN_TOP = "# Python examples\n\nWritten by a person: keep me.\n\n"
HUMAN_BOTTOM = "\n\n## Prerequisites\n\nPython 3.10 - also a person's.\n"


def _collection(collection: Builder) -> Path:
    metadata = "".join(
        action_entry(
            action,
            f"python.cognito-idp.{action}",
            github="python/cognito_idp",
            synopsis=f"do {action}.",
        )
        for action in ("SignUp", "ConfirmSignUp")
    )
    files = {
        "python/cognito_idp/sign_up.py": python_action("python.cognito-idp.SignUp", "sign_up"),
        "python/cognito_idp/confirm_sign_up.py": python_action(
            "python.cognito-idp.ConfirmSignUp", "confirm_sign_up"
        ),
    }
    return collection(metadata, files)


def readme(root: Path, *extra: str) -> int:
    return main(["readme", "--metadata", str(root / "metadata"), "--root", str(root), *extra])


def test_a_missing_readme_is_written_with_every_example(
    collection: Builder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _collection(collection)
    assert readme(root, "--check") == 1
    assert "python/README.md: missing: run docgen readme" in capsys.readouterr().err
    assert not (root / "python" / "README.md").exists()  # --check writes nothing
    assert readme(root) == 0
    text = (root / "python" / "README.md").read_text()
    assert text.count(START) == 1 and text.count(END) == 1
    links = LINK.findall(text)
    assert links == [
        ("ConfirmSignUp", "cognito_idp/confirm_sign_up.py", "do ConfirmSignUp."),
        ("SignUp", "cognito_idp/sign_up.py", "do SignUp."),
    ]
    assert "## Prerequisites" in text and "### Actions" in text
    assert readme(root, "--check") == 0


def test_only_the_block_is_rewritten(collection: Builder) -> None:
    root = _collection(collection)
    path = root / "python" / "README.md"
    path.write_text(f"{HUMAN_TOP}{START}\nold list\n{END}{HUMAN_BOTTOM}")
    assert readme(root, "--check") == 1
    assert readme(root) == 0
    text = path.read_text()
    assert text.startswith(HUMAN_TOP + START) and text.endswith(END + HUMAN_BOTTOM)
    assert "old list" not in text and len(LINK.findall(text)) == 2
    # A new example makes the README stale; the human parts still do not move.
    meta = root / "metadata" / f"{SLUG}_metadata.yaml"
    meta.write_text(
        meta.read_text()
        + action_entry("GetUser", "python.cognito-idp.GetUser", github="python/cognito_idp")
    )
    (root / "python" / "cognito_idp" / "get_user.py").write_text(
        python_action("python.cognito-idp.GetUser", "get_user")
    )
    assert readme(root, "--check") == 1
    assert readme(root) == 0
    again = path.read_text()
    assert [name for name, _, _ in LINK.findall(again)] == ["ConfirmSignUp", "GetUser", "SignUp"]
    assert again.startswith(HUMAN_TOP + START) and again.endswith(END + HUMAN_BOTTOM)


def test_a_readme_without_markers_gets_the_block_before_its_first_section(
    collection: Builder,
) -> None:
    root = _collection(collection)
    path = root / "python" / "README.md"
    path.write_text(HUMAN_TOP + HUMAN_BOTTOM.lstrip("\n"))
    assert readme(root) == 0
    text = path.read_text()
    assert text.startswith(HUMAN_TOP + START)
    assert text.index(END) < text.index("## Prerequisites")
    assert text.endswith(HUMAN_BOTTOM)
    assert updated("Only a title\n", "BLOCK") == ("Only a title\n\nBLOCK\n", None)


@pytest.mark.parametrize(
    "broken",
    [f"{START}\nno end\n", f"{END}\n{START}\n", f"{START}\n{END}\n{START}\n{END}\n"],
    ids=["no-end", "reversed", "twice"],
)
def test_malformed_markers_are_reported_and_the_readme_left_alone(
    collection: Builder, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    root = _collection(collection)
    path = root / "python" / "README.md"
    path.write_text(HUMAN_TOP + broken)
    assert readme(root) == 1
    assert "python/README.md: " in capsys.readouterr().err
    assert path.read_text() == HUMAN_TOP + broken
    assert readme(root, "--check") == 1


def test_refuses_when_validation_fails(collection: Builder) -> None:
    root = _collection(collection)
    (root / "python" / "cognito_idp" / "sign_up.py").write_text("no snippet here\n")
    assert readme(root) == 1
    assert not (root / "python" / "README.md").exists()


# --------------------------------------------------------------------------- the real collection


def test_every_language_folder_of_the_repository_lists_its_examples() -> None:
    """Read independently of docgen: each language's examples in the metadata, against the
    links of its folder's README (which must exist and resolve)."""
    path = REPO / "metadata" / f"{SLUG}_metadata.yaml"
    examples = yaml.safe_load(path.read_text(encoding="utf-8"))
    sdks = yaml.safe_load((REPO / "metadata" / "config" / "sdks.yaml").read_text("utf-8"))
    folders: dict[str, set[str]] = {}  # here each language's folder is named by its property
    for entry in examples.values():
        for language in entry["languages"]:
            title = entry["title_abbrev"].replace("&COGIDP;", "Amazon Cognito Identity Provider")
            folders.setdefault(sdks[language]["property"], set()).add(title)
    assert {"python", "javascript"} <= set(folders)
    for folder, titles in folders.items():
        text = (REPO / folder / "README.md").read_text(encoding="utf-8")
        assert text.count(START) == 1 and text.count(END) == 1, folder
        block = text[text.index(START) : text.index(END)]
        links = LINK.findall(block)
        assert {name for name, _, _ in links} == titles, folder
        for _, href, _ in links:
            assert (REPO / folder / href).resolve().is_file(), (folder, href)
