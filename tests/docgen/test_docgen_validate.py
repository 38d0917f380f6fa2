# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""``validate``: one test at least per check, on small collections good and bad."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Builder
from docgen_fixtures import (
    SLUG,
    action_entry,
    end,
    fake_key_id,
    fake_secret,
    python_action,
    start,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen import validate as validate_module
from docgen.problems import Problem
from docgen.validate import validate

TAG = "python.cognito-idp.SignUp"
GOOD_FILES = {"python/sign_up.py": python_action(TAG, "sign_up")}


def run(root: Path, **kwargs: object) -> list[Problem]:
    return validate(str(root / "metadata"), str(root), **kwargs).problems  # type: ignore[arg-type]


def errors(problems: list[Problem]) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in problems if p.severity == "error"]


def only(problems: list[Problem], words: str) -> Problem:
    found = [p for p in problems if words in p.message]
    assert len(found) == 1, problems
    return found[0]


def test_a_good_collection_is_clean(collection: Builder) -> None:
    root = collection(action_entry("SignUp", TAG), GOOD_FILES)
    assert run(root) == []


def test_schema_types_name_the_example_and_line(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG).replace("sdk_version: 3", "sdk_version: three")
    problem = only(run(collection(metadata, GOOD_FILES)), "is not of type 'integer'")
    assert problem.line == 9 and problem.message.startswith(f"{SLUG}_SignUp: ")
    unknown = action_entry("SignUp", TAG) + "  colour: blue\n"
    assert "'colour' was unexpected" in only(run(collection(unknown, GOOD_FILES)), "colour").message


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("title", "Use SignUp with an SDK.", "title must not end with punctuation"),
        ("title", "use SignUp", "title must start with a capital letter"),
        ("synopsis", "Sign up a user.", "synopsis must start in lower case"),
        ("synopsis", "sign up a user", "synopsis must end with punctuation"),
    ],
)
def test_title_and_synopsis_style(collection: Builder, field: str, value: str, words: str) -> None:
    metadata = action_entry("SignUp", TAG, **{field: value})
    assert only(run(collection(metadata, GOOD_FILES)), words).line == (2 if field == "title" else 4)


def test_acronyms_and_entities_are_good_style(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG, title="Hello &COGIDP;", synopsis="MFA setup, &AWS;")
    assert run(collection(metadata, GOOD_FILES)) == []


def test_unknown_language_version_and_service(collection: Builder) -> None:
    bad = action_entry("SignUp", TAG, language="Cobol") + action_entry(
        "ConfirmSignUp", "python.cognito-idp.ConfirmSignUp", sdk=9
    ).replace(f"    {SLUG}: {{ConfirmSignUp}}", "    cognito-nope: {ConfirmSignUp}")
    files = {
        **GOOD_FILES,
        "python/c.py": python_action("python.cognito-idp.ConfirmSignUp", "confirm_sign_up"),
    }
    found = errors(run(collection(bad, files)))
    assert any("unknown language 'Cobol'" in e for e in found)
    assert any(":25:" in e and "has no SDK version 9" in e for e in found)
    assert any("unknown service 'cognito-nope'" in e for e in found)


def test_malformed_example_ids(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG).replace(f"{SLUG}_SignUp:", "SignUp:")
    problem = only(run(collection(metadata, GOOD_FILES)), "example id must be")
    assert problem.line == 1 and problem.message.startswith("SignUp: ")


def test_duplicate_example_id_across_files(collection: Builder, tmp_path: Path) -> None:
    root = collection(action_entry("SignUp", TAG), GOOD_FILES)
    (root / "metadata" / f"{SLUG}-extra_metadata.yaml").write_text(
        action_entry("SignUp", TAG).replace(f"{SLUG}_SignUp", f"{SLUG}-extra_SignUp")
    )
    (root / "metadata" / "zz_metadata.yaml").write_text(
        (root / "metadata" / f"{SLUG}_metadata.yaml").read_text()
    )
    found = errors(run(root))
    # An id may start with any service of services.yaml (upstream files do: apigateway-
    # managementapi_... in api-gateway-management-api_metadata.yaml), but only once.
    assert any("zz_metadata.yaml:1" in e and "example id also defined at" in e for e in found)
    assert not any("example id must be" in e for e in found)
    (root / "metadata" / "zz_metadata.yaml").write_text(
        action_entry("SignUp", TAG).replace(f"{SLUG}_SignUp", "nowhere_SignUp")
    )
    found = errors(run(root))
    assert any("zz_metadata.yaml:1" in e and "example id must be zz_<Action>" in e for e in found)


