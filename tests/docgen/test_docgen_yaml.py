# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Line-aware YAML loading: line numbers, and problems instead of crashes."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.problems import Problem
from docgen.yamlfile import LineDict, LineList, line_of, load_yaml_file, parse_yaml


def test_values_remember_their_lines() -> None:
    value, problems = parse_yaml("a:\n  b: 1\n  c:\n    - x\n    - y\n", "f.yaml")
    assert problems == []
    assert isinstance(value, LineDict) and isinstance(value["a"]["c"], LineList)
    assert value == {"a": {"b": 1, "c": ["x", "y"]}}
    assert line_of(value, ["a", "c", 1]) == 5
    assert line_of(value, ["a", "b"]) == 2
    assert line_of(value, ["a", "missing", 3]) == 1


def test_flow_set_of_actions_is_a_mapping_to_none() -> None:
    value, problems = parse_yaml("services:\n  svc: {SignUp, ConfirmSignUp}\n", "f.yaml")
    assert problems == []
    assert value["services"]["svc"] == {"SignUp": None, "ConfirmSignUp": None}


def test_syntax_error_gives_the_line_not_a_traceback() -> None:
    value, problems = parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml")
    assert value is None
    assert len(problems) == 1
    assert problems[0].path == "bad.yaml" and problems[0].line >= 2
    assert "YAML syntax error" in problems[0].message


def test_duplicate_keys_are_reported() -> None:
    _, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.line, p.severity) for p in problems] == [(3, "error")]
    assert "duplicate key 'a' (first on line 1)" in problems[0].message


def test_recursive_alias_is_reported() -> None:
    _, problems = parse_yaml("a: &x [1, *x]\n", "f.yaml")
    assert any("recursive" in p.message for p in problems)


def test_exploding_aliases_are_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    value, problems = parse_yaml("\n".join(lines) + "\n", "lol.yaml")
    assert value is None
    assert "too many nodes" in problems[0].message


NESTING = re.compile(r"\b(nest|nesting|nested|deep|deeper|depth)\b", re.IGNORECASE)


def assert_refused_for_nesting(problems: list[Problem]) -> None:
    """One error, on one line, that names the problem (nesting/depth), whoever words it:
    docgen's own limit or the YAML library's (PyYAML 6.0.2 and 6.0.4 word it differently)."""
    assert len(problems) == 1, problems
    assert problems[0].severity == "error"
    assert NESTING.search(problems[0].message), problems[0].message
    assert "\n" not in problems[0].format()


def test_absurd_nesting_is_refused_without_crashing() -> None:
    # libyaml's composer would overflow the C stack on this: refused, not a crash.
    value, problems = parse_yaml("[" * 40000 + "]" * 40000, "deep.yaml")
    assert value is None
    assert_refused_for_nesting(problems)
    _, problems = parse_yaml("[" * 300 + "]" * 300, "deep.yaml")  # past docgen's limit (200)
    assert_refused_for_nesting(problems)
    value, problems = parse_yaml("[" * 100 + "]" * 100, "deep.yaml")  # within the limit
    assert problems == [] and isinstance(value, list)


def test_unknown_tags_and_odd_keys_are_problems() -> None:
    value, problems = parse_yaml("a: !python/object:os.system x\n? [1]\n: 2\n", "f.yaml")
    messages = " ".join(p.message for p in problems)
    assert "unsupported YAML value" in messages and "must be a scalar" in messages
    assert value["a"] == "x"


def test_files_that_are_not_utf8_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"a: 1\x00\x01")
    latin = tmp_path / "l.yaml"
    latin.write_bytes(b"a: 1\nb: caf\xe9\n")
    assert "NUL" in load_yaml_file(str(binary))[1][0].message
    problem = load_yaml_file(str(latin))[1][0]
    assert problem.line == 2 and "UTF-8" in problem.message
    missing = load_yaml_file(str(tmp_path / "none.yaml"))[1][0]
    assert "cannot read" in missing.message


YAML_ALPHABET = string.ascii_letters[:6] + string.digits[:3] + " :-[]{},&*!?|>'\"#\n\t%@`"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=YAML_ALPHABET, max_size=120) | st.text(max_size=60))
def test_hostile_yaml_never_raises(text: str) -> None:
    _, problems = parse_yaml(text, "h.yaml")
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem) and problem.path == "h.yaml"
        assert problem.line >= 0 and problem.severity in ("error", "warning")
        assert "\n" not in problem.format()
