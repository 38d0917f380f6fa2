# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from docgen import boto3_resources, names


class CallCheck(Protocol):
    """Says which API actions a snippet calls (regular expressions here; a parser could too)."""

    def called(self, text: str, *, strict: bool, service: str, slug: str = "") -> set[str]:
        """Canonical names (``names.canonical``) of the actions ``text`` calls.

        ``strict``: only the SDK call itself (what an action's page must show); otherwise also
        what a larger program calls (a scenario calling the action modules' functions).
        ``service``: the service's name in calls (``cognito-idp`` for the AWS CLI);
        ``slug``: its ``services.yaml`` key (``cognito-identity-provider``).
        """
        ...

    def calls(self, action: str, text: str, *, service: str, slug: str = "") -> bool:
        """Whether ``text`` calls ``action`` (the strict check of an action's snippet)."""
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

    ``aliases``: per service (its services.yaml key, or its name in calls), canonical names
    that call actions of other names (the DynamoDB document client's ``PutCommand`` and
    ``put(`` call ``putitem``).
    ``abbreviates``: the SDK shortens long names word by word, keeping each word's first
    letter (SAP ABAP's 30-character method names: ``createconfseteventdst`` is
    ``CreateConfigurationSetEventDestination``).
    """

    strict: tuple[str, ...]
    hint_text: str
    loose: tuple[str, ...] = ()
    flags: int = 0
    aliases: Mapping[str, Mapping[str, str | tuple[str, ...]]] = field(
        default_factory=dict, compare=False
    )
    abbreviates: bool = False
    # Other names of a service in calls: the AWS CLI's low-level S3 commands are ``aws s3api``.
    service_names: Mapping[str, str] = field(default_factory=dict, compare=False)
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

    def called(self, text: str, *, strict: bool, service: str = "", slug: str = "") -> set[str]:
        found: set[str] = set()
        for pattern in self._compiled[strict]:
            if "service" in pattern.groupindex:
                for match in pattern.finditer(text):
                    named = match.group("service")
                    if self.service_names.get(named, named) == service:
                        found.add(names.canonical(match.group("name")))
            else:
                found.update(names.canonical(name) for name in pattern.findall(text))
        renamed = self.aliases.get(slug) or self.aliases.get(service)
        if renamed:
            for name in found & renamed.keys():
                also = renamed[name]
                found.update((also,) if isinstance(also, str) else also)
        return found

    def calls(self, action: str, text: str, *, service: str = "", slug: str = "") -> bool:
        return self.calls_action(action, self.called(text, strict=True, service=service, slug=slug))

    def calls_action(self, action: str, called: set[str]) -> bool:
        """Whether ``called`` (what ``called()`` found) includes a call of ``action``."""
        if names.canonical(action) in called:
            return True
        if not self.abbreviates:
            return False
        shortened = names.abbreviations(action)
        return any(shortened.fullmatch(name) for name in called)

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
class WithResources:
    """A call check for an SDK with a resource API (Python's boto3, Ruby's aws-sdk): the
    client's methods (``shapes``), plus what resource methods call (``alarm.delete()``,
    ``iam.User(name).create_access_key_pair()``), from the resource models boto3 ships, which
    both SDKs share (``boto3_resources``)."""

    shapes: CallShapes

    def called(self, text: str, *, strict: bool, service: str = "", slug: str = "") -> set[str]:
        found = self.shapes.called(text, strict=strict, service=service, slug=slug)
        found |= boto3_resources.called(text, (slug, service))
        renamed = self.shapes.aliases.get(slug) or self.shapes.aliases.get(service)
        for name in found & renamed.keys() if renamed else ():
            also = renamed[name]  # type: ignore[index]
            found |= {also} if isinstance(also, str) else set(also)
        return found

    def calls(self, action: str, text: str, *, service: str = "", slug: str = "") -> bool:
        # The client's methods first: most snippets call the action that way, and reading
        # the resource model is then not needed.
        return self.shapes.calls(action, text, service=service, slug=slug) or (
            self.shapes.calls_action(
                action, self.called(text, strict=True, service=service, slug=slug)
            )
        )

    def hint(self, action: str, service: str = "") -> str:
        return self.shapes.hint(action, service)


@dataclass(frozen=True)
class Language:
    """What docgen knows about one language of the collection."""

    name: str  # as sdks.yaml and the metadata spell it: "Python", ".NET", "SAP ABAP"
    extensions: tuple[str, ...]  # its source files, lower case: (".py",)
    comments: tuple[str, ...]  # what opens a comment that holds a snippet marker: ("#",)
    lexer: str  # Pygments lexer name, also the Markdown fence's language
    calls: CallCheck | None  # None only with a reason in no_call_check
    no_call_check: str = ""  # why this language's snippets cannot be checked for calls
    # SDK versions whose code calls actions another way (JavaScript v2: ``iam.createUser(``)
    calls_by_sdk: Mapping[int, CallCheck] = field(default_factory=dict, compare=False)
    lock_files: tuple[str, ...] = ()  # generated files never searched (full of hashes)
    build_folders: tuple[str, ...] = ()  # folder names or globs never searched

    def __post_init__(self) -> None:
        if self.calls is None and not self.no_call_check:
            raise ValueError(f"{self.name}: give call shapes, or say in no_call_check why not")
        if any(ext != ext.lower() or not ext.startswith(".") for ext in self.extensions):
            raise ValueError(f"{self.name}: extensions are lower case and start with a dot")

    def call_check(self, sdk_version: int | None) -> CallCheck | None:
        """How code written for ``sdk_version`` of this language's SDK calls an action."""
        if sdk_version is not None and sdk_version in self.calls_by_sdk:
            return self.calls_by_sdk[sdk_version]
        return self.calls


