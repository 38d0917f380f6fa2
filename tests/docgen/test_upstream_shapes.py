# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What the upstream collection (awsdocs/aws-doc-sdk-examples) holds, in small fixtures written
here: every marker shape its tools accept, .gitignore'd paths and lock files, each SDK's call
shapes, its example ids and action names, the strict policies it does not have, and the
bounds every input must respect. (Markers and key-shaped strings are assembled at run time,
so that this file holds none: see docgen_fixtures.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Builder
from docgen_fixtures import SLUG, action_entry, end, fake_key_id, fake_secret, python_action, start

from docgen import boto3_resources, languages
from docgen.problems import Kind, Problem
from docgen.snippets import extract, extract_from_text
from docgen.validate import validate

TAG = "python.cognito-idp.SignUp"
GOOD_FILES = {"python/sign_up.py": python_action(TAG, "sign_up")}


def lines(*items: str) -> str:
    return "\n".join(items) + "\n"


def run(root: Path, **kwargs: object) -> list[Problem]:
    return validate(str(root / "metadata"), str(root), **kwargs).problems  # type: ignore[arg-type]


def kinds(problems: list[Problem]) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity, p.kind.value) for p in problems]


# --------------------------------------------------------------------------- markers


def test_sap_abap_markers_sit_in_double_quote_comments() -> None:
    text = lines(
        "METHOD put_record.",
        '    " ' + "snippet-" + "start:[frh.abapv1.put_record]",
        "    TRY.",
        "        lo_frh->putrecord( iv_deliverystreamname = iv_name ).",
        "    ENDTRY.",
        '    " ' + "snippet-" + "end:[frh.abapv1.put_record]",
        "ENDMETHOD.",
    )
    [snippet], problems = extract_from_text(text, "#awsex#cl_frh_actions.clas.abap")
    assert problems == []
    assert snippet.tag == "frh.abapv1.put_record" and (snippet.first_line, snippet.last_line) == (
        3,
        5,
    )
    assert snippet.text.startswith("TRY.\n    lo_frh->putrecord(")


def test_jsdoc_markers_close_with_two_stars() -> None:
    text = lines(
        start("javascript.v3.cognito-idp.SignUpHandler", "/**") + " **/",
        "export const signUp = () => {};",
        end("javascript.v3.cognito-idp.SignUpHandler", "/**") + " **/",
    )
    [snippet], problems = extract_from_text(text, "sign-up-handler.js")
    assert problems == [] and snippet.text == "export const signUp = () => {};"


def test_a_marker_glued_to_code_is_read_and_the_code_left_out_is_said() -> None:
    text = lines(
        start("s3.java2.list.buckets.main", "//"),
        "class A {",
        "}" + end("s3.java2.list.buckets.main", "//"),
    )
    [snippet], problems = extract_from_text(text, "ListBuckets.java")
    assert snippet.text == "class A {"
    [problem] = problems
    assert (problem.line, problem.severity, problem.kind) == (3, "warning", Kind.MARKER)
    assert "code before snippet-end" in problem.message and "'}'" in problem.message


def test_comment_punctuation_after_the_opener_is_still_a_comment() -> None:
    text = lines(
        "#// " + "snippet-" + "start:[ec2.bash.complete]", "aws ec2 x", end("ec2.bash.complete")
    )
    [snippet], problems = extract_from_text(text, "change_type.sh")
    assert problems == [] and snippet.tag == "ec2.bash.complete"


def test_a_missing_bracket_ends_the_tag_at_the_line_end_with_a_warning() -> None:
    text = lines(
        "// " + "snippet-" + "start:[gov2.redshift.Run",
        "x()",
        "// " + "snippet-" + "end:[gov2.redshift.Run",
    )
    [snippet], problems = extract_from_text(text, "actions.go")
    assert snippet.tag == "gov2.redshift.Run"
    assert kinds(problems) == [(1, "warning", "marker"), (3, "warning", "marker")]
    assert "has no closing ']'" in problems[0].message


