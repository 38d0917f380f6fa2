# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Snippet extraction: markers, dedenting, pairing, and what is never read."""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docgen_fixtures import end, start
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.problems import Kind, Problem
from docgen.snippets import extract, extract_from_text


def lines(*items: str) -> str:
    return "\n".join(items) + "\n"


def test_extracts_dedented_text_without_markers_or_trailing_blanks() -> None:
    text = lines(
        "class Wrapper:",
        "    " + start("outer"),
        "    def a(self):",
        "        " + start("inner"),
        "        return 1",
        "        " + end("inner"),
        "",
        "    " + end("outer"),
    )
    snippets, problems = extract_from_text(text, "w.py")
    assert problems == []
    by_tag = {s.tag: s for s in snippets}
    assert by_tag["outer"].text == "def a(self):\n    return 1"
    assert by_tag["inner"].text == "return 1"
    assert (by_tag["inner"].first_line, by_tag["inner"].last_line) == (5, 5)
    assert (by_tag["outer"].first_line, by_tag["outer"].last_line) == (3, 7)


def test_each_language_its_comment_syntax_other_files_any() -> None:
    js = lines(start("js", "//"), "const a = 1;", end("js", "//"))
    js += lines("/** snippet-start:[doc] */", "const b = 2;", "/** snippet-end:[doc] */")
    snippets, problems = extract_from_text(js, "a.js")
    assert problems == []
    assert {s.tag: s.text for s in snippets} == {"js": "const a = 1;", "doc": "const b = 2;"}
    # A file in no language of the table (Markdown here) may use any comment syntax.
    md = lines("<!-- snippet-start:[h] -->", "<p>", "<!-- snippet-end:[h] -->")
    md += lines(start("c", "//"), "x", end("c", "//"))
    snippets, problems = extract_from_text(md, "README.md")
    assert problems == []
    assert {s.tag: s.text for s in snippets} == {"h": "<p>", "c": "x"}


def test_marker_in_another_languages_comment_is_reported_not_extracted() -> None:
    text = lines(start("py"), "x = 1", end("py"), start("js", "//"), "y = 2", end("js", "//"))
    snippets, problems = extract_from_text(text, "a.py")
    assert [s.tag for s in snippets] == ["py"]
    assert [(p.line, p.kind.value) for p in problems] == [(4, "marker"), (6, "marker")]
    assert "comment syntax .py files do not use (Python: '#')" in problems[0].message


def test_markers_inside_strings_are_not_markers() -> None:
    text = lines('x = "# snippet-start:[nope]"', "y = 1")
    assert extract_from_text(text, "s.py") == ([], [])


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ([start("a"), "x"], 1, "has no snippet-end"),
        (["x", end("a")], 2, "without snippet-start"),
        ([start("a"), start("a"), end("a")], 2, "again before its snippet-end"),
        ([start("a"), start("b"), end("a"), end("b")], 3, "crosses snippet b"),
        ([start("a"), "x", end("a"), start("a"), "y", end("a")], 4, "defined twice"),
        (["# snippet-start:[a b]", "x", end("a b")], 1, "malformed snippet marker"),
        (["# snippet-start [a]", "x"], 1, "malformed snippet marker"),
        ([start("a") + " trailing words", "x", end("a")], 1, "part of the marker's comment"),
    ],
)
def test_marker_faults(body: list[str], line: int, words: str) -> None:
    _, problems = extract_from_text(lines(*body), "f.py")
    assert any(p.line == line and words in p.message and p.severity == "error" for p in problems)


def test_empty_snippet_is_a_warning() -> None:
    _, problems = extract_from_text(lines(start("a"), "", end("a")), "f.py")
    assert [(p.severity, p.line) for p in problems] == [("warning", 1)]


