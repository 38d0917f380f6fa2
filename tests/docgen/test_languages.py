# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The language table: what each language's entry drives, and that it is the only place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import Builder
from docgen_fixtures import SDKS, SLUG, action_entry, end, start
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from docgen import languages
from docgen.cli import main
from docgen.languages import LANGUAGES, CallShapes, Language
from docgen.problems import Kind, Problem
from docgen.validate import validate

SRC = Path(__file__).resolve().parents[2] / "src" / "docgen"
TAG = "dart.cognito-idp.SignUp"
# A language docgen does not know, added the way a contributor would: one table entry...
DART = Language(
    name="Dart",
    extensions=(".dart",),
    comments=("//", "///", "/*", "*"),
    lexer="dart",
    calls=CallShapes(strict=(r"\.([a-z]\w*)\s*\(",), hint_text=".{camel}("),
    lock_files=("pubspec.lock",),
    build_folders=(".dart_tool",),
)
# ...and its SDK in sdks.yaml.
DART_SDK = """\
Dart:
  property: dart
  sdk:
    1:
      long: AWS SDK for Dart
      short: SDK for Dart
"""
DART_CODE = "\n".join(
    [
        "import 'package:aws_cognito/cognito.dart';",
        "",
        start(TAG, "//"),
        "/// Signs a user up.",
        "Future<SignUpResponse> signUp(CognitoClient client, SignUpRequest input) =>",
        "    client.signUp(input);",
        end(TAG, "//"),
        "",
    ]
)


def problems(root: Path) -> list[Problem]:
    return validate(str(root / "metadata"), str(root)).problems


def dart_collection(collection: Builder) -> Path:
    cached = "\n".join(
        [start("dart.cognito-idp.Cached", "//"), "x();", end("dart.cognito-idp.Cached", "//")]
    )
    root = collection(
        action_entry("SignUp", TAG, language="Dart", sdk=1, github="dart"),
        {
            "dart/sign_up.dart": DART_CODE,
            # Build output and lock files of the language are never read: a snippet in them
            # would be reported as unused.
            "dart/.dart_tool/cache.dart": cached,
            "dart/pubspec.lock": cached,
        },
    )
    (root / "metadata" / "config" / "sdks.yaml").write_text(SDKS + DART_SDK)
    return root


