"""Extract snippets from source files (stage 2 of the pipeline).

A snippet is the lines between a comment line holding ``snippet-start:[TAG]`` and one
holding ``snippet-end:[TAG]`` in the same file. Snippets may nest; marker lines never appear
in the extracted text, which is dedented and loses its trailing blank lines.

Only text files are read: folders such as ``.git``, ``.venv`` and ``node_modules``, symbolic
links, files with binary suffixes or NUL bytes, and files over the size limit are skipped.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from docgen.config import DEFAULT_EXCLUDED_DIRS, DEFAULT_MAX_FILE_BYTES, Config
from docgen.problems import Problem, error, warning

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
        ".whl",
        ".egg",
        ".jar",
        ".war",
        ".class",
        ".so",
        ".dylib",
        ".dll",
        ".exe",
        ".o",
        ".a",
        ".pyc",
        ".pyo",
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
# Generated lock files are full of hashes that look like keys and hold no snippets.
SKIPPED_NAMES = frozenset({"package-lock.json", "yarn.lock", "uv.lock", "poetry.lock"})

_COMMENT = r"(?:#|//|/\*|\*|--|<!--|;|'|%|::|\{/\*|\(\*|rem\b)"
_MARKER_LIKE = re.compile(rf"^\s*{_COMMENT}\s*snippet-(start|end)\b", re.IGNORECASE)
_MARKER = re.compile(
    rf"^\s*{_COMMENT}\s*snippet-(start|end):\[([^\]\s]+)\]\s*(?:\*/|-->|\*\)|\*/\}})?\s*$",
    re.IGNORECASE,
)


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
    files_read: int = 0


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


def extract_from_text(text: str, path: str) -> tuple[list[Snippet], list[Problem]]:
    """All snippets of one file's text, with the marker problems found in it."""
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
        match = _MARKER.match(line)
        if match is None:
            if _MARKER_LIKE.match(line):
                markers.add(index)
                problems.append(
                    error(path, index + 1, f"malformed snippet marker: {line.strip()[:80]!r}")
                )
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
                    )
                )
                continue
            starts[tag] = index
            stack.append(tag)
            continue
        if tag not in starts:
            problems.append(error(path, index + 1, f"snippet-end:[{tag}] without snippet-start"))
            continue
        if stack[-1] != tag:
            inner = stack[stack.index(tag) + 1 :]
            problems.append(
                error(
                    path,
                    index + 1,
                    f"snippet {tag} crosses snippet {', '.join(inner)}: it ends before "
                    "the snippets started inside it",
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
                )
            )
            continue
        seen[tag] = start + 1
        body = [i for i in range(start + 1, index) if i not in markers]
        if not body or not any(lines[i].strip() for i in body):
            problems.append(warning(path, start + 1, f"snippet {tag} is empty"))
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
            error(path, starts[tag] + 1, f"snippet-start:[{tag}] has no snippet-end in this file")
        )
    return snippets, problems


def iter_source_files(
    root: str,
    excluded_dirs: frozenset[str] = DEFAULT_EXCLUDED_DIRS,
    exclude: tuple[str, ...] = (),
    problems: list[Problem] | None = None,
) -> Iterator[tuple[str, int]]:
    """Yield ``(path, size)`` of the regular files below ``root`` worth reading."""
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                found = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            if problems is not None:
                problems.append(warning(folder, 0, f"cannot list folder: {exc.strerror or exc}"))
            continue
        subfolders = []
        for entry in found:
            name = entry.name
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir():
                    if name in excluded_dirs or name.endswith(".egg-info"):
                        continue
                    if exclude and _excluded(entry.path, root, exclude):
                        continue
                    subfolders.append(entry.path)
                elif entry.is_file():
                    if name in SKIPPED_NAMES:
                        continue
                    if os.path.splitext(name)[1].lower() in BINARY_SUFFIXES:
                        continue
                    if exclude and _excluded(entry.path, root, exclude):
                        continue
                    yield entry.path, entry.stat().st_size
            except OSError:
                continue
        pending.extend(reversed(subfolders))


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
    excluded_dirs = config.excluded_dirs if config else DEFAULT_EXCLUDED_DIRS
    exclude = config.exclude if config else ()
    max_bytes = config.max_file_bytes if config else DEFAULT_MAX_FILE_BYTES
    if not os.path.isdir(root):
        index.problems.append(error(root, 0, "source root not found (see --root)"))
        return index
    problems = index.problems
    snippets = index.snippets
    for path, size in iter_source_files(root, excluded_dirs, exclude, problems):
        if size > max_bytes:
            continue
        if skip and os.path.abspath(path) in skip:
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            problems.append(warning(path, 0, f"cannot read: {exc.strerror or exc}"))
            continue
        if b"\x00" in data[:8192]:
            continue
        index.files_read += 1
        if on_file is not None:
            on_file(path, data)
        if b"snippet-" not in data:
            continue
        text = data.decode("utf-8", errors="replace")
        found, file_problems = extract_from_text(text, path)
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
                    )
                )
                continue
            snippets[snippet.tag] = snippet
    return index
