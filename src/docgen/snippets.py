"""Extract snippets from source files (stage 2 of the pipeline).

A snippet is the lines between a comment line holding ``snippet-start:[TAG]`` and one
holding ``snippet-end:[TAG]`` in the same file. Snippets may nest; marker lines never appear
in the extracted text, which is dedented and loses its trailing blank lines.

A marker sits in a comment of the file's language (``languages.py``: ``#`` in Python,
``//`` or ``/*`` in Java, ``"`` in SAP ABAP); a file in no language of the table (Markdown,
YAML, ...) may use any comment syntax. A marker-like line that is malformed, or in a comment
syntax its file's language does not use, is reported.

Only text files are read: folders such as ``.git``, ``.venv`` and ``node_modules``, symbolic
links, lock files, files with binary suffixes or NUL bytes, and files over the size limit are
skipped.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from docgen import languages
from docgen.config import DEFAULT_MAX_FILE_BYTES, Config, excluded_dirs
from docgen.problems import Kind, Problem, error, warning

# Binary files of no language in particular; compiled output comes from the language table.
BINARY_SUFFIXES = frozenset(
    [
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".ico",
        ".webp",
        ".svgz",
        ".pdf",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".7z",
        ".tar",
        ".mp3",
        ".mp4",
        ".wav",
        ".mov",
        ".avi",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
        ".eot",
        ".db",
        ".sqlite",
        ".parquet",
        ".pkl",
        ".npy",
        ".bin",
    ]
)
# Comments of files in no language of the table: Markdown and HTML, SQL, INI, LaTeX, batch...
OTHER_COMMENTS = ("<!--", "--", ";", "%", "::", "rem", "(*", "'")
# What may close a marker's comment on its line: */ (C), */} (JSX), --> (HTML), *) and #>.
_CLOSER = r"(?:\*/\}|\*/|-->|\*\)|#>)"


def _comment(openers: Iterable[str]) -> str:
    """A regular expression for any of ``openers`` (longest first; words end at a boundary)."""
    ordered = sorted(set(openers), key=lambda o: (-len(o), o))
    return (
        "(?:" + "|".join(re.escape(o) + (r"\b" if o[-1].isalnum() else "") for o in ordered) + ")"
    )


def _marker(openers: Iterable[str]) -> re.Pattern[str]:
    return re.compile(
        rf"^\s*{_comment(openers)}\s*snippet-(start|end):\[([^\]\s]+)\]\s*{_CLOSER}?\s*$",
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


FileHook = Callable[[str, bytes], None]


def dedent(lines: list[str]) -> str:
    """Remove the indentation common to all non-blank lines; drop trailing blank lines."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    prefix: str | None = None
    for line in lines:
        if not line.strip():
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if prefix is None:
            prefix = indent
        elif not indent.startswith(prefix):
            common = 0
            for a, b in zip(prefix, indent, strict=False):
                if a != b:
                    break
                common += 1
            prefix = prefix[:common]
        if not prefix:
            break
    cut = len(prefix or "")
    return "\n".join(line[cut:] if line.strip() else "" for line in lines)