# --------------------------------------------------------------------------- shared shapes

_HASH = ("#",)
# A call of a function named in camel case (a scenario calling the action examples' functions:
# signUp(client, ...)), not its declaration.
_FUNCTION_CALL = r"(?<!function )(?<!fun )(?<!void )\b([a-z][A-Za-z0-9]*)\s*\("
# C-family comments: line, block, documentation, and the "*" that continues a block.
_C = ("//", "///", "/*", "/**", "*")
# The DynamoDB document client names its calls after the items they take: lib-dynamodb's
# PutCommand (v3) and DocumentClient's put( (v2) call PutItem; nodemailer's SES transport
# sends with SendRawEmail (SES) or SendEmail (SES v2).
_DYNAMODB_DOCUMENT_CLIENT: dict[str, dict[str, str | tuple[str, ...]]] = {
    "ses": {"sendmail": "sendrawemail"},
    "sesv2": {"sendmail": "sendemail"},
    "dynamodb": {
        "put": "putitem",
        "get": "getitem",
        "update": "updateitem",
        "delete": "deleteitem",
        "batchwrite": "batchwriteitem",
        "batchget": "batchgetitem",
        "transactwrite": "transactwriteitems",
        "transactget": "transactgetitems",
    },
}
_JS_CALLS = CallShapes(
    # v3: a command object is constructed (importing it is not calling it); paginators; and
    # nodemailer's SES transport, whose sendMail( sends with SendRawEmail.
    strict=(
        r"\bnew\s+([A-Z]\w*)Command\b",
        r"\bpaginate([A-Z]\w*)\s*\(",
        r"\.(sendMail)\s*\(",
    ),
    # A scenario calls the action modules' functions: signUp(client, ...).
    loose=(r"\b([A-Z]\w*?)Command\b", _FUNCTION_CALL),
    hint_text="new {Action}Command(",
    aliases=_DYNAMODB_DOCUMENT_CLIENT,
)
# v2: a method of the service object, with a callback or .promise(): iam.createUser(params, ...)
_JS_V2_CALLS = CallShapes(
    strict=(r"\.([a-z]\w*)\s*\(",),
    loose=(_FUNCTION_CALL,),
    hint_text=".{camel}(",
    aliases=_DYNAMODB_DOCUMENT_CLIENT,
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
    service_names={"s3api": "s3"},
)
# The AWS SDK for .NET names some methods unlike their actions (S3's PutBucketAsync is
# CreateBucket), and its high-level helpers call actions (Glacier's ArchiveTransferManager,
# DynamoDB's object persistence model).
_DOTNET_NAMES: dict[str, dict[str, str | tuple[str, ...]]] = {
    "s3": {
        "putbucket": "createbucket",
        "getlifecycleconfiguration": "getbucketlifecycleconfiguration",
        "putlifecycleconfiguration": "putbucketlifecycleconfiguration",
        "deletelifecycleconfiguration": "deletebucketlifecycle",
        "getcorsconfiguration": "getbucketcors",
        "putcorsconfiguration": "putbucketcors",
        "deletecorsconfiguration": "deletebucketcors",
        "getacl": ("getbucketacl", "getobjectacl"),
        "putacl": ("putbucketacl", "putobjectacl"),
        "putbucketnotification": "putbucketnotificationconfiguration",
        "listversions": "listobjectversions",
    },
    "dynamodb": {
        "createbatchwrite": "batchwriteitem",
        "createbatchget": "batchgetitem",
        "createtransactwrite": "transactwriteitems",
        "createtransactget": "transactgetitems",
    },
    "glacier": {"upload": "uploadarchive", "download": ("initiatejob", "getjoboutput")},
}
# boto3's customizations call actions: table.batch_writer() (BatchWriteItem), the S3 transfer
# methods (upload_file: PutObject or a multipart upload; download_file: GetObject).
_BOTO3_NAMES: dict[str, dict[str, str | tuple[str, ...]]] = {
    "dynamodb": {"batchwriter": "batchwriteitem"},
    "s3": {
        "uploadfile": ("putobject", "createmultipartupload"),
        "uploadfileobj": ("putobject", "createmultipartupload"),
        "downloadfile": "getobject",
        "downloadfileobj": "getobject",
        "copy": "copyobject",
    },
}
# Ruby's resources differ from boto3's here: a bucket's objects are listed with
# ListObjectsV2, and an RDS instance's create_snapshot calls CreateDBSnapshot.
_RUBY_NAMES: dict[str, dict[str, str | tuple[str, ...]]] = {
    "s3": {"listobjects": "listobjectsv2"},
    "rds": {"createsnapshot": "createdbsnapshot"},
}
# A request object named after its action (SignUpRequest): Java, Kotlin, .NET and C++.
_REQUEST_TYPE = r"\b([A-Z]\w*)Request\b"
_NODE_LOCKS = ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml")