def test_adding_a_language_is_one_table_entry_plus_sdks_yaml(
    collection: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(LANGUAGES, "Dart", DART)
    root = dart_collection(collection)
    assert problems(root) == []  # markers found, call checked, build output and lock skipped

    source = root / "dart" / "sign_up.dart"
    source.write_text(DART_CODE.replace("client.signUp(", "client.confirmSignUp("))
    [call] = [p for p in problems(root) if p.kind is Kind.CALL]
    assert "the Dart snippet dart.cognito-idp.SignUp does not call SignUp" in call.message
    assert "(expected '.signUp(')" in call.message

    source.write_text(DART_CODE.replace(start(TAG, "//"), start(TAG, "#")))  # not Dart's syntax
    start_marker, end_marker = [p for p in problems(root) if p.path == str(source)]
    assert (start_marker.line, start_marker.kind, end_marker.line) == (3, Kind.MARKER, 7)
    assert "(Dart: '//', '///', '/*' or '*')" in start_marker.message
    assert "without snippet-start" in end_marker.message

    source.write_text(DART_CODE)
    out = root / "md"
    args = ["render", "--metadata", str(root / "metadata"), "--root", str(root), "-q"]
    assert main([*args, "--out", str(out), "--format", "md"]) == 0
    page = (out / "en" / f"{SLUG}_SignUp.md").read_text()  # named by example id
    assert "## Dart" in page and "```dart\n" in page  # highlighted with the table's lexer


def test_a_language_without_an_entry_is_reported_not_skipped(collection: Builder) -> None:
    root = dart_collection(collection)
    found = problems(root)
    [missing] = [p for p in found if p.kind is Kind.NO_LANGUAGE_ENTRY]
    assert missing.path.endswith("sdks.yaml") and missing.severity == "error"
    assert missing.line == SDKS.count("\n") + 1
    assert "language 'Dart' has no entry in docgen's language table" in missing.message


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_no_other_docgen_module_knows_a_language() -> None:
    """What the table says about a language appears in no other module (nor template)."""
    facts: set[str] = set()
    for language in LANGUAGES.values():
        facts |= {language.name, *language.extensions, *language.lock_files}
        facts |= {folder for folder in language.build_folders if folder not in {"build"}}
    for path in sorted(SRC.glob("*.py")):
        if path.name == "languages.py":
            continue
        assert not (_string_constants(path) & facts), path.name
    assets = [*(SRC / "templates").rglob("*"), *(SRC / "static").rglob("*")]
    for path in sorted(p for p in assets if p.is_file()):
        text = path.read_text(encoding="utf-8")
        assert not [name for name in LANGUAGES if f'"{name}"' in text], path.name


@pytest.mark.parametrize("name", sorted(LANGUAGES))
def test_every_entry_is_complete(name: str) -> None:
    language = LANGUAGES[name]
    assert language.extensions and language.comments
    try:
        get_lexer_by_name(language.lexer)
    except ClassNotFound:  # pragma: no cover - the assertion below reports it
        pytest.fail(f"{name}: Pygments has no lexer {language.lexer!r}")
    assert language.calls is not None or language.no_call_check


def test_an_entry_without_call_shapes_must_say_why() -> None:
    with pytest.raises(ValueError, match="no_call_check"):
        Language(name="X", extensions=(".x",), comments=("#",), lexer="text", calls=None)
    with pytest.raises(ValueError, match="exactly one group"):
        CallShapes(strict=(r"\.(a)(b)\(",), hint_text="")


def test_the_tables_answers_cover_every_language() -> None:
    assert languages.by_extension()[".sh"] == (LANGUAGES["CLI"], LANGUAGES["Bash"])
    assert {"package-lock.json", "uv.lock", "composer.lock", "Cargo.lock"} <= languages.lock_files()
    assert {"node_modules", ".venv", "target", "*.egg-info"} <= languages.build_folders()


# --------------------------------------------------------------------------- call shapes


def called(language: str, text: str, *, strict: bool = True, service: str = "") -> set[str]:
    check = LANGUAGES[language].calls
    assert check is not None
    return check.called(text, strict=strict, service=service)


def test_javascript_constructs_the_command() -> None:
    code = (
        'import { SignUpCommand, ConfirmSignUpCommand } from "@aws-sdk/client-cognito";\n'
        "await client.send(new SignUpCommand({ ClientId }));\n"
        "for await (const page of paginateListUsers({ client }, {})) {}\n"
    )
    assert called("JavaScript", code) == {"signup", "listusers"}  # an import is no call
    assert {"signup", "confirmsignup", "listusers"} <= called("JavaScript", code, strict=False)
    assert called("TypeScript", code) == {"signup", "listusers"}
    # A scenario calling the action examples' functions calls the actions (loosely).
    scenario = "const result = await confirmSignUp(client, { ClientId });"
    assert "confirmsignup" not in called("JavaScript", scenario)
    assert "confirmsignup" in called("JavaScript", scenario, strict=False)
    assert "confirmsignup" not in called(
        "JavaScript", "function confirmSignUp(client) {}", strict=False
    )


def test_a_cli_scenario_runs_the_action_scripts() -> None:
    text = '"$ACTIONS/confirm-sign-up.sh" "$CLIENT_ID" "$USER_NAME" "$CODE"'
    assert called("CLI", text, service="cognito-idp") == set()
    assert called("CLI", text, strict=False, service="cognito-idp") == {"confirmsignup"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("aws cognito-idp sign-up --client-id x", {"signup"}),
        (
            "aws cognito-idp \\\n    admin-initiate-auth \\\n    --auth-flow X",
            {"admininitiateauth"},
        ),
        ('aws --endpoint-url "$URL" --output json cognito-idp list-users', {"listusers"}),
        ("aws --debug cognito-idp global-sign-out", {"globalsignout"}),
        ("aws s3 ls", set()),  # another service
        ("# run sign-up here", set()),
    ],
)
def test_cli_runs_aws_service_action(text: str, found: set[str]) -> None:
    assert called("CLI", text, service="cognito-idp") == found
    assert called("Bash", text, service="cognito-idp") == found


def test_java_and_kotlin_call_the_camel_case_method() -> None:
    java = "SignUpRequest request = SignUpRequest.builder().build();\nclient.signUp(request);"
    assert "signup" in called("Java", java)
    assert "signup" not in called(
        "Java", "SignUpRequest request = SignUpRequest.builder().build();"
    )
    assert "signup" in called("Java", "SignUpRequest.builder().build();", strict=False)
    kotlin = "client.signUp {\n    clientId = id\n}"
    assert "signup" in called("Kotlin", kotlin)
    assert "signup" in called("Kotlin", "client.signUp(request)")
    assert "signup" not in called("Kotlin", "val request = SignUpRequest { clientId = id }")
    assert "listusers" in called("Java", "client.listUsersPaginator(request).users()")
    assert "listusers" in called("Kotlin", "client.listUsersPaginated { userPoolId = id }")
    assert "signup" in called(
        "Kotlin", "val response = signUp(client, id, name, secret)", strict=False
    )
    assert "signup" not in called("Kotlin", "suspend fun signUp(client: Client) {}", strict=False)
    assert LANGUAGES["Kotlin"].calls is not None
    assert LANGUAGES["Kotlin"].calls.hint("SetUserMFAPreference", "") == ".setUserMFAPreference("


def test_python_is_unchanged() -> None:
    code = (
        'client.sign_up(ClientId=x)\npages = client.get_paginator("list_users")\nconfirm_sign_up(c)'
    )
    assert called("Python", code) == {"signup", "getpaginator", "listusers"}
    assert "confirmsignup" in called("Python", code, strict=False)
    assert "confirmsignup" not in called("Python", "def confirm_sign_up(client):", strict=False)