def extract_from_text(
    text: str, path: str, syntaxes: MarkerSyntaxes | None = None
) -> tuple[list[Snippet], list[Problem]]:
    """All snippets of one file's text, with the marker problems found in it."""
    syntaxes = syntaxes or MarkerSyntaxes()
    syntax = syntaxes.of(path)
    lines = text.splitlines()
    problems: list[Problem] = []
    snippets: list[Snippet] = []
    stack: list[str] = []
    starts: dict[str, int] = {}  # open tag -> index of its start line
    markers: set[int] = set()
    seen: dict[str, int] = {}  # tag -> line of its first complete snippet in this file
    for index, line in enumerate(lines):
        if "snippet-" not in line:
            continue
        match = syntax.marker.match(line)
        if match is None:
            if syntaxes.marker_like.match(line):
                markers.add(index)
                problems.append(_malformed(path, index + 1, line, syntax, syntaxes))
            continue
        markers.add(index)
        kind, tag = match.group(1).lower(), match.group(2)
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
                    kind=Kind.MARKER,
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
        body = [i for i in range(start + 1, index) if i not in markers]
        if not body or not any(lines[i].strip() for i in body):
            problems.append(
                warning(path, start + 1, f"snippet {tag} is empty", kind=Kind.EMPTY_SNIPPET)
            )
        snippets.append(
            Snippet(
                tag=tag,
                text=dedent([lines[i] for i in body]),
                path=path,
                first_line=(body[0] + 1) if body else start + 2,
                last_line=(body[-1] + 1) if body else index,
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


def iter_source_files(
    root: str,
    excluded: frozenset[str] | None = None,
    exclude: tuple[str, ...] = (),
    problems: list[Problem] | None = None,
) -> Iterator[tuple[str, int]]:
    """Yield ``(path, size)`` of the regular files below ``root`` worth reading.

    ``excluded``: folder names or globs never entered (default: ``config.excluded_dirs()``);
    ``exclude``: path globs relative to ``root``. Lock files and files with binary suffixes
    (generic, and every language's build output) are never yielded.
    """
    excluded = excluded_dirs() if excluded is None else excluded
    folder_names = frozenset(name for name in excluded if not _GLOB.search(name))
    folder_globs = tuple(name for name in excluded if _GLOB.search(name))
    skipped_names = languages.lock_files()
    binary_suffixes = BINARY_SUFFIXES | languages.build_suffixes()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                found = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            if problems is not None:
                problems.append(
                    warning(folder, 0, f"cannot list folder: {exc.strerror or exc}", kind=Kind.READ)
                )
            continue
        subfolders = []
        for entry in found:
            name = entry.name
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir():
                    if name in folder_names or (
                        folder_globs and any(fnmatch.fnmatchcase(name, g) for g in folder_globs)
                    ):
                        continue
                    if exclude and _excluded(entry.path, root, exclude):
                        continue
                    subfolders.append(entry.path)
                elif entry.is_file():
                    if name in skipped_names:
                        continue
                    if os.path.splitext(name)[1].lower() in binary_suffixes:
                        continue
                    if exclude and _excluded(entry.path, root, exclude):
                        continue
                    yield entry.path, entry.stat().st_size
            except OSError:
                continue
        pending.extend(reversed(subfolders))


_GLOB = re.compile(r"[*?\[]")


def _excluded(path: str, root: str, patterns: tuple[str, ...]) -> bool:
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    return any(
        fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(rel, p.rstrip("/")) for p in patterns
    )


def extract(
    root: str,
    config: Config | None = None,
    on_file: FileHook | None = None,
    skip: frozenset[str] = frozenset(),
) -> SnippetIndex:
    """Extract every snippet below ``root``.

    ``on_file(path, data)`` is called with the bytes of every text file read (the validator
    scans them for secrets without reading them twice); paths in ``skip`` (absolute) are
    neither read nor passed on.
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
    syntaxes = MarkerSyntaxes()
    for path, size in iter_source_files(root, excluded, exclude, problems):
        if size > max_bytes:
            continue
        if skip and os.path.abspath(path) in skip:
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            problems.append(warning(path, 0, f"cannot read: {exc.strerror or exc}", kind=Kind.READ))
            continue
        if b"\x00" in data[:8192]:
            continue
        if on_file is not None:
            on_file(path, data)
        if b"snippet-" not in data:
            continue
        text = data.decode("utf-8", errors="replace")
        found, file_problems = extract_from_text(text, path, syntaxes)
        problems.extend(file_problems)
        for snippet in found:
            first = snippets.get(snippet.tag)
            if first is not None:
                problems.append(
                    error(
                        path,
                        snippet.marker_line,
                        f"snippet tag {snippet.tag} is also defined in "
                        f"{first.path}:{first.marker_line}",
                        kind=Kind.DUPLICATE_TAG,
                    )
                )
                continue
            snippets[snippet.tag] = snippet
    return index