LANGUAGES: dict[str, Language] = {
    language.name: language
    for language in (
        Language(
            name="Python",
            extensions=(".py", ".pyi"),
            comments=_HASH,
            lexer="python",
            calls=WithResources(
                CallShapes(
                    strict=(
                        r"\.([a-z_][a-z0-9_]*)\s*\(",
                        r"""get_paginator\(\s*["']([a-z0-9_]+)["']""",
                    ),
                    # A scenario calls the action modules' functions: sign_up(...).
                    loose=(r"(?<!def )\b([a-z_][a-z0-9_]*)\(",),
                    hint_text=".{snake}(",
                    aliases=_BOTO3_NAMES,
                )
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
        ),
        Language(
            name="JavaScript",
            extensions=(".js", ".mjs", ".cjs", ".jsx"),
            comments=(*_C, "{/*"),  # {/* ... */} in JSX
            lexer="javascript",
            calls=_JS_CALLS,
            calls_by_sdk={2: _JS_V2_CALLS},
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
                # client.listUsers(request), its paginator client.listUsersPaginator(request),
                # and S3's s3.getObjectAsBytes(request)
                strict=(r"\.([a-z]\w*?)(?:Paginator|AsBytes)?\s*\(",),
                loose=(_REQUEST_TYPE, _FUNCTION_CALL),
                hint_text=".{camel}(",
            ),
            lock_files=("gradle.lockfile",),
            build_folders=("target", "build", ".gradle"),
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
        ),
        Language(
            name=".NET",
            extensions=(".cs", ".csx"),
            comments=_C,
            lexer="csharp",
            calls=CallShapes(
                # client.ListUsersAsync(request), client.Paginators.ListUsers(request), and
                # DynamoDB's document and object persistence models: table.Query(config),
                # context.CreateBatchWrite<Movie>()
                strict=(
                    r"\.([A-Z]\w*?)Async\s*\(",
                    r"\.Paginators\.([A-Z]\w*)\s*\(",
                    r"\.(Create(?:Batch|Transact)(?:Write|Get)|Query|Scan)\b",
                ),
                loose=(_REQUEST_TYPE,),
                hint_text=".{Action}Async(",
                aliases=_DOTNET_NAMES,
            ),
            lock_files=("packages.lock.json",),
            # bin/ is left out: other languages keep scripts there.
            build_folders=("obj",),
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
            # client.list_users(), and the credentials provider that calls AssumeRole:
            # AssumeRoleProvider::builder(role_arn)
            calls=CallShapes(
                strict=(r"\.([a-z_]\w*)\s*\(", r"\b(AssumeRole)Provider::"),
                hint_text=".{snake}(",
            ),
            lock_files=("Cargo.lock",),
            build_folders=("target",),
        ),
        Language(
            name="Ruby",
            extensions=(".rb",),
            comments=_HASH,
            lexer="ruby",
            calls=WithResources(
                CallShapes(
                    # client.list_users(...), or without parentheses: @iam_client.list_users;
                    # Aws::AssumeRoleCredentials.new(...) calls AssumeRole.
                    strict=(
                        r"\.([a-z_]\w*)\b",
                        r"\bAws::(AssumeRole(?:WebIdentity)?)Credentials\.new\b",
                    ),
                    hint_text=".{snake}(",
                    aliases=_RUBY_NAMES,
                )
            ),
            lock_files=("Gemfile.lock",),
            build_folders=(".bundle", "vendor"),
        ),
        Language(
            name="PHP",
            extensions=(".php",),
            comments=(*_C, "#"),
            lexer="php",
            calls=CallShapes(
                # $client->listUsers([...]), ->listUsersAsync([...]), and the paginators and
                # waiters that take the action's name: ->getPaginator("ListUsers", [...])
                strict=(
                    r"->([A-Za-z]\w*?)(?:Async)?\s*\(",  # PHP's names ignore case
                    r"->get(?:Paginator|Iterator)\(\s*[\"']([A-Za-z]\w*)[\"']",
                ),
                hint_text="->{camel}(",
            ),
            lock_files=("composer.lock",),
            build_folders=("vendor",),
        ),
        Language(
            name="C++",
            extensions=(".cpp", ".cc", ".cxx", ".c", ".h", ".hpp", ".hh", ".hxx"),
            comments=_C,
            lexer="cpp",
            calls=CallShapes(
                # client.GetCertificate(request), m_client->ListUsers(request); not a getter
                # of a result (outcome.GetResult().GetCertificate()): a call on a call.
                # (and their asynchronous forms: client.StartStreamTranscriptionAsync(...)).
                strict=(r"(?<!\))(?:\.|->)([A-Z]\w*?)(?:Async|Callable)?\s*\(",),
                loose=(_REQUEST_TYPE,),
                hint_text=".{Action}(",
            ),
            lock_files=("conan.lock",),
            build_folders=("build", "cmake-build-*"),
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
            # Methods have at most 30 characters: longer names are shortened word by word
            # (describedbclusterparamgroups is DescribeDBClusterParameterGroups).
            calls=CallShapes(
                strict=(r"->\s*([a-z]\w*)\s*\(",),
                hint_text="->{lower}(",
                flags=re.IGNORECASE,
                abbreviates=True,
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


def comments() -> frozenset[str]:
    """Every comment opener of every language."""
    return _union(language.comments for language in LANGUAGES.values())