@pytest.mark.parametrize(
    ("after", "severity"),
    [(" import java.util.HashMap;", "error"), ("'", "warning"), (".", "warning")],
)
def test_text_after_the_tag_is_code_commented_out_or_stray_punctuation(
    after: str, severity: str
) -> None:
    text = lines(start("t", "//") + after, "x();", end("t", "//"))
    [snippet], [problem] = extract_from_text(text, "A.java")
    assert snippet.text == "x();" and problem.severity == severity and problem.line == 1
    assert "part of the marker's comment" in problem.message


@pytest.mark.parametrize(
    ("body", "line", "severity", "words"),
    [
        # A copyright header glued to the last end marker: no snippet loses it.
        ([start("t"), "x()", end("t") + "# Copyright"], 3, "warning", "not of any snippet"),
        # Glued to an inner end marker: the outer snippet loses it.
        (
            [start("o"), start("t"), "x()", end("t") + " y = 1", end("o")],
            4,
            "error",
            "not of the snippet",
        ),
    ],
)
def test_text_after_an_end_marker_is_an_error_only_where_a_snippet_loses_it(
    body: list[str], line: int, severity: str, words: str
) -> None:
    _, [problem] = extract_from_text(lines(*body), "query.py")
    assert (problem.line, problem.severity) == (line, severity)
    assert words in problem.message


def test_a_space_before_the_bracket_is_a_malformed_marker() -> None:
    text = lines("// " + "snippet-" + "start: [swift.sts.AssumeRole]", "x()")
    snippets, [problem] = extract_from_text(text, "entry.swift")
    assert snippets == [] and problem.severity == "error"
    assert "malformed snippet marker" in problem.message


def test_crossing_snippets_are_a_strict_policy(collection: Builder) -> None:
    crossing = lines(start("a"), start("b"), "x = 1", end("a"), end("b"))
    root = collection(action_entry("SignUp", TAG), {**GOOD_FILES, "python/x.py": crossing})
    assert not [p for p in run(root) if p.kind is Kind.CROSSING]
    [problem] = [p for p in run(root, strict=True) if p.kind is Kind.CROSSING]
    assert problem.line == 4 and "crosses snippet b" in problem.message


# --------------------------------------------------------------------------- what is read