def test_yaml_syntax_error_in_metadata(collection: Builder) -> None:
    root = collection(action_entry("SignUp", TAG) + "broken: [\n", GOOD_FILES)
    problem = only(run(root), "YAML syntax error")
    assert problem.path.endswith(f"{SLUG}_metadata.yaml") and problem.line >= 17


def test_missing_tag_is_reported_at_its_line(collection: Builder) -> None:
    root = collection(action_entry("SignUp", "python.cognito-idp.Nope"), GOOD_FILES)
    problem = only(run(root), "not found in any source file")
    assert problem.line == 14 and "python.cognito-idp.Nope" in problem.message


def test_unused_tag_is_a_warning(collection: Builder) -> None:
    files = {**GOOD_FILES, "python/extra.py": "\n".join([start("orphan"), "x = 1", end("orphan")])}
    problem = only(run(collection(action_entry("SignUp", TAG), files), strict=True), "orphan")
    assert problem.severity == "warning" and problem.path.endswith("extra.py") and problem.line == 1


def test_marker_faults_reach_validate(collection: Builder) -> None:
    files = {"python/sign_up.py": python_action(TAG, "sign_up") + start("dangling") + "\n"}
    problem = only(run(collection(action_entry("SignUp", TAG), files)), "dangling")
    assert problem.severity == "error" and problem.line == 8


def test_github_folder_and_snippet_files_must_exist(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG, github="python/nowhere").replace(
        f"                - {TAG}\n",
        f"                - {TAG}\n"
        "              snippet_files:\n                - python/gone.py\n",
    )
    found = errors(run(collection(metadata, GOOD_FILES)))
    assert any(":10:" in e and "github folder 'python/nowhere'" in e for e in found)
    assert any(":16:" in e and "snippet file 'python/gone.py'" in e for e in found)


def test_deny_listed_words(collection: Builder) -> None:
    word = "alpha-docs-aws" + ".amazon.com"
    files = {**GOOD_FILES, "README.md": f"intro\nsee https://{word}/x\n"}
    problem = only(run(collection(action_entry("SignUp", TAG), files)), "deny-listed")
    assert problem.path.endswith("README.md") and problem.line == 2
    custom = collection(action_entry("SignUp", TAG), GOOD_FILES, validation="deny_list: [Zork]\n")
    (custom / "notes.txt").write_text("ZORK lives here\n")
    assert any(p.path.endswith("notes.txt") and "'zork'" in p.message for p in run(custom))


def test_key_shaped_strings_unless_allow_listed(collection: Builder) -> None:
    key_id, secret = fake_key_id(), fake_secret()
    files = {**GOOD_FILES, "python/conf.py": f'ID = "{key_id}"\n\nSECRET = "{secret}"\n'}
    found = errors(run(collection(action_entry("SignUp", TAG), files)))
    assert any("conf.py:1:" in e and "access key id" in e for e in found)
    assert any("conf.py:3:" in e and "secret access key" in e for e in found)
    assert all(key_id not in e and secret not in e for e in found)  # never echoed whole
    allowed = f"allow_list:\n  - {key_id}\n  - {secret}\n"
    assert run(collection(action_entry("SignUp", TAG), files, validation=allowed)) == []


def test_secrets_in_metadata_are_found_too(collection: Builder) -> None:
    key_id = fake_key_id()
    metadata = action_entry("SignUp", TAG, synopsis=f"use {key_id} here.")
    assert only(run(collection(metadata, GOOD_FILES)), "access key id").line == 4


def test_action_snippet_must_call_its_action(collection: Builder) -> None:
    # The page for SignUp shows ConfirmSignUp's code: the mistake that slips through.
    files = {"python/sign_up.py": python_action(TAG, "confirm_sign_up")}
    root = collection(action_entry("SignUp", TAG, services="SignUp, ConfirmSignUp"), files)
    problem = only(run(root), "does not call SignUp")
    assert problem.line == 9 and TAG in problem.message and ".sign_up(" in problem.message
    assert problem.message.endswith("; it calls ConfirmSignUp")  # what the page would show


def test_a_call_problem_names_only_actions_of_the_example_services(collection: Builder) -> None:
    # ``.build(`` is call-shaped but no action; ``.list_users(`` is one the metadata does not
    # name under this example's services: neither is offered as what the snippet calls.
    code = python_action(TAG, "build").replace(
        "    return client.build(Name=name)", "    client.list_users()\n    return client.build()"
    )
    root = collection(action_entry("SignUp", TAG), {"python/sign_up.py": code})
    problem = only(run(root), "does not call SignUp")
    assert problem.message.endswith("(expected '.sign_up(')")


