# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""docgen headers: every source file starts with its copyright and SPDX license lines."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.config import Config, HeaderRule
from docgen.headers import UPSTREAM_RULE, check, check_text, fixed_text
from docgen.problems import Kind

RULE = HeaderRule("Copyright the example authors.", ("Apache-2.0",))
PY_HEADER = "# Copyright the example authors.\n# SPDX-License-Identifier: Apache-2.0\n"
JS_HEADER = "// Copyright the example authors.\n// SPDX-License-Identifier: Apache-2.0\n"
ABAP_HEADER = '" Copyright the example authors.\n" SPDX-License-Identifier: Apache-2.0\n'


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("a.py", PY_HEADER + '"""Docstring."""\n'),
        ("run.sh", "#!/usr/bin/env bash\n" + PY_HEADER + "echo hi\n"),
        ("a.js", "#!/usr/bin/env node\n" + JS_HEADER + "export {};\n"),
        ("A.java", JS_HEADER + "package x;\n"),
        ("A.kt", JS_HEADER + "package x\n"),
        ("a.py", "# Copyright the example authors.  \r\n# SPDX-License-Identifier: Apache-2.0\r\n"),
        ("README.md", "# Title\n\ntext\n"),  # no source file
        ("a.py", "x = 1\n"),  # one line: left alone, as upstream does
        ("a.py", ""),
    ],
)
def test_files_with_the_header_or_no_need_of_one(path: str, text: str) -> None:
    assert check_text(text, path, RULE) is None


@pytest.mark.parametrize(
    ("path", "text", "line"),
    [
        ("a.py", '"""Docstring."""\nx = 1\n', 1),
        ("run.sh", "#!/usr/bin/env bash\nset -eu\necho hi\n", 2),
        ("run", "#!/usr/bin/env bash\nset -eu\necho hi\n", 2),  # a script without extension
        ("a.py", "# SPDX-License-Identifier: Apache-2.0\n# Copyright the example authors.\n", 1),
        ("a.py", "# Copyright someone else.\n# SPDX-License-Identifier: Apache-2.0\n", 1),
        ("a.py", "# Copyright the example authors.\n# SPDX-License-Identifier: MIT\n", 1),
        ("A.java", "/* Copyright the example authors. */\npackage x;\n", 1),
    ],
)
def test_files_without_it_are_reported_at_its_line(path: str, text: str, line: int) -> None:
    problem = check_text(text, path, RULE)
    assert problem is not None and problem.kind is Kind.LICENSE
    assert problem.line == line and problem.severity == "error"
    assert "SPDX-License-Identifier: Apache-2.0" in problem.message and "--fix" in problem.message


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("a.py", '"""Doc."""\nx = 1\n', PY_HEADER + '"""Doc."""\nx = 1\n'),
        ("s.sh", "#!/bin/sh\nset -e\nexit 0\n", "#!/bin/sh\n" + PY_HEADER + "set -e\nexit 0\n"),
        ("A.java", "package x;\nclass A {}\n", JS_HEADER + "package x;\nclass A {}\n"),
        ("z.abap", "CLASS z.\nENDCLASS.\n", ABAP_HEADER + "CLASS z.\nENDCLASS.\n"),
        ("w.py", "x = 1\r\ny = 2\r\n", PY_HEADER.replace("\n", "\r\n") + "x = 1\r\ny = 2\r\n"),
    ],
)
def test_fix_adds_the_header_in_the_languages_comment(path: str, text: str, expected: str) -> None:
    fixed = fixed_text(text, path, RULE)
    assert fixed == expected
    assert check_text(fixed, path, RULE) is None
    assert fixed_text(fixed, path, RULE) == fixed  # idempotent


def test_upstream_rule_by_default_accepts_its_two_licenses() -> None:
    upstream = "# Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.\n"
    for license in ("Apache-2.0", "MIT-0"):
        text = upstream + f"# SPDX-License-Identifier: {license}\nx = 1\n"
        assert check_text(text, "a.py", UPSTREAM_RULE) is None
    assert check_text(PY_HEADER + "x = 1\n", "a.py", UPSTREAM_RULE) is not None


def test_check_and_fix_a_tree_leaving_excluded_and_ignored_files(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "good.py").write_text(PY_HEADER + "x = 1\n")
    bad = tmp_path / "src" / "bad.py"
    bad.write_text("x = 1\ny = 2\n")
    bad.chmod(0o750)
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "data.py").write_text("x = 1\ny = 2\n")
    (tmp_path / ".gitignore").write_text("generated/\n")
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "out.js").write_text("let a;\nlet b;\n")
    config = Config(folder="", license_header=RULE, exclude=("fixtures",))

    problems, fixed = check([str(tmp_path)], config)
    assert [(p.path, p.kind) for p in problems] == [(str(bad), Kind.LICENSE)] and fixed == []

    problems, fixed = check([str(tmp_path)], config, fix=True)
    assert problems == [] and fixed == [str(bad)]
    assert bad.read_text() == PY_HEADER + "x = 1\ny = 2\n"
    assert stat.S_IMODE(os.stat(bad).st_mode) == 0o750  # still executable by its owner
    assert check([str(tmp_path)], config) == ([], [])


def test_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "sdks.yaml").write_text("{}\n")
    (config / "services.yaml").write_text("{}\n")
    (config / "validation.yaml").write_text(
        "license_header:\n  copyright: Copyright the example authors.\n  licenses: [Apache-2.0]\n"
    )
    script = tmp_path / "run"
    script.write_text("#!/usr/bin/env bash\nset -eu\necho hi\n")
    monkeypatch.chdir(tmp_path)
    args = ["headers", "--config", str(config), "-q"]
    assert main([*args, "run"]) == 1
    assert main([*args, "--fix", "run"]) == 0
    assert script.read_text().startswith("#!/usr/bin/env bash\n" + PY_HEADER)
    assert main([*args, "run"]) == 0

    (config / "validation.yaml").write_text("license_header:\n  copyright: 3\n")
    assert main([*args, "run"]) == 1  # a malformed rule is a configuration error
