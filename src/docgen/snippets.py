# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Extract snippets from source files (stage 2 of the pipeline).

A snippet is the lines between a comment line holding ``snippet-start:[TAG]`` and one
holding ``snippet-end:[TAG]`` in the same file. Snippets may nest; marker lines never appear
in the extracted text, which is dedented and loses its trailing blank lines.

A marker sits in a comment of the file's language (``languages.py``: ``#`` in Python,
``//`` or ``/*`` in Java, ``"`` in SAP ABAP); a file in no language of the table (Markdown,
YAML, ...) may use any comment syntax. A marker-like line that is malformed, or in a comment
syntax its file's language does not use, is reported.

Only source files are read (``iter_source_files``): what a ``.gitignore`` ignores, folders such
as ``.git``, ``.venv`` and ``node_modules``, symbolic links, lock files, files with NUL bytes
and files over the size limit are skipped.
"""

from __future__ import annotations

import fnmatch
import itertools
import multiprocessing as mp
import os
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from docgen import gitignore, languages
from docgen.config import DEFAULT_MAX_FILE_BYTES, Config, excluded_dirs
from docgen.problems import Kind, Problem, error, warning

# Files of no language in the table that are read for snippets and secrets: the document
# types the upstream collection publishes from (and checks).
DOCUMENT_EXTENSIONS = frozenset(
    [".md", ".html", ".css", ".json", ".yaml", ".yml", ".toml", ".tf", ".txt", ".cmd"]
)
# Comments of files in no language of the table: Markdown and HTML, SQL, INI, LaTeX, batch...
OTHER_COMMENTS = ("<!--", "--", ";", "%", "::", "rem", "(*", "'")
# What may close a marker's comment on its line: */ or **/ (C, JSDoc), */} (JSX), --> (HTML),
# *) and #>.
_CLOSER = r"(?:\*+/\}|\*+/|-->|\*\)|#>)"
_CLOSES = re.compile(rf"\s*{_CLOSER}?\s*")
_WORD = re.compile(r"\w")


def _comment(openers: Iterable[str]) -> str:
    """A regular expression for any of ``openers`` (longest first; words end at a boundary)."""
    ordered = sorted(set(openers), key=lambda o: (-len(o), o))
    return (
        "(?:" + "|".join(re.escape(o) + (r"\b" if o[-1].isalnum() else "") for o in ordered) + ")"
    )


def _marker(openers: Iterable[str]) -> re.Pattern[str]:
    """A marker line: the comment may follow code (``}// snippet-end:[tag]``, group ``code``;
    not in a string or Markdown's inline code, so no quotes or backticks) and hold more comment
    punctuation (``#// snippet-start``); what follows the tag (group ``rest``) should only
    close the comment, and a missing ``]`` (group ``close``) ends the tag at the line's end,
    as the upstream tools read it."""
    return re.compile(
        rf"^(?P<code>[^\"'`]*?){_comment(openers)}[\s/*#]*snippet-(?P<kind>start|end):"
        rf"\[(?P<tag>[^\]\s]+)(?:(?P<close>\])(?P<rest>.*)|\s*)$",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class MarkerSyntax:
    """How markers look in one kind of file: ``marker`` matches a well-formed marker line."""

    marker: re.Pattern[str]
    openers: tuple[str, ...]  # the comments a marker may sit in, for the problem message
    what: str  # "Python", "CLI and Bash", or "" for a file in no language of the table


class MarkerSyntaxes:
    """The marker syntax of every file extension, from the language table (built once a run)."""

    def __init__(self) -> None:
        every = (*languages.comments(), *OTHER_COMMENTS)
        # A line that looks like a marker in any comment syntax (well-formed or not)...
        self.marker_like = re.compile(
            rf"^\s*{_comment(every)}\s*snippet-(start|end)\b", re.IGNORECASE
        )
        # ...and one that is well formed in some comment syntax.
        self.any_syntax = MarkerSyntax(_marker(every), tuple(sorted(set(every))), "")
        self.by_extension: dict[str, MarkerSyntax] = {}
        for extension, group in languages.by_extension().items():
            openers = tuple(dict.fromkeys(o for language in group for o in language.comments))
            what = " and ".join(language.name for language in group)
            self.by_extension[extension] = MarkerSyntax(_marker(openers), openers, what)

    def of(self, path: str) -> MarkerSyntax:
        return self.by_extension.get(os.path.splitext(path)[1].lower(), self.any_syntax)


@dataclass(frozen=True)
class Snippet:
    """One extracted snippet. ``first_line``/``last_line`` are its first and last code lines
    (1-based); ``marker_line`` is the line of its ``snippet-start`` marker."""

    tag: str
    text: str
    path: str
    first_line: int
    last_line: int
    marker_line: int

    def as_dict(self) -> dict[str, object]:
        return {
            "tag": self.tag,
            "text": self.text,
            "file": self.path,
            "first_line": self.first_line,
            "last_line": self.last_line,
        }


@dataclass
class SnippetIndex:
    snippets: dict[str, Snippet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


FileHook = Callable[[str, bytes], "Iterable[Problem] | None"]
"""Called with the bytes of every text file read; what it returns are problems of the index."""


_BLANK_LINES = re.compile(r"^[ \t\f\v]+$", re.MULTILINE)
_NON_SPACE = re.compile(r"\S")


def dedent(text: str) -> str:
    """Remove the indentation common to all non-blank lines of ``text``; blank lines become
    empty and trailing ones are dropped. (String methods over the whole text, in C: snippets
    hold most of a collection's text.)"""
    if " \n" in text or "\t\n" in text or text[-1:].isspace() or "\f" in text or "\v" in text:
        text = _BLANK_LINES.sub("", text)
    text = text.rstrip("\n")
    lines = text.split("\n")
    if len(lines) > 1 or lines[0]:
        # What the smallest and the largest line share, all of them share (blank lines are
        # empty now, and left out); its leading white space is the common indentation.
        low, high = min(filter(None, lines)), max(filter(None, lines))
        common = 0
        while common < len(low) and low[common] == high[common]:
            common += 1
        shared = low[:common]
        prefix = shared[: len(shared) - len(shared.lstrip())]
        if prefix:
            text = ("\n" + text).replace("\n" + prefix, "\n")[1:]
    return text


def _marker_lines(text: str) -> list[tuple[int, int, int]]:
    """``(line index, start offset, end offset)`` of every line holding ``snippet-``, found
    with ``str.find`` (the rest of a file is never split into lines)."""
    found: list[tuple[int, int, int]] = []
    line = counted = 0
    position = text.find("snippet-")
    while position != -1:
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        end = len(text) if end == -1 else end
        line += text.count("\n", counted, start)
        counted = start
        found.append((line, start, end))
        position = text.find("snippet-", end)
    return found


def extract_from_text(
    text: str,
    path: str,
    syntaxes: MarkerSyntaxes | None = None,
    keep: Container[str] | None = None,
) -> tuple[list[Snippet], list[Problem]]:
    """All snippets of one file's text, with the marker problems found in it.

    Lines end with ``\\n``, ``\\r\\n`` or ``\\r`` (as the upstream tools read them).
    ``keep``: the tags whose text is wanted (None: all); the others get an empty text.
    """
    syntaxes = syntaxes or MarkerSyntaxes()
    syntax = syntaxes.of(path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Problem] = []
    snippets: list[Snippet] = []
    stack: list[str] = []
    starts: dict[str, int] = {}  # open tag -> index of its start line
    markers: dict[int, tuple[int, int]] = {}  # marker line index -> (start, end) offsets
    seen: dict[str, int] = {}  # tag -> line of its first complete snippet in this file
    for index, line_start, line_end in _marker_lines(text):
        line = text[line_start:line_end]
        match = syntax.marker.match(line)
        if match is None:
            if syntaxes.marker_like.match(line):
                markers[index] = (line_start, line_end)
                problems.append(_malformed(path, index + 1, line, syntax, syntaxes))
            continue
        markers[index] = (line_start, line_end)
        kind, tag = match.group("kind").lower(), match.group("tag")
        if match.group("code").strip():
            problems.append(
                warning(
                    path,
                    index + 1,
                    f"code before snippet-{kind}:[{tag}] on its line is left out of the "
                    f"snippet: {match.group('code').strip()[:40]!r}",
                    kind=Kind.MARKER,
                )
            )
        rest = match.group("rest") or ""
        if not match.group("close"):
            problems.append(
                warning(
                    path,
                    index + 1,
                    f"snippet-{kind}:[{tag} has no closing ']' (the tag is read to the end "
                    "of the line)",
                    kind=Kind.MARKER,
                )
            )
        elif not _CLOSES.fullmatch(rest):
            # Code after the tag is commented out with the marker: an error where a snippet
            # loses it (the one starting here, or one still open after this end). After the
            # end of the outermost snippet it is lost from none, and stray punctuation (``]'``,
            # ``].``) is untidy only.
            lost = kind == "start" or any(other != tag for other in stack)
            report = error if lost and _WORD.search(rest) else warning
            problems.append(
                report(
                    path,
                    index + 1,
                    f"text after snippet-{kind}:[{tag}] is part of the marker's comment, "
                    f"not of {'the' if lost else 'any'} snippet: {rest.strip()[:40]!r}",
                    kind=Kind.MARKER,
                )
            )
        if kind == "start":
            if tag in starts:
                problems.append(
                    error(
                        path,
                        index + 1,
                        f"snippet-start:[{tag}] again before its snippet-end "
                        f"(first start on line {starts[tag] + 1})",
                        kind=Kind.MARKER,
                    )
                )
                continue
            starts[tag] = index
            stack.append(tag)
            continue
        if tag not in starts:
            problems.append(
                error(
                    path, index + 1, f"snippet-end:[{tag}] without snippet-start", kind=Kind.MARKER
                )
            )
            continue
        if stack[-1] != tag:
            inner = stack[stack.index(tag) + 1 :]
            problems.append(
                error(
                    path,
                    index + 1,
                    f"snippet {tag} crosses snippet {', '.join(inner)}: it ends before "
                    "the snippets started inside it",
                    kind=Kind.CROSSING,
                )
            )
        stack.remove(tag)
        start = starts.pop(tag)
        if tag in seen:
            problems.append(
                error(
                    path,
                    start + 1,
                    f"snippet tag {tag} is defined twice in this file (also line {seen[tag]})",
                    kind=Kind.DUPLICATE_TAG,
                )
            )
            continue
        seen[tag] = start + 1
        first = start + 1  # the first and last lines of code: marker lines are left out
        while first < index and first in markers:
            first += 1
        last = index - 1
        while last > start and last in markers:
            last -= 1
        # The text between the two markers, less the lines of markers nested in it.
        pieces = []
        offset = markers[start][1] + 1
        marker_lines = list(markers)  # in line order: the dict is filled line by line
        for nested in marker_lines[
            bisect_right(marker_lines, start) : bisect_left(marker_lines, index)
        ]:
            pieces.append(text[offset : markers[nested][0]])
            offset = markers[nested][1] + 1
        pieces.append(text[offset : markers[index][0]])
        raw = "".join(pieces)
        if not _NON_SPACE.search(raw):
            problems.append(
                warning(path, start + 1, f"snippet {tag} is empty", kind=Kind.EMPTY_SNIPPET)
            )
        snippets.append(
            Snippet(
                tag=tag,
                text=dedent(raw) if keep is None or tag in keep else "",
                path=path,
                first_line=first + 1 if first < index else start + 2,
                last_line=last + 1 if first < index else index,
                marker_line=start + 1,
            )
        )
    for tag in stack:
        problems.append(
            error(
                path,
                starts[tag] + 1,
                f"snippet-start:[{tag}] has no snippet-end in this file",
                kind=Kind.MARKER,
            )
        )
    return snippets, problems


def _malformed(
    path: str, line_number: int, line: str, syntax: MarkerSyntax, syntaxes: MarkerSyntaxes
) -> Problem:
    shown = line.strip()[:80]
    if syntax.what and syntaxes.any_syntax.marker.match(line):
        quoted = [repr(o) for o in syntax.openers]
        comments = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
        extension = os.path.splitext(path)[1].lower()
        message = (
            f"snippet marker in a comment syntax {extension} files do not use "
            f"({syntax.what}: {comments}): {shown!r}"
        )
    else:
        message = f"malformed snippet marker: {shown!r}"
    return error(path, line_number, message, kind=Kind.MARKER)


def decode_source(data: bytes, path: str, problems: list[Problem]) -> str | None:
    """A source file's text (UTF-8, with or without a byte-order mark), or None with an
    ``encoding`` problem at the first undecodable byte: its snippets are not read, as the
    upstream tools do not read them."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            error(
                path,
                line,
                f"not valid UTF-8 (byte {data[exc.start]:#04x}): its snippets are not read",
                kind=Kind.ENCODING,
            )
        )
        return None


def iter_source_files(
    root: str,
    excluded: frozenset[str] | None = None,
    exclude: tuple[str, ...] = (),
    problems: list[Problem] | None = None,
) -> Iterator[str]:
    """Yield the paths of the source files below ``root``, in name order.

    A source file has the extension of a language of the table or of a document type
    (``DOCUMENT_EXTENSIONS``). Never yielded: what a ``.gitignore`` ignores (as git reads it),
    folders in ``excluded`` (names or globs; default: ``config.excluded_dirs()``), paths
    matching ``exclude`` (globs relative to ``root``), lock files and symbolic links.
    """
    excluded = excluded_dirs() if excluded is None else excluded
    folder_names = frozenset(name for name in excluded if not _GLOB.search(name))
    folder_globs = tuple(name for name in excluded if _GLOB.search(name))
    skipped_names = languages.lock_files()
    readable = frozenset(languages.by_extension()) | DOCUMENT_EXTENSIONS
    pending: list[tuple[str, str, gitignore.Rules]] = [(root, "", gitignore.Rules())]
    while pending:
        folder, relative, rules = pending.pop()
        try:
            with os.scandir(folder) as entries:
                found = sorted(entries, key=_name)
        except OSError as exc:
            if problems is not None:
                problems.append(
                    warning(folder, 0, f"cannot list folder: {exc.strerror or exc}", kind=Kind.READ)
                )
            continue
        if any(entry.name == gitignore.NAME for entry in found):
            rules = rules.below(folder, relative)
        folders: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in found:
            try:
                # (Not following symbolic links: a link is neither a folder nor a file here.)
                name = entry.name
                if entry.is_dir(follow_symlinks=False):
                    if name not in folder_names and not (
                        folder_globs and any(fnmatch.fnmatchcase(name, g) for g in folder_globs)
                    ):
                        folders.append(entry)
                else:
                    dot = name.rfind(".")
                    if (
                        dot > 0
                        and name[dot:].lower() in readable
                        and name not in skipped_names
                        and entry.is_file(follow_symlinks=False)
                    ):
                        files.append(entry)
            except OSError:
                continue
        ignored = rules.ignored(relative, [e.name for e in folders], is_dir=True)
        subfolders = [
            (entry.path, relative + entry.name + "/", rules)
            for entry in folders
            if entry.name not in ignored
            and not (exclude and _excluded(relative + entry.name, exclude))
        ]
        ignored = rules.ignored(relative, [e.name for e in files], is_dir=False)
        for entry in files:
            if entry.name not in ignored and not (
                exclude and _excluded(relative + entry.name, exclude)
            ):
                yield entry.path
        pending.extend(reversed(subfolders))


_GLOB = re.compile(r"[*?\[]")
# A tag with a {placeholder} is a template that documentation shows (upstream's steering
# docs: python.example_code.{service}.Hello), written out once per page that shows it: not a
# tag defined twice. (The first one found is kept, as for any tag.)
_PLACEHOLDER = re.compile(r"\{\w+\}")


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    return any(
        fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(rel, p.rstrip("/")) for p in patterns
    )


def extract(
    root: str,
    config: Config | None = None,
    on_file: FileHook | None = None,
    skip: frozenset[str] = frozenset(),
    keep: Container[str] | None = None,
    jobs: int = 1,
) -> SnippetIndex:
    """Extract every snippet below ``root`` (the text of those whose tags are in ``keep``,
    when given; the others' text is left empty).

    ``on_file(path, data)`` is called with the bytes of every text file read (the validator
    scans them for secrets without reading them twice); the problems it returns join the
    index's. Paths in ``skip`` (absolute) are neither read nor passed on. With ``jobs`` > 1 and
    at least ``PARALLEL_FILES`` files, worker processes read them, a chunk of the walk each,
    while the walk goes on; their results are taken in the walk's order, so the index is the
    same as with one process (the first of two snippets with one tag is kept).
    """
    index = SnippetIndex()
    excluded = config.excluded_dirs if config else excluded_dirs()
    exclude = config.exclude if config else ()
    max_bytes = config.max_file_bytes if config else DEFAULT_MAX_FILE_BYTES
    if not os.path.isdir(root):
        index.problems.append(error(root, 0, "source root not found (see --root)", kind=Kind.READ))
        return index
    problems = index.problems
    snippets = index.snippets
    # The paths to skip as the walk spells them (root joined with the path below it).
    absolute_root = os.path.abspath(root)
    skipped = {os.path.join(root, os.path.relpath(p, absolute_root)) for p in skip}
    walk = (
        path for path in iter_source_files(root, excluded, exclude, problems) if path not in skipped
    )
    reader = _Reader(MarkerSyntaxes(), on_file, keep, max_bytes)
    for found, file_problems in _read_all(walk, reader, jobs):
        problems.extend(file_problems)
        for snippet in found:
            first = snippets.get(snippet.tag)
            if first is not None and not _PLACEHOLDER.search(snippet.tag):
                problems.append(
                    error(
                        snippet.path,
                        snippet.marker_line,
                        f"snippet tag {snippet.tag} is also defined in "
                        f"{first.path}:{first.marker_line}",
                        kind=Kind.DUPLICATE_TAG,
                    )
                )
                continue
            snippets[snippet.tag] = snippet
    return index


FileResult = tuple[list[Snippet], list[Problem]]


@dataclass(frozen=True)
class _Reader:
    """Reads one file: its snippets, and the problems of its markers and of ``on_file``."""

    syntaxes: MarkerSyntaxes
    on_file: FileHook | None
    keep: Container[str] | None
    max_bytes: int

    def __call__(self, path: str) -> FileResult:
        problems: list[Problem] = []
        try:
            with open(path, "rb") as handle:
                # Data, not source, over the size limit (max_file_bytes). Reading the whole
                # file (its size known) allocates exactly: read(limit) would allocate the
                # limit for every file and shrink it, which fragments the heap.
                if os.fstat(handle.fileno()).st_size > self.max_bytes:
                    return [], problems
                data = handle.read()
        except OSError as exc:
            problems.append(warning(path, 0, f"cannot read: {exc.strerror or exc}", kind=Kind.READ))
            return [], problems
        if b"\x00" in data[:8192]:
            return [], problems
        if self.on_file is not None:
            problems.extend(self.on_file(path, data) or ())
        if b"snippet-" not in data:
            return [], problems
        text = decode_source(data, path, problems)
        if text is None:
            return [], problems
        found, file_problems = extract_from_text(text, path, self.syntaxes, self.keep)
        problems.extend(file_problems)
        return found, problems


# Below this many files one process reads them all: starting workers and sending their
# results back costs more than it saves. A worker takes CHUNK_FILES files at a time.
PARALLEL_FILES = 3000
CHUNK_FILES = 400

_READER: _Reader | None = None  # what the workers read with (inherited through fork)


def _read_chunk(paths: list[str]) -> list[FileResult]:
    reader = _READER
    assert reader is not None
    return [reader(path) for path in paths]


def _read_all(walk: Iterator[str], reader: _Reader, jobs: int) -> Iterator[FileResult]:
    """``reader``'s results for every path of ``walk``, in its order."""
    paths: list[str] = []
    can_fork = "fork" in mp.get_all_start_methods() and threading.active_count() == 1
    if jobs > 1 and can_fork:
        for path in walk:  # the first files decide whether workers pay off
            paths.append(path)
            if len(paths) >= PARALLEL_FILES:
                break
    if len(paths) < PARALLEL_FILES:
        paths.extend(walk)
        yield from map(reader, paths)
        return
    global _READER
    _READER = reader
    try:
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
            # Chunks go out while the walk goes on; results come back in the walk's order.
            futures = []
            chunk: list[str] = []
            for path in itertools.chain(paths, walk):
                chunk.append(path)
                if len(chunk) == CHUNK_FILES:
                    futures.append(pool.submit(_read_chunk, chunk))
                    chunk = []
            if chunk:
                futures.append(pool.submit(_read_chunk, chunk))
            for future in futures:
                yield from future.result()
    finally:
        _READER = None
