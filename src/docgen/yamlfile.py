# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Line-aware YAML loading that never raises on bad input.

PyYAML (libyaml's C parser when available) composes the document into nodes; the nodes are
turned into plain values whose mappings and sequences remember the line of each entry, so
later stages can say *where* something is wrong. Hostile input (syntax errors, unknown tags,
recursive or exploding aliases, absurd nesting, undecodable bytes) becomes a ``Problem``.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import yaml

from docgen.problems import Kind, Problem, error

if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch
    _Loader: type = yaml.CSafeLoader
else:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader

# libyaml's composer recurses in C: past ~20,000 levels it overflows the C stack. Documents
# that might be that deep are first measured with the (iterative) event parser.
MAX_DEPTH = 200
_COMPOSE_SAFE_BOUND = 5000
# An alias re-uses a node; expanding aliases of aliases grows exponentially ("billion laughs").
MAX_EXPANDED_NODES = 2_000_000

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def line_of(value: Any, path: Sequence[Any], default: int = 0) -> int:
    """The line of the deepest element of ``path`` (keys and indexes) found below ``value``."""
    line = getattr(value, "line", default)
    node = value
    for key in path:
        if isinstance(node, LineDict):
            if not _hashable(key) or key not in node:
                break
            line = node.line_of(key)
        elif isinstance(node, LineList):
            if not isinstance(key, int) or not 0 <= key < len(node):
                break
            line = node.line_of(key)
        else:
            break
        node = node[key]
    return line


def _hashable(key: Any) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


@contextmanager
def gc_paused() -> Iterator[None]:
    # Building a large tree triggers the cyclic collector again and again on an ever larger
    # heap, which makes loading quadratic; nothing built here needs it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_BRACKETS = re.compile(r"[\[{]")


def _depth_bound(text: str) -> int:
    """A cheap upper bound of the nesting depth (flow brackets + block indentation)."""
    longest = max((len(line) for line in text.splitlines()), default=0)
    return 2 * longest + len(_BRACKETS.findall(text)) + 4


def _measure_depth(text: str, limit: int) -> int:
    """The nesting depth of ``text``, or ``limit + 1`` as soon as it is known to be deeper."""
    depth = deepest = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limit:
                return depth
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return deepest


def _mark_line(exc: yaml.MarkedYAMLError) -> int:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else 0


def _first_line(text: str) -> str:
    return " ".join(text.split())


class _Builder:
    """Turns composed nodes into ``LineDict``/``LineList``/scalars, reporting oddities."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        self.done: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}  # node -> number of values it expands to
        self.active: set[int] = set()
        self.aliased = False  # whether an alias re-used a node (only aliases can explode)

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        key = id(node)
        if key in self.done:  # an alias: the node was built already
            self.aliased = True
            return self.done[key]
        if key in self.active:
            self.problems.append(
                error(self.path, node.start_mark.line + 1, "recursive YAML alias", kind=Kind.YAML)
            )
            return None
        if depth > MAX_DEPTH:
            self.problems.append(
                error(
                    self.path,
                    node.start_mark.line + 1,
                    f"nesting deeper than {MAX_DEPTH}",
                    kind=Kind.YAML,
                )
            )
            return None
        self.active.add(key)
        try:
            value = self._build(node, depth)
        finally:
            self.active.discard(key)
        self.done[key] = value
        return value

    def expanded_size(self, node: yaml.Node) -> int:
        """How many values ``node`` stands for once its aliases are expanded (each node is
        counted once, so this is quick even when the answer is astronomical)."""
        key = id(node)
        if key not in self.sizes:
            self.sizes[key] = 1  # a recursive alias (reported while building) counts once
            if not isinstance(node, yaml.ScalarNode):
                children = (
                    [n for pair in node.value for n in pair]
                    if isinstance(node, yaml.MappingNode)
                    else node.value
                )
                self.sizes[key] = 1 + sum(self.expanded_size(child) for child in children)
        return self.sizes[key]

    def _build(self, node: yaml.Node, depth: int) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            items = LineList()
            items.line = node.start_mark.line + 1
            lines = []
            for child in node.value:
                lines.append(child.start_mark.line + 1)
                # Scalars (most nodes) cannot nest or recurse: built here, without build()'s
                # bookkeeping. A text scalar is its value.
                if type(child) is yaml.ScalarNode:
                    items.append(child.value if child.tag == _STR else self._scalar(child))
                else:
                    items.append(self.build(child, depth + 1))
            items.item_lines = lines
            return items
        if isinstance(node, yaml.MappingNode):
            mapping = LineDict()
            mapping.line = node.start_mark.line + 1
            key_lines: dict[Any, int] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if type(key_node) is yaml.ScalarNode:
                    k = key_node.value if key_node.tag == _STR else self._scalar(key_node)
                else:
                    k = f"<{type(key_node).__name__[:-4].lower()} key>"
                    self.problems.append(
                        error(self.path, line, "a mapping key must be a scalar", kind=Kind.YAML)
                    )
                if type(k) is not str and not _hashable(k):  # a timestamp is fine; else text
                    k = str(k)
                if k in key_lines:
                    self.problems.append(
                        error(
                            self.path,
                            line,
                            f"duplicate key {k!r} (first on line {key_lines[k]})",
                            kind=Kind.YAML,
                        )
                    )
                key_lines[k] = line
                if type(value_node) is yaml.ScalarNode:
                    mapping[k] = (
                        value_node.value if value_node.tag == _STR else self._scalar(value_node)
                    )
                else:
                    mapping[k] = self.build(value_node, depth + 1)
            mapping.key_lines = key_lines
            return mapping
        return None  # pragma: no cover - no other node kinds exist

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        try:
            if tag == _INT:
                return self.constructor.construct_yaml_int(node)
            if tag == _NULL:
                return None
            if tag == _BOOL:
                return self.constructor.construct_yaml_bool(node)
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            self.problems.append(
                error(
                    self.path,
                    node.start_mark.line + 1,
                    f"unsupported YAML value {tag}: {_first_line(str(exc))[:120]}",
                    kind=Kind.YAML,
                )
            )
            return str(node.value)


def parse_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document. Returns ``(value, problems)``; value is None on failure."""
    try:
        if _depth_bound(text) > _COMPOSE_SAFE_BOUND:
            depth = _measure_depth(text, MAX_DEPTH)
            if depth > MAX_DEPTH:
                return None, [
                    error(path, 1, f"YAML nesting deeper than {MAX_DEPTH}", kind=Kind.YAML)
                ]
        with gc_paused():
            node = yaml.compose(text, Loader=_Loader)
            if node is None:
                return None, []
            builder = _Builder(path)
            value = builder.build(node)
            # Only aliases make a document stand for more values than it holds: a billion
            # laughs would make every later stage walk the expansion.
            if builder.aliased and builder.expanded_size(node) > MAX_EXPANDED_NODES:
                return None, [
                    error(path, 1, "YAML aliases expand to too many nodes", kind=Kind.YAML)
                ]
            return value, builder.problems
    except yaml.MarkedYAMLError as exc:
        message = _first_line(f"{exc.context or ''} {exc.problem or ''}".strip())
        return None, [error(path, _mark_line(exc), f"YAML syntax error: {message}", kind=Kind.YAML)]
    except yaml.YAMLError as exc:
        return None, [error(path, 0, f"YAML error: {_first_line(str(exc))[:200]}", kind=Kind.YAML)]
    except RecursionError:
        return None, [error(path, 1, "YAML nesting too deep", kind=Kind.YAML)]


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode YAML bytes as UTF-8 (with or without BOM); NUL bytes mean "not YAML"."""
    if b"\x00" in data:
        return None, [error(path, 0, "not a text file (NUL bytes)", kind=Kind.ENCODING)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(path, line, "not valid UTF-8", kind=Kind.ENCODING)]


def load_yaml_file(path: str) -> tuple[Any, list[Problem], bytes]:
    """Read and parse ``path``: ``(value, problems, raw bytes)``."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return None, [error(path, 0, f"cannot read: {exc.strerror or exc}", kind=Kind.READ)], b""
    text, problems = decode(data, path)
    if text is None:
        return None, problems, data
    value, problems = parse_yaml(text, path)
    return value, problems, data