def test_gitignored_paths_and_lock_files_are_not_read(tmp_path: Path) -> None:
    snippet = lines(start("t"), "x = 1", end("t"))
    key = f'KEY = "{fake_key_id()}"\n'
    (tmp_path / ".gitignore").write_text("rust_dev_preview\n*.swp\n/local/\n")
    for name in ("rust_dev_preview/a.py", "local/a.py", "src/local/kept.py", "src/b.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(snippet.replace("[t]", f"[{name}]") + key)
    (tmp_path / "src" / ".gitignore").write_text("generated/\n/*.py\n!keep*.py\n")
    (tmp_path / "src" / "generated").mkdir()
    (tmp_path / "src" / "generated" / "keep_me.py").write_text(snippet)
    (tmp_path / "src" / "keep_this.py").write_text(snippet.replace("[t]", "[kept]"))
    (tmp_path / "php").mkdir()
    (tmp_path / "php" / "composer.lock").write_text(key)  # checksums and hashes, never read
    read: list[str] = []
    index = extract(str(tmp_path), on_file=lambda path, _data: read.append(path))
    found = sorted(Path(p).relative_to(tmp_path).as_posix() for p in read)
    # /local/ is anchored to the root: src/local/ is read; so is /*.py of src/ (anchored to
    # src/), but src/b.py is not, and keep*.py is kept.
    assert found == ["src/keep_this.py", "src/local/kept.py"]
    assert sorted(index.snippets) == ["kept", "src/local/kept.py"]


def test_a_template_tag_shown_on_two_pages_is_no_duplicate(tmp_path: Path) -> None:
    template = lines(
        start("python.example_code.{service}.Hello"),
        "hello()",
        end("python.example_code.{service}.Hello"),
    )
    (tmp_path / "hello.md").write_text(template)
    (tmp_path / "metadata.md").write_text(template)
    (tmp_path / "a.py").write_text(lines(start("real"), "x = 1", end("real")))
    (tmp_path / "b.py").write_text(lines(start("real"), "y = 2", end("real")))
    index = extract(str(tmp_path))
    assert sorted(index.snippets) == ["python.example_code.{service}.Hello", "real"]
    [problem] = index.problems
    assert problem.kind is Kind.DUPLICATE_TAG and "snippet tag real" in problem.message


def test_only_source_and_document_types_are_read(tmp_path: Path) -> None:
    (tmp_path / "aws_config").write_text(lines(start("no.extension"), "x", end("no.extension")))
    (tmp_path / "page.html").write_text(
        lines(start("html.page", "<!--") + " -->", "<p>", end("html.page", "<!--") + " -->")
    )
    assert sorted(extract(str(tmp_path)).snippets) == ["html.page"]


def test_invalid_utf8_in_a_source_file_is_reported_not_replaced(tmp_path: Path) -> None:
    code = lines(start("t"), "x = 1", "s = '\udcff'", end("t"))
    (tmp_path / "a.py").write_bytes(code.encode("utf-8", "surrogateescape"))
    index = extract(str(tmp_path))
    [problem] = index.problems
    assert index.snippets == {}
    assert (problem.line, problem.severity, problem.kind) == (3, "error", Kind.ENCODING)
    assert "not valid UTF-8 (byte 0xff)" in problem.message


def test_a_50_mb_metadata_file_is_refused_with_a_true_message(collection: Builder) -> None:
    root = collection(action_entry("SignUp", TAG), GOOD_FILES)
    with open(root / "metadata" / "huge_metadata.yaml", "wb") as handle:
        handle.truncate(50_000_000)  # 50 MB (sparse: nothing is written)
    [problem] = [p for p in run(root) if p.path.endswith("huge_metadata.yaml")]
    assert problem.kind is Kind.READ and problem.line == 0
    assert "metadata file of 50.0 MB refused" in problem.message
    assert "at most 2 MB (max_file_bytes in validation.yaml)" in problem.message
    assert "aliases" not in problem.message


# --------------------------------------------------------------------------- secrets


@pytest.mark.parametrize(
    ("look_alikes", "key", "what"),
    [
        (
            [
                "18446744073709551615",  # a number of 20 digits
                "CWTEST12345678901234",  # 20 capitals and digits with no key prefix
                "AKIA" + "X" * 16,  # a placeholder
            ],
            fake_key_id(7, "AROA"),
            "access key id",
        ),
        (
            [
                "src/main/java/com/example/s3/ListBuckets",  # a path
                "UIApplicationSupportsIndirectInputEvents",  # an identifier
                "31c3650d70c243ca7141bb08705102cad89bd0e8",  # a commit id
            ],
            fake_secret(3),
            "secret access key",
        ),
    ],
)
def test_keys_have_a_prefix_or_are_random_unlike_look_alikes(
    collection: Builder, look_alikes: list[str], key: str, what: str
) -> None:
    files = {**GOOD_FILES, "python/k.py": lines(*(f'X = "{v}"' for v in look_alikes))}
    root = collection(action_entry("SignUp", TAG), files)
    assert run(root) == []
    (root / "python" / "k.py").write_text(f'KEY = "{key}"\n')
    [problem] = run(root)
    assert problem.kind is Kind.AWS_KEY and what in problem.message


# --------------------------------------------------------------------------- names


def test_an_example_id_may_start_with_any_service_of_services_yaml(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG).replace(
        f"{SLUG}_SignUp:", "cognito-identity-provider_SignUp:"
    )
    other = action_entry("SignUp", TAG).replace(f"{SLUG}_SignUp:", "cognitoidp_SignUp:")
    root = collection(metadata, GOOD_FILES, metadata_name="cognito-idp_metadata.yaml")
    assert [p for p in run(root) if p.kind is Kind.EXAMPLE_ID] == []
    (root / "metadata" / "cognito-idp_metadata.yaml").write_text(other)
    [problem] = [p for p in run(root) if p.kind is Kind.EXAMPLE_ID]
    assert "example id must be cognito-idp_<Action>" in problem.message


def test_dotted_action_names_are_variants_of_the_action(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG).replace(
        f"{SLUG}: {{SignUp}}", f"{SLUG}: {{SignUp.simple, SignUp.with_secret_hash}}"
    )
    root = collection(metadata, GOOD_FILES)
    assert run(root, strict=True) == []


def test_excerpts_without_code_are_a_strict_policy(collection: Builder) -> None:
    metadata = action_entry("SignUp", TAG).replace(
        "            - description:\n",
        "            - description: What follows shows the call.\n            - description:\n",
    )
    root = collection(metadata, GOOD_FILES)
    assert run(root) == []
    [problem] = run(root, strict=True)
    assert problem.kind is Kind.EXCERPT_WITHOUT_CODE


# --------------------------------------------------------------------------- call shapes


def called(
    language: str, text: str, sdk: int | None = None, service: str = "", slug: str = ""
) -> set[str]:
    entry = languages.LANGUAGES[language]
    check = entry.call_check(sdk)
    assert check is not None
    return check.called(text, strict=True, service=service, slug=slug)


def calls(language: str, action: str, text: str) -> bool:
    check = languages.LANGUAGES[language].call_check(None)
    assert check is not None
    return check.calls(action, text, service="")


def test_javascript_v2_calls_a_method_of_the_service_object() -> None:
    v2 = 'iam.createUser(params, function (err, data) { console.log("x"); });'
    assert "createuser" in called("JavaScript", v2, sdk=2)
    assert "createuser" not in called("JavaScript", v2, sdk=3)  # v3 needs a command


def test_nodemailer_sends_with_ses() -> None:
    code = "await transporter.sendMail({ from, to, attachments });"
    assert "sendrawemail" in called("JavaScript", code, sdk=3, service="ses")


def test_dotnet_names_unlike_their_actions_and_helpers_that_call_actions() -> None:
    assert "createbucket" in called(".NET", "await client.PutBucketAsync(request);", service="s3")
    code = "var batch = context.CreateBatchWrite<Movie>(config);"
    assert "batchwriteitem" in called(".NET", code, service="dynamodb")
    assert "query" in called(".NET", "var search = movieTable.Query(config);")
    assert "uploadarchive" in called(
        ".NET", "await manager.UploadAsync(v, d, p);", service="glacier"
    )


def test_the_dynamodb_document_client_names_its_calls_after_items() -> None:
    v3 = "await docClient.send(new PutCommand({ TableName, Item }));"
    assert "putitem" in called("JavaScript", v3, sdk=3, service="dynamodb")
    assert "putitem" not in called("JavaScript", v3, sdk=3, service="sqs")
    v2 = "docClient.batchWrite(params, callback);"
    assert "batchwriteitem" in called("JavaScript", v2, sdk=2, service="dynamodb")


def test_dotnet_paginators_call_their_action() -> None:
    code = "var pages = _cognitoService.Paginators.ListUsers(new ListUsersRequest());"
    assert "listusers" in called(".NET", code)
    declared = "public async Task<List<UserType>> ListUsersAsync(string userPoolId)"
    assert "listusers" not in called(".NET", declared)  # a declaration is no call


def test_ruby_calls_a_client_method_without_parentheses() -> None:
    assert "getaccountpasswordpolicy" in called(
        "Ruby", "response = @iam_client.get_account_password_policy\n"
    )
    assert "getaccountpasswordpolicy" not in called("Ruby", "puts policy.minimum_password_length")


def test_php_paginators_name_the_action() -> None:
    code = '$paginator = $this->ec2Client->getPaginator("DescribeRouteTables", $parameters);'
    assert "describeroutetables" in called("PHP", code)
    assert "listusers" in called("PHP", "$client->listUsersAsync(['UserPoolId' => $id]);")


def test_sap_abap_shortens_long_names_word_by_word() -> None:
    code = "DATA(lo_output) = lo_rds->describedbclusterparamgroups( iv_name = iv_name )."
    assert calls("SAP ABAP", "DescribeDBClusterParameterGroups", code)
    assert calls(
        "SAP ABAP", "CreateConfigurationSetEventDestination", "lo_pps->createconfseteventdst( )."
    )
    # Every word must leave a letter: DescribeDBClusters is another action.
    assert not calls(
        "SAP ABAP", "DescribeDBClusterParameterGroups", "lo_rds->describedbclusters( )."
    )


def test_cpp_result_getters_are_no_calls() -> None:
    code = (
        "auto outcome = client.ListCertificates(request);\n"
        "auto c = outcome.GetResult().GetCertificate();"
    )
    assert called("C++", code) == {"listcertificates", "getresult"}


def test_the_cli_runs_s3api_for_s3() -> None:
    assert "copyobject" in called(
        "Bash", "response=$(aws s3api copy-object \\\n  --bucket b)", service="s3"
    )


def test_boto3_resources_call_actions_of_other_names() -> None:
    python = "key_pair = iam.User(user_name).create_access_key_pair()"
    assert "createaccesskey" in called("Python", python, slug="iam")
    assert "getuser" in called("Python", python, slug="iam")  # the User resource loads itself
    assert "deletealarms" in called("Python", "alarm.delete()", slug="cloudwatch")
    assert "listobjects" in called("Python", "for o in bucket.objects.all():", slug="s3")
    assert "getbucketpolicy" in called("Python", "policy = bucket.Policy()", slug="s3")
    assert "createbucket" in called(
        "Ruby", "@bucket.create(create_bucket_configuration: c)", slug="s3"
    )
    # A service boto3 has no resources for: only collections named after what they list
    # (Ruby's rds_resource.db_instances; aws-sdk-rds's create_snapshot is CreateDBSnapshot).
    assert boto3_resources.called("x.delete()", ("cognito-identity-provider",)) == set()
    ruby = "# @param rds [Aws::RDS::Resource]\nrds.db_instances.each do |i|"
    assert "describedbinstances" in called("Ruby", ruby, slug="rds")
    assert "describedbinstances" not in called("Ruby", "resp.db_instances.each", slug="rds")
    assert "createdbsnapshot" in called(
        "Ruby", "db_instance.create_snapshot({})", service="rds", slug="rds"
    )
    assert "listobjectsv2" in called("Ruby", "@bucket.objects.each", service="s3", slug="s3")
    assert "listobjectsv2" not in called("Python", "bucket.objects.all()", service="s3", slug="s3")


def test_gitignore_patterns_match_one_entry_not_the_next(tmp_path: Path) -> None:
    # A folder's entries are checked together: "*.md" must not match "a.py" together with
    # the name after it ("a.py\nb.md"); "/gen" is anchored, "tmp*" matches anywhere.
    (tmp_path / ".gitignore").write_text("*.egg-info\n*.md\n/gen\ntmp*\n")
    for name in (
        "a.py", "b.md", "b.egg-info/x.py", "c.py", "gen/d.py", "sub/gen/e.py", "sub/tmp1.py"
    ):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(lines(start(name), "x = 1", end(name)))
    found = sorted(extract(str(tmp_path)).snippets)
    assert found == ["a.py", "c.py", "sub/gen/e.py"]