def test_services_must_name_what_snippets_call(collection: Builder) -> None:
    code = python_action(TAG, "sign_up").replace(
        "    return client.sign_up(Name=name)",
        "    client.list_users(UserPoolId=name)\n    return client.sign_up(Name=name)",
    )
    metadata = action_entry("SignUp", TAG) + action_entry(
        "ListUsers", "python.cognito-idp.ListUsers"
    )
    files = {
        "python/sign_up.py": code,
        "python/list_users.py": python_action("python.cognito-idp.ListUsers", "list_users"),
    }
    problem = only(run(collection(metadata, files), strict=True), "calls ListUsers")
    assert problem.line == 15 and "which services does not name" in problem.message


def test_action_named_in_services_is_required(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG, services="ConfirmSignUp")
    assert only(run(collection(metadata, GOOD_FILES)), "services must name SignUp").line == 15


def test_javascript_and_cli_meaning(collection: Builder) -> None:
    js_tag, cli_tag = "javascript.cognito-idp.SignUp", "cli.cognito-idp.SignUp"
    metadata = action_entry("SignUp", js_tag, language="JavaScript", github="js").replace(
        "    JavaScript:",
        "    CLI:\n      versions:\n        - sdk_version: 2\n          github: cli\n"
        f"          excerpts:\n            - snippet_tags:\n                - {cli_tag}\n"
        "    JavaScript:",
    )
    good = {
        "js/a.js": "\n".join([start(js_tag, "//"), "new SignUpCommand({});", end(js_tag, "//")]),
        "cli/a.sh": "\n".join(
            [start(cli_tag), "aws cognito-idp sign-up \\", "  --x y", end(cli_tag)]
        ),
    }
    assert run(collection(metadata, good)) == []
    bad = {
        "js/a.js": good["js/a.js"].replace("SignUpCommand", "ConfirmSignUpCommand"),
        "cli/a.sh": good["cli/a.sh"].replace("sign-up", "confirm-sign-up"),
    }
    found = errors(run(collection(metadata, bad)))
    assert any("JavaScript snippet" in e and "'new SignUpCommand('" in e for e in found)
    assert any("CLI snippet" in e and "'aws cognito-idp sign-up'" in e for e in found)


def test_listed_but_never_called_is_a_warning(collection: Builder) -> None:
    root = collection(action_entry("SignUp", TAG, services="SignUp, GlobalSignOut"), GOOD_FILES)
    problem = only(run(root, strict=True), "GlobalSignOut")
    assert problem.severity == "warning" and "no snippet calls it" in problem.message


def test_missing_configuration_and_metadata(tmp_path: Path) -> None:
    problems = run(tmp_path)
    messages = " ".join(p.message for p in problems)
    assert "configuration folder not found" in messages
    assert "metadata folder not found" in messages


def test_upstream_layout_with_config_elsewhere(collection: Builder) -> None:
    root = collection(action_entry("SignUp", TAG), GOOD_FILES)
    (root / ".doc_gen").mkdir()
    (root / "metadata").rename(root / ".doc_gen" / "metadata")
    (root / ".doc_gen" / "metadata" / "config").rename(root / "tools-config")
    (root / ".doc_gen" / "validation.yaml").write_text("deny_list: [sign_up]\n")
    report = validate(str(root / ".doc_gen" / "metadata"), str(root), str(root / "tools-config"))
    assert [p.message for p in report.errors] == ["deny-listed word 'sign_up'"] * 2


def test_parallel_loading_gives_the_same_answer(
    collection: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = collection(action_entry("SignUp", TAG, synopsis="Bad."), GOOD_FILES)
    (root / "metadata" / "other_metadata.yaml").write_text("other_X: {languages: 1}\n")
    serial = run(root, jobs=1)
    monkeypatch.setattr(validate_module, "PARALLEL_THRESHOLD_BYTES", 0)
    assert run(root, jobs=2) == serial and len(serial) >= 3


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["title", "synopsis", "languages", "services", "versions", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["title", "languages", "services", "category"]), _json_values)
)
def test_fast_schema_check_agrees_with_the_full_validator(example):
    """The compiled fast path says "valid" exactly when jsonschema finds no error."""
    from docgen.validate import _schema_validator, schema_errors

    assert (schema_errors(example) == []) == (not list(_schema_validator().iter_errors(example)))


def test_the_metadata_schema_is_a_valid_json_schema() -> None:
    import json

    import jsonschema

    schema = json.loads(validate_module._schema_text())
    jsonschema.validators.validator_for(schema).check_schema(schema)
