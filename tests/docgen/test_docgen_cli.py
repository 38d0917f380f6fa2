# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The ``docgen`` command: exit codes and the ``path:line: message`` format."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Builder
from docgen_fixtures import action_entry, python_action

from docgen.cli import main
from docgen.metadata import load_file
from docgen.validate import check_file

TAG = "python.cognito-idp.SignUp"
FILES = {"python/sign_up.py": python_action(TAG, "sign_up")}
LINE = re.compile(r"^[^:\n]+:\d+: (error|warning): \S.* \[[a-z-]+\]$")
REPO = Path(__file__).resolve().parents[2]


def test_clean_collection_exits_0(
    collection: Builder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(collection(action_entry("SignUp", TAG), FILES))
    assert main(["validate"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "1 examples, 1 snippets: 0 errors, 0 warnings" in err


def test_the_summary_counts_the_snippet_files_examples_show(
    collection: Builder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two excerpts show one whole file, a third a file that is not there: one file counted.
    shown = "              snippet_files:\n                - python/whole.py\n"
    metadata = action_entry("SignUp", TAG).replace(
        f"                - {TAG}\n", f"                - {TAG}\n" + shown
    )
    metadata += action_entry("ConfirmSignUp", TAG).replace(
        f"                - {TAG}\n",
        f"                - {TAG}\n" + shown + "                - python/gone.py\n",
    )
    files = {**FILES, "python/whole.py": "print('whole')\n"}
    monkeypatch.chdir(collection(metadata, files))
    assert main(["validate"]) == 1  # the missing file (and the ConfirmSignUp page shows SignUp)
    assert "2 examples, 1 snippets (+ 1 snippet files): " in capsys.readouterr().err


def test_problems_exit_1_one_line_each(
    collection: Builder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = collection(action_entry("SignUp", "python.cognito-idp.Missing"), FILES)
    monkeypatch.chdir(root)
    assert main(["validate", "--metadata", "metadata", "--root", ".", "-q"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(LINE.match(line) for line in lines)
    assert (
        "metadata/cognito-identity-provider_metadata.yaml:14: error: "
        "cognito-identity-provider_SignUp: Python snippet tag python.cognito-idp.Missing "
        "not found in any source file [missing-snippet]"
    ) in lines


def test_warnings_pass_unless_strict(
    collection: Builder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = action_entry("SignUp", TAG, services="SignUp, GlobalSignOut")
    monkeypatch.chdir(collection(entry, FILES))
    assert main(["validate", "-q"]) == 0
    assert main(["validate", "-q", "--strict"]) == 1
    assert all(LINE.match(line) for line in capsys.readouterr().out.splitlines())


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["validate", "--bogus"])
    assert stop.value.code == 2


def test_snippets_json_and_out(
    collection: Builder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(collection(action_entry("SignUp", TAG), FILES))
    assert main(["snippets", "--json"]) == 0
    [snippet] = json.loads(capsys.readouterr().out)
    assert snippet["tag"] == TAG and snippet["file"].endswith("sign_up.py")
    assert (snippet["first_line"], snippet["last_line"]) == (4, 6)
    assert snippet["text"].startswith("def sign_up(client, name):")
    assert main(["snippets", "--out", "out"]) == 0
    assert (Path("out") / f"{TAG}.txt").read_text().startswith("def sign_up(")
    assert main(["snippets"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{TAG}\tpython/sign_up.py:4-6"


def test_console_script_runs(collection: Builder) -> None:
    root = collection(action_entry("SignUp", TAG), FILES)
    done = subprocess.run(
        [sys.executable, "-m", "docgen.cli", "validate", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "")


def test_the_collection_metadata_passes_its_own_checks() -> None:
    """The file-level checks of this repository's metadata (tags are checked by nox)."""
    from docgen.config import load_config

    config, problems = load_config(str(REPO / "metadata" / "config"))
    assert problems == []
    mfile = load_file(str(REPO / "metadata" / "cognito-identity-provider_metadata.yaml"))
    assert mfile.problems + check_file(mfile, config) == []
    assert len(mfile.examples) >= 40


def test_validate_does_not_load_the_renderer(tmp_path: Path) -> None:
    """docgen validate runs on every change: Jinja2, Pygments and Babel are for rendering."""
    code = (
        "import sys\n"
        "from docgen.cli import main\n"
        f"main(['validate', '-q', '--metadata', {str(REPO / 'metadata')!r},"
        f" '--root', {str(REPO)!r}])\n"
        "renderer = {'jinja2', 'pygments', 'babel'}\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & renderer)\n"
        "print(loaded, 'docgen.render' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.strip() == "[] False"
