"""The languages docgen knows: one ``Language`` record per ``sdks.yaml`` language name.

Everything docgen knows about a language is here and nowhere else: the extensions of its
source files, the comments a snippet marker may sit in, how its SDK calls an API action
(the "snippet calls its action" check), its lock files and build output (never searched), and
the Pygments lexer that highlights it.

**To add a language**, add a ``Language(...)`` to ``LANGUAGES`` at the end of this module and
the language to ``sdks.yaml``; nothing else changes. A language that ``sdks.yaml`` names and
this table lacks is reported by ``docgen validate`` (kind ``no-language-entry``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from docgen import names


class CallCheck(Protocol):
    """Says which API actions a snippet calls (regular expressions here; a parser could too)."""

    def called(self, text: str, *, strict: bool, service: str) -> set[str]:
        """Canonical names (``names.canonical``) of the actions ``text`` calls.

        ``strict``: only the SDK call itself (what an action's page must show); otherwise also
        what a larger program calls (a scenario calling the action modules' functions).
        ``service``: the service's name in calls (``cognito-idp`` for the AWS CLI).
        """
        ...

    def hint(self, action: str, service: str) -> str:
        """How a strict call of ``action`` looks, for the problem message."""
        ...


@dataclass(frozen=True)
class CallShapes:
    """A ``CallCheck`` made of regular expressions.

    Each pattern has one group that names what is called, in any case (``sign_up``,
    ``SignUp``, ``signUp`` and ``sign-up`` all name ``SignUp``), or two named groups,
    ``service`` and ``name``, when calls name the service too (``aws cognito-idp sign-up``).
    ``loose`` patterns are added to ``strict`` ones for the loose check. ``hint`` may use
    ``{Action}``, ``{snake}``, ``{kebab}``, ``{camel}``, ``{lower}`` and ``{service}``.
    """

    strict: tuple[str, ...]
    hint_text: str
    loose: tuple[str, ...] = ()
    flags: int = 0
    _compiled: dict[bool, tuple[re.Pattern[str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        strict = tuple(re.compile(p, self.flags) for p in self.strict)
        loose = strict + tuple(re.compile(p, self.flags) for p in self.loose)
        for pattern in loose:
            if "service" in pattern.groupindex:
                if "name" not in pattern.groupindex:
                    raise ValueError(f"{pattern.pattern!r}: a 'service' group needs a 'name' group")
            elif pattern.groups != 1:
                raise ValueError(f"{pattern.pattern!r}: needs exactly one group (the name)")
        self._compiled[True] = strict
        self._compiled[False] = loose

    def called(self, text: str, *, strict: bool, service: str = "") -> set[str]:
        found: set[str] = set()
        for pattern in self._compiled[strict]:
            if "service" in pattern.groupindex:
                for match in pattern.finditer(text):
                    if match.group("service") == service:
                        found.add(names.canonical(match.group("name")))
            else:
                found.update(names.canonical(name) for name in pattern.findall(text))
        return found

    def hint(self, action: str, service: str = "") -> str:
        return self.hint_text.format(
            Action=action,
            snake=names.snake(action),
            kebab=names.kebab(action),
            camel=names.camel(action),
            lower=action.lower(),
            service=service,
        )


@dataclass(frozen=True)
class Language:
    """What docgen knows about one language of the collection."""

    name: str  # as sdks.yaml and the metadata spell it: "Python", ".NET", "SAP ABAP"
    extensions: tuple[str, ...]  # its source files, lower case: (".py",)
    comments: tuple[str, ...]  # what opens a comment that holds a snippet marker: ("#",)
    lexer: str  # Pygments lexer name, also the Markdown fence's language
    calls: CallCheck | None  # None only with a reason in no_call_check
    no_call_check: str = ""  # why this language's snippets cannot be checked for calls
    lock_files: tuple[str, ...] = ()  # generated files never searched (full of hashes)
    build_folders: tuple[str, ...] = ()  # folder names or globs never searched
    build_suffixes: tuple[str, ...] = ()  # compiled output never searched

    def __post_init__(self) -> None:
        if self.calls is None and not self.no_call_check:
            raise ValueError(f"{self.name}: give call shapes, or say in no_call_check why not")
        if any(ext != ext.lower() or not ext.startswith(".") for ext in self.extensions):
            raise ValueError(f"{self.name}: extensions are lower case and start with a dot")


# --------------------------------------------------------------------------- shared shapes

_HASH = ("#",)
# A call of a function named in camel case (a scenario calling the action examples' functions:
# signUp(client, ...)), not its declaration.
_FUNCTION_CALL = r"(?<!function )(?<!fun )(?<!void )\b([a-z][A-Za-z0-9]*)\s*\("
# C-family comments: line, block, documentation, and the "*" that continues a block.
_C = ("//", "///", "/*", "/**", "*")
_JS_CALLS = CallShapes(
    # v3: a command object is constructed (importing it is not calling it); paginators.
    strict=(r"\bnew\s+([A-Z]\w*)Command\b", r"\bpaginate([A-Z]\w*)\s*\("),
    # A scenario calls the action modules' functions: signUp(client, ...).
    loose=(r"\b([A-Z]\w*?)Command\b", _FUNCTION_CALL),
    hint_text="new {Action}Command(",
)
_AWS_CLI_CALLS = CallShapes(
    # aws [--global-option [value]]... <service> <action>, across line continuations.
    strict=(
        r"\baws(?:(?:\s|\\)+--[a-z][a-z0-9-]*(?:[ =](?!-)\S+)?)*"
        r"(?:\s|\\)+(?P<service>[a-z][a-z0-9-]*)(?:\s|\\)+(?P<name>[a-z][a-z0-9-]*)",
    ),
    # A scenario runs the action scripts: actions/sign-up.sh.
    loose=(r"\b([a-z][a-z0-9-]*)\.sh\b",),
    hint_text="aws {service} {kebab}",
)
# A request object named after its action (SignUpRequest): Java, Kotlin, .NET and C++.
_REQUEST_TYPE = r"\b([A-Z]\w*)Request\b"
_NODE_LOCKS = ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml")
_C_FAMILY_BUILD = (".o", ".a", ".so", ".dylib", ".obj", ".lib")

LANGUAGES: dict[str, Language] = {
    language.name: language
    for language in (
        Language(
            name="Python",
            extensions=(".py", ".pyi"),
            comments=_HASH,
            lexer="python",
            calls=CallShapes(
                strict=(
                    r"\.([a-z_][a-z0-9_]*)\s*\(",
                    r"""get_paginator\(\s*["']([a-z0-9_]+)["']""",
                ),
                # A scenario calls the action modules' functions: sign_up(...).
                loose=(r"(?<!def )\b([a-z_][a-z0-9_]*)\(",),
                hint_text=".{snake}(",
            ),
            lock_files=("uv.lock", "poetry.lock", "Pipfile.lock", "pdm.lock"),
            build_folders=(
                ".venv",
                "venv",
                "__pycache__",
                ".mypy_cache",
                ".pytest_cache",
                ".ruff_cache",
                ".hypothesis",
                ".nox",
                ".tox",
                "*.egg-info",
            ),
            build_suffixes=(".pyc", ".pyo", ".whl", ".egg"),
        ),
        Language(
            name="JavaScript",
            extensions=(".js", ".mjs", ".cjs", ".jsx"),
            comments=(*_C, "{/*"),  # {/* ... */} in JSX
            lexer="javascript",
            calls=_JS_CALLS,
            lock_files=_NODE_LOCKS,
            build_folders=("node_modules",),
        ),
        Language(
            name="TypeScript",
            extensions=(".ts", ".mts", ".cts", ".tsx"),
            comments=(*_C, "{/*"),
            lexer="typescript",
            calls=_JS_CALLS,
            lock_files=_NODE_LOCKS,
            build_folders=("node_modules",),
        ),
        Language(
            name="CLI",
            extensions=(".sh", ".bash"),
            comments=_HASH,
            lexer="bash",
            calls=_AWS_CLI_CALLS,
        ),
        Language(
            name="Bash",
            extensions=(".sh", ".bash"),
            comments=_HASH,
            lexer="bash",
            calls=_AWS_CLI_CALLS,
        ),
        Language(
            name="Java",
            extensions=(".java",),
            comments=_C,
            lexer="java",
            calls=CallShapes(
                # client.listUsers(request), or its paginator client.listUsersPaginator(request)
                strict=(r"\.([a-z]\w*?)(?:Paginator)?\s*\(",),
                loose=(_REQUEST_TYPE, _FUNCTION_CALL),
                hint_text=".{camel}(",
            ),
            lock_files=("gradle.lockfile",),
            build_folders=("target", "build", ".gradle"),
            build_suffixes=(".class", ".jar", ".war"),
        ),
        Language(
            name="Kotlin",
            extensions=(".kt", ".kts"),
            comments=_C,
            lexer="kotlin",
            calls=CallShapes(
                # client.signUp(request) or client.signUp { ... } (a request builder), and
                # the paginators: client.listUsersPaginated { ... }
                strict=(r"\.([a-z]\w*?)(?:Paginated)?\s*[({]",),
                loose=(_REQUEST_TYPE, _FUNCTION_CALL),
                hint_text=".{camel}(",
            ),
            lock_files=("gradle.lockfile",),
            build_folders=("build", ".gradle", ".kotlin"),
            build_suffixes=(".class", ".jar"),
        ),
        Language(
            name=".NET",
            extensions=(".cs", ".csx"),
            comments=_C,
            lexer="csharp",
            calls=CallShapes(
                strict=(r"\.([A-Z]\w*?)Async\s*\(",),
                loose=(_REQUEST_TYPE,),
                hint_text=".{Action}Async(",
            ),
            lock_files=("packages.lock.json",),
            # bin/ is left out: other languages keep scripts there.
            build_folders=("obj",),
            build_suffixes=(".dll", ".exe", ".pdb", ".nupkg"),
        ),
        Language(
            name="Go",
            extensions=(".go",),
            comments=_C,
            lexer="go",
            calls=CallShapes(
                strict=(r"\.([A-Z]\w*)\s*\(", r"\bNew([A-Z]\w*)Paginator\s*\("),
                loose=(r"\b([A-Z]\w*)Input\b",),
                hint_text=".{Action}(",
            ),
            lock_files=("go.sum",),
            build_folders=("vendor",),
        ),
        Language(
            name="Rust",
            extensions=(".rs",),
            comments=(*_C, "//!"),
            lexer="rust",
            calls=CallShapes(strict=(r"\.([a-z_]\w*)\s*\(",), hint_text=".{snake}("),
            lock_files=("Cargo.lock",),
            build_folders=("target",),
            build_suffixes=(".rlib",),
        ),
        Language(
            name="Ruby",
            extensions=(".rb",),
            comments=_HASH,
            lexer="ruby",
            calls=CallShapes(strict=(r"\.([a-z_]\w*)\s*\(",), hint_text=".{snake}("),
            lock_files=("Gemfile.lock",),
            build_folders=(".bundle", "vendor"),
        ),
        Language(
            name="PHP",
            extensions=(".php",),
            comments=(*_C, "#"),
            lexer="php",
            calls=CallShapes(strict=(r"->([a-z]\w*)\s*\(",), hint_text="->{camel}("),
            lock_files=("composer.lock",),
            build_folders=("vendor",),
        ),
        Language(
            name="C++",
            extensions=(".cpp", ".cc", ".cxx", ".c", ".h", ".hpp", ".hh", ".hxx"),
            comments=_C,
            lexer="cpp",
            calls=CallShapes(
                strict=(r"(?:\.|->)([A-Z]\w*)\s*\(",),
                loose=(_REQUEST_TYPE,),
                hint_text=".{Action}(",
            ),
            lock_files=("conan.lock",),
            build_folders=("build", "cmake-build-*"),
            build_suffixes=_C_FAMILY_BUILD,
        ),
        Language(
            name="Swift",
            extensions=(".swift",),
            comments=_C,
            lexer="swift",
            calls=CallShapes(
                # client.signUp(input:) and client.listUsersPaginated(input:)
                strict=(r"\.([a-z]\w*?)(?:Paginated)?\s*\(",),
                loose=(r"\b([A-Z]\w*)Input\b",),
                hint_text=".{camel}(",
            ),
            lock_files=("Package.resolved", "Podfile.lock"),
            build_folders=(".build", ".swiftpm", "Pods", "DerivedData"),
        ),
        Language(
            name="SAP ABAP",
            extensions=(".abap",),
            comments=('"', "*"),  # " anywhere on a line; * in the first column
            lexer="abap",
            # lo_cgp->associatesoftwaretoken( ... ): ABAP names are case-insensitive.
            calls=CallShapes(
                strict=(r"->\s*([a-z]\w*)\s*\(",), hint_text="->{lower}(", flags=re.IGNORECASE
            ),
        ),
        Language(
            name="PowerShell",
            extensions=(".ps1", ".psm1"),
            comments=("#", "<#"),
            lexer="powershell",
            calls=None,
            no_call_check=(
                "AWS Tools for PowerShell names its cmdlets by hand, not after the API action "
                "(SignUp is Register-CGIPUserInPool, AssociateSoftwareToken Add-CGIPSoftwareToken)"
            ),
        ),
    )
}


# --------------------------------------------------------------------------- questions


def get(name: str) -> Language | None:
    """The language ``sdks.yaml`` and the metadata call ``name``, or None when unknown."""
    return LANGUAGES.get(name)


def by_extension() -> dict[str, tuple[Language, ...]]:
    """Lower-case file extension -> the languages whose source files have it."""
    found: dict[str, list[Language]] = {}
    for language in LANGUAGES.values():
        for extension in language.extensions:
            found.setdefault(extension, []).append(language)
    return {extension: tuple(group) for extension, group in found.items()}


def _union(values: Iterable[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(item for group in values for item in group)


def lock_files() -> frozenset[str]:
    return _union(language.lock_files for language in LANGUAGES.values())


def build_folders() -> frozenset[str]:
    return _union(language.build_folders for language in LANGUAGES.values())


def build_suffixes() -> frozenset[str]:
    return _union(language.build_suffixes for language in LANGUAGES.values())


def comments() -> frozenset[str]:
    """Every comment opener of every language."""
    return _union(language.comments for language in LANGUAGES.values())
