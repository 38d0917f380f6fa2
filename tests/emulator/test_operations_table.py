# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The README's table of operations says what the code does."""

from __future__ import annotations

import re
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError

from cognito_emulator import EmulatorServer, operations
from cognito_emulator.validation import operation_names

README = Path(operations.__file__).with_name("README.md")
REGENERATE = "python -m cognito_emulator.operations --update src/cognito_emulator/README.md"


def _rows(table: str) -> dict[str, set[str]]:
    rows = {}
    for line in table.splitlines():
        match = re.fullmatch(r"\| (.+?) \| \d+ \| (.*) \|", line)
        if match:
            rows[match.group(1)] = set(match.group(2).split(", ")) - {""}
    return rows


def _readme_table() -> str:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(operations.BEGIN), text.index(operations.END)
    return text[start : end + len(operations.END)]


def test_readme_table_is_the_generated_one() -> None:
    readme, generated = _readme_table(), operations.markdown_table()
    listed = set().union(*_rows(readme).values())
    if listed == operation_names():
        assert readme == generated, f"the README's table is out of date: {REGENERATE}"
        return
    # botocore of another version knows other operations: what is served must still match,
    # and whatever the README calls refused must be refused
    readme_rows, generated_rows = _rows(readme), _rows(generated)
    refused = readme_rows.pop("refused") & operation_names()
    assert refused <= generated_rows.pop("refused"), REGENERATE
    assert readme_rows == generated_rows, f"the README's table is out of date: {REGENERATE}"


def test_every_operation_is_in_exactly_one_row() -> None:
    rows = _rows(operations.markdown_table())
    names = [name for row in rows.values() for name in row]
    assert sorted(names) == sorted(operation_names())
    assert rows["`codes.py`"] >= {"SignUp", "ConfirmSignUp"}
    assert "ListUserPools" in rows["moto"] and "GetTokensFromRefreshToken" in rows["`tokens.py`"]


@pytest.mark.parametrize(
    ("operation", "handled"),
    [
        ("SignUp", operations.EMULATED),
        ("ListUserPools", operations.MOTO),
        ("DeleteResourceServer", operations.REFUSED),
    ],
)
def test_the_table_agrees_with_what_a_request_gets(
    emulator: EmulatorServer, operation: str, handled: str
) -> None:
    assert operations.classify(operation).handled == handled
    client = boto3.client("cognito-idp", endpoint_url=emulator.url, region_name="us-east-1")
    calls = {
        "SignUp": lambda: client.sign_up(ClientId="nope", Username="ana", Password="x"),
        "ListUserPools": lambda: client.list_user_pools(MaxResults=1),
        "DeleteResourceServer": lambda: client.delete_resource_server(
            UserPoolId="us-east-1_nope", Identifier="api"
        ),
    }
    try:
        calls[operation]()
        code = None
    except ClientError as exc:
        code = exc.response["Error"]["Code"]
    assert (code == "UnsupportedOperationException") == (handled == operations.REFUSED), code


def test_update_rewrites_only_the_table(tmp_path: Path) -> None:
    stale = tmp_path / "README.md"
    stale.write_text(
        f"# Title\n\n{operations.BEGIN}\nold\n{operations.END}\n\nafter\n", encoding="utf-8"
    )
    assert operations.main(["--update", str(stale)]) == 0
    text = stale.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\n") and text.endswith("\n\nafter\n")
    assert operations.markdown_table() in text
    missing = tmp_path / "other.md"
    missing.write_text("no table here\n", encoding="utf-8")
    assert operations.main(["--update", str(missing)]) == 1