def test_tag_in_two_files_is_reported_with_both_places(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(lines(start("t"), "x = 1", end("t")))
    (tmp_path / "b.py").write_text(lines("", start("t"), "y = 2", end("t")))
    index = extract(str(tmp_path))
    assert index.snippets["t"].text == "x = 1"
    [problem] = index.problems
    assert problem.path.endswith("b.py") and problem.line == 2
    assert "also defined in" in problem.message and "a.py:1" in problem.message


def test_skips_what_it_must_not_read(tmp_path: Path) -> None:
    body = lines(start("kept"), "x", end("kept"))
    for folder in (".git", "node_modules", ".venv", ".nox", "pkg.egg-info"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.py").write_text(body.replace("kept", folder))
    (tmp_path / "image.png").write_text(body.replace("kept", "png"))
    (tmp_path / "nul.py").write_bytes(b"\x00" + body.replace("kept", "nul").encode())
    (tmp_path / "huge.py").write_text(body.replace("kept", "huge") + "#" * 2_100_000)
    (tmp_path / "real.py").write_text(body)
    os.symlink(tmp_path / "real.py", tmp_path / "link.py")
    seen: list[str] = []
    index = extract(str(tmp_path), on_file=lambda path, data: seen.append(path))
    assert list(index.snippets) == ["kept"]
    assert [os.path.basename(p) for p in seen] == ["real.py"]


def test_unreadable_file_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "secret.py").write_text("x")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("docgen.snippets.open", refuse, raising=False)
    index = extract(str(tmp_path))
    assert [(p.severity, p.message) for p in index.problems] == [
        ("warning", "cannot read: Permission denied")
    ]


# Forked workers read the files only in a process with one thread (a pytest worker may have
# more), so the parallel extraction runs in a fresh interpreter and sends its index back.
_PARALLEL_EXTRACT = """
import os, pickle, sys
from docgen import snippets
from docgen.problems import Kind, Problem
def hook(path, data):
    return [Problem(path, 1, "warning", f"{len(data)} bytes read by {os.getpid()}", Kind.READ)]
snippets.PARALLEL_FILES, snippets.CHUNK_FILES = 40, 7
index = snippets.extract(sys.argv[1], on_file=hook, keep={"shared", "t7-3"}, jobs=2)
sys.stdout.buffer.write(pickle.dumps((os.getpid(), index)))
"""


def test_workers_give_the_index_one_process_gives(tmp_path: Path) -> None:
    # 60 folders of 5 files: a tag defined in two chunks keeps its first definition, file
    # problems and on_file's problems come back from the workers, keep still empties texts.
    for n in range(60):
        folder = tmp_path / f"d{n:02}"
        folder.mkdir()
        for m in range(5):
            tag = "shared" if (n, m) in ((3, 1), (41, 2)) else f"t{n}-{m}"
            body = lines(start(tag), f"x = {n * 10 + m}", end(tag))
            if m == 4:
                body += lines(end("orphan"))  # a marker problem in every folder
            (folder / f"f{m}.py").write_text(body)

    def hook(path: str, data: bytes) -> list[Problem]:
        return [Problem(path, 1, "warning", f"{len(data)} bytes read by {os.getpid()}", Kind.READ)]

    serial = extract(str(tmp_path), on_file=hook, keep={"shared", "t7-3"})
    run = subprocess.run(
        [sys.executable, "-c", _PARALLEL_EXTRACT, str(tmp_path)], capture_output=True, check=True
    )
    pid, parallel = pickle.loads(run.stdout)  # noqa: S301 - our own child's output

    assert parallel.snippets == serial.snippets and len(serial.snippets) == 299
    readers = {p.message.rsplit(" ", 1)[1] for p in parallel.problems if p.kind is Kind.READ}
    assert readers and str(pid) not in readers  # the workers read every file
    assert sorted(_without_reader(parallel.problems)) == sorted(_without_reader(serial.problems))
    assert serial.snippets["shared"].path.endswith("d03/f1.py")
    assert serial.snippets["shared"].text == "x = 31" and serial.snippets["t7-3"].text == "x = 73"
    assert serial.snippets["t8-3"].text == ""  # not kept
    assert {Kind.READ, Kind.MARKER, Kind.DUPLICATE_TAG} <= {p.kind for p in serial.problems}
    assert sum(p.kind is Kind.READ for p in serial.problems) == 300


def _without_reader(problems: list[Problem]) -> list[Problem]:
    return [dataclasses.replace(p, message=p.message.split(" read by ", 1)[0]) for p in problems]


def test_missing_root_is_a_problem(tmp_path: Path) -> None:
    index = extract(str(tmp_path / "nowhere"))
    assert "source root not found" in index.problems[0].message


MARKER = re.compile(r"^\s*(#|//|/\*)\s*snippet-(start|end):\[[^\]\s]+\]\s*$")
TAGS = st.sampled_from(["a", "b", "c.d-e", "x"])
LINE = st.one_of(
    st.builds(start, TAGS, st.sampled_from(["#", "//", "  #", "/*"])),
    st.builds(end, TAGS, st.sampled_from(["#", "//", "    //"])),
    st.sampled_from(["# snippet-start:[", "// snippet-end:[]", "# snippet-start:[a b]", ""]),
    st.text(max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=25))
def test_any_marker_sequence_gives_a_well_formed_result(body: list[str]) -> None:
    text = "\n".join(body)
    snippets, problems = extract_from_text(text, "p.py")
    tags = [s.tag for s in snippets]
    assert len(tags) == len(set(tags))
    for snippet in snippets:
        assert not any(MARKER.match(line) for line in snippet.text.splitlines())
        assert snippet.marker_line < snippet.first_line
    for problem in problems:
        assert isinstance(problem, Problem) and problem.path == "p.py"
        assert 1 <= problem.line <= max(1, len(text.splitlines()))
