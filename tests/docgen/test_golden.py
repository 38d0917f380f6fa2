# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Golden tests, one per language: ``docgen validate`` on a small collection in that language.

Each folder of ``fixtures/`` but ``config/`` is a collection in one language (see
``fixtures/README.md``): ``source/`` holds a file whose snippet markers use the language's
comment syntax, ``metadata/`` an action the snippets show right (SignUp) and one they show
wrong (ConfirmSignUp: its snippet calls another action), and ``expected/`` what docgen must
find, written by hand: ``snippets.txt`` (tag, file and lines), ``<tag>.txt`` (each snippet's
text) and ``problems.txt`` (every problem, as ``docgen validate`` prints it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgen.languages import LANGUAGES
from docgen.validate import validate

FIXTURES = Path(__file__).parent / "fixtures"
CONFIG = FIXTURES / "config"
FOLDERS = sorted(p.name for p in FIXTURES.iterdir() if (p / "metadata").is_dir())


@pytest.mark.parametrize("folder", FOLDERS)
def test_snippets_and_problems_match_the_golden_files(folder: str) -> None:
    root = FIXTURES / folder
    expected = root / "expected"
    report = validate(str(root / "metadata"), str(root), str(CONFIG), jobs=1)

    problems = [problem.format(relative_to=str(root)) for problem in report.problems]
    assert problems == (expected / "problems.txt").read_text(encoding="utf-8").splitlines()

    snippets = sorted(report.collection.snippets.values(), key=lambda s: s.tag)
    listed = [
        f"{s.tag}\t{Path(s.path).relative_to(root).as_posix()}:{s.first_line}-{s.last_line}"
        for s in snippets
    ]
    assert listed == (expected / "snippets.txt").read_text(encoding="utf-8").splitlines()
    for snippet in snippets:
        text = (expected / f"{snippet.tag}.txt").read_text(encoding="utf-8")
        assert snippet.text + "\n" == text, snippet.tag


def test_every_language_of_the_table_has_a_golden_fixture() -> None:
    named: dict[str, str] = {}
    for folder in FOLDERS:
        metadata = FIXTURES / folder / "metadata" / "cognito-identity-provider_metadata.yaml"
        for example in yaml.safe_load(metadata.read_text(encoding="utf-8")).values():
            for language in example["languages"]:
                named[language] = folder
    assert sorted(named) == sorted(LANGUAGES)
    sdks = yaml.safe_load((CONFIG / "sdks.yaml").read_text(encoding="utf-8"))
    assert sorted(sdks) == sorted(LANGUAGES)
