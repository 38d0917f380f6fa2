# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Every action module's command line behaves the same: the conformance test of the copies.

Each module in ``python/cognito_idp/`` repeats its small ``main()`` on purpose (a module stands
alone), so nothing but this test keeps the copies alike. Each module's ``main()`` runs in this
process against a botocore ``Stubber`` that answers its operation with a *complete* response:
every member of the operation's output shape in botocore's service model, secrets included.
Every copy must then:

- mask every token, session and secret it prints, the same way (``abcd...wxyz``), except the
  TOTP setup key that AssociateSoftwareToken prints on purpose;
- exit 1 on a refused call, with Cognito's error code in the log (not on stdout);
- exit 2 with one line on stderr when boto3 isn't configured, saying what to set;
- answer ``--help``.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import importlib
import itertools
import json
import re
import runpy
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.exceptions import EndpointConnectionError, NoCredentialsError, NoRegionError
from botocore.model import Shape
from botocore.stub import Stubber

ACTIONS_DIR = Path(__file__).resolve().parents[2] / "python" / "cognito_idp"
MODULES = sorted(p.stem for p in ACTIONS_DIR.glob("*.py") if p.stem != "__init__")
OPERATION = {"hello_cognito": "ListUserPools"}  # the others are named after their operation
OPTION_VALUES = {"--challenge-name": "SOFTWARE_TOKEN_MFA", "--code": "123456"}  # must agree
CALLS_FIRST = {"update_user_pool": ["DescribeUserPool"]}  # reads the settings it keeps
NO_AWS = {"secret_hash"}  # computes SECRET_HASH locally: no client, no call
AWS_MODULES = [m for m in MODULES if m not in NO_AWS]

SENSITIVE_KEYS = {
    "AccessToken",
    "IdToken",
    "RefreshToken",
    "Session",
    "SecretCode",
    "ClientSecret",
    "SECRET_BLOCK",
}
"""What no command line prints whole (the project's list: botocore's model also marks user
names and attribute values sensitive, which the examples must show)."""
SHOWN_ON_PURPOSE = {("associate_software_token", "SecretCode")}  # the setup key a user types
MASKED = re.compile(r"^(.{4}\.\.\..{4}|\*{4})$")
PAGE_TOKENS = {"NextToken", "PaginationToken"}
BOTOCORE = botocore.session.get_session()  # one session: its loaded models make clients fast
SERVICE = BOTOCORE.get_service_model("cognito-idp")
ENUM_VALUES = {
    value
    for name in SERVICE.shape_names
    for value in getattr(SERVICE.shape_for(name), "enum", None) or []
}  # e.g. TokenValidityUnits {"AccessToken": "seconds"}: a unit, not a token


_BY_LOWER_NAME = {name.lower(): name for name in SERVICE.operation_names}


def operation_of(module: str) -> str:
    """The operation a module is named after (``admin_set_user_mfa_preference``:
    ``AdminSetUserMFAPreference``)."""
    return OPERATION.get(module) or _BY_LOWER_NAME.get(module.replace("_", ""), module)


def load(module: str) -> ModuleType:
    return importlib.import_module(f"cognito_idp.{module}")


class FullResponse:
    """A response with every member of an output shape, each string unique and long, so a
    printed secret is found by its value."""

    def __init__(self) -> None:
        self.counter = itertools.count()
        self.secrets: dict[str, str] = {}  # value -> the key it was generated for

    def build(self, shape: Shape, name: str = "", depth: int = 0) -> Any:
        if shape.type_name == "structure":
            if depth > 6:
                return {}
            return {
                key: self.build(member, key, depth + 1)
                for key, member in shape.members.items()
                if key not in PAGE_TOKENS
            }
        if shape.type_name == "list":
            return [self.build(shape.member, name, depth + 1)]
        if shape.type_name == "map":
            keys = ["SECRET_BLOCK", "USERNAME"] if name == "ChallengeParameters" else ["key"]
            return {key: self.build(shape.value, key, depth + 1) for key in keys}
        if shape.type_name == "string":
            if shape.enum:
                return shape.enum[0]
            value = f"{name}-{next(self.counter):04d}-" + "v" * 60
            if name in SENSITIVE_KEYS:
                self.secrets[value] = name
            return value
        if shape.type_name in ("integer", "long"):
            return max(1, int(shape.metadata.get("min", 1)))
        if shape.type_name in ("float", "double"):
            return 1.0
        if shape.type_name == "boolean":
            return True
        if shape.type_name == "timestamp":
            return datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
        if shape.type_name == "blob":
            return b"blob"
        raise AssertionError(f"unexpected shape type {shape.type_name}")


def dummy_argv(parser: argparse.ArgumentParser) -> list[str]:
    """A value for every option of ``parser`` that takes one, and the first option of each
    group of exclusive options (other flags left off)."""
    excluded = {
        id(action)
        for group in parser._mutually_exclusive_groups
        for action in group._group_actions[1:]
    }
    firsts = {id(group._group_actions[0]) for group in parser._mutually_exclusive_groups}
    argv: list[str] = []
    for action in parser._actions:
        if not action.option_strings or id(action) in excluded or action.dest == "help":
            continue
        if action.nargs == 0:  # a flag
            if id(action) in firsts:
                argv.append(action.option_strings[-1])
            continue
        if action.option_strings[-1] in OPTION_VALUES:
            value = OPTION_VALUES[action.option_strings[-1]]
        elif action.metavar == "NAME=VALUE":
            value = "NAME=VALUE"
        elif action.choices:
            value = str(next(iter(action.choices)))
        elif action.type is int:
            value = "8"
        else:
            value = f"value-of-{action.dest}".ljust(40, "x")
        argv += [action.option_strings[-1], value]
    return argv


def full_responses(module: str) -> tuple[FullResponse, Callable[[Stubber], None]]:
    """Complete responses for every call ``module`` makes, and the stub program answering them."""
    response = FullResponse()
    calls = []
    for operation in [*CALLS_FIRST.get(module, []), operation_of(module)]:
        shape = SERVICE.operation_model(operation).output_shape
        calls.append((botocore.xform_name(operation), response.build(shape) if shape else {}))

    def program(stubber: Stubber) -> None:
        for method, body in calls:
            stubber.add_response(method, body)

    return response, program


@pytest.fixture
def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """``run_main(module, client_factory)``: its ``main()`` with a value for every option and
    ``boto3.client`` replaced; returns (exit status, stdout, stderr)."""

    def run(module: str, client_factory: Callable[..., Any]) -> tuple[int, str, str]:
        parse = argparse.ArgumentParser.parse_args

        def parse_filled(self: argparse.ArgumentParser, *_: Any, **__: Any) -> Any:
            return parse(self, dummy_argv(self))

        monkeypatch.setattr(argparse.ArgumentParser, "parse_args", parse_filled)
        monkeypatch.setattr(boto3, "client", client_factory)
        status = load(module).main()
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def stubbed_factory() -> Iterator[Callable[[Callable[[Stubber], None]], Callable[..., Any]]]:
    """A ``boto3.client`` replacement whose client answers as ``program(stubber)`` says."""
    stubbers: list[Stubber] = []

    def factory(program: Callable[[Stubber], None]) -> Callable[..., Any]:
        def client(*_: Any, **__: Any) -> Any:
            real = BOTOCORE.create_client(
                "cognito-idp",
                region_name="us-east-1",
                endpoint_url="http://127.0.0.1:9",  # never reached: the stubber answers
                aws_access_key_id="testing",
                aws_secret_access_key="testing",
            )
            stubber = Stubber(real)
            program(stubber)
            stubber.activate()
            stubbers.append(stubber)
            return real

        return client

    yield factory
    for stubber in stubbers:
        stubber.deactivate()


def printed_keys(data: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield key, value
            yield from printed_keys(value)
    elif isinstance(data, list):
        for item in data:
            yield from printed_keys(item)


def test_every_module_is_checked() -> None:
    assert len(MODULES) >= 40 and "hello_cognito" in MODULES
    for module in AWS_MODULES:
        assert operation_of(module) in SERVICE.operation_names, module
    marked = set()
    for op in SERVICE.operation_names:
        output = SERVICE.operation_model(op).output_shape
        for shape in _shapes(output) if output is not None else []:
            marked |= {k for k, m in shape.members.items() if m.metadata.get("sensitive")}
    # our list names real members botocore's model marks sensitive (SECRET_BLOCK is a value
    # of the ChallengeParameters map, which the model can't mark)
    assert SENSITIVE_KEYS - {"SECRET_BLOCK"} <= marked, SENSITIVE_KEYS - marked


def _shapes(shape: Shape, seen: set[str] | None = None) -> Iterator[Any]:
    """Every structure shape reachable from ``shape``."""
    seen = set() if seen is None else seen
    if shape.name in seen:
        return
    seen.add(shape.name)
    if shape.type_name == "structure":
        yield shape
        for member in shape.members.values():
            yield from _shapes(member, seen)
    elif shape.type_name == "list":
        yield from _shapes(shape.member, seen)
    elif shape.type_name == "map":
        yield from _shapes(shape.value, seen)


def _definitions(module: str) -> dict[str, str]:
    """The module-level helpers of ``module``'s command line, as normalised source."""
    tree = ast.parse((ACTIONS_DIR / f"{module}.py").read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_masked":
            found["_masked"] = ast.dump(node)
        targets = [node.target] if isinstance(node, ast.AnnAssign) else []
        targets += node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            if isinstance(target, ast.Name) and target.id in ("_HINTS", "_SENSITIVE"):
                value = node.value
                assert value is not None
                found[target.id] = (
                    repr(sorted(ast.literal_eval(value)))
                    if target.id == "_SENSITIVE"
                    else ast.dump(value)
                )
    return found


def test_the_copies_are_the_same() -> None:
    """The helpers every command line repeats are the same text in every module."""
    definitions = {module: _definitions(module) for module in AWS_MODULES}
    hints = {d.get("_HINTS") for d in definitions.values()}
    assert len(hints) == 1 and None not in hints, "_HINTS differs or is missing somewhere"
    masks = {d["_masked"] for d in definitions.values() if "_masked" in d}
    assert len(masks) == 1, "_masked differs between modules"
    for module, found in definitions.items():
        if "_masked" in found:
            expected = SENSITIVE_KEYS - {key for m, key in SHOWN_ON_PURPOSE if m == module}
            assert found.get("_SENSITIVE") == repr(sorted(expected)), module


@pytest.mark.parametrize("module", AWS_MODULES)
def test_secrets_are_masked_alike(
    module: str, run_main: Any, stubbed_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    response, program = full_responses(module)

    status, out, err = run_main(module, stubbed_factory(program))

    assert status == 0, err
    assert out.strip(), "prints the result"
    shown = {value: key for value, key in response.secrets.items() if value in out + err}
    shown_keys = {(module, key) for key in shown.values()}
    assert shown_keys <= SHOWN_ON_PURPOSE, f"printed whole: {sorted(set(shown.values()))}"
    assert not any(value in caplog.text for value in response.secrets if value not in shown)
    if out.lstrip().startswith(("{", "[")):
        for key, value in printed_keys(json.loads(out)):
            secret = key in SENSITIVE_KEYS and (module, key) not in SHOWN_ON_PURPOSE
            if secret and not (isinstance(value, str) and value in ENUM_VALUES):
                assert isinstance(value, str) and MASKED.match(value), (key, value)


@pytest.mark.parametrize("module", AWS_MODULES)
def test_a_refused_call_exits_1_with_cognitos_error_code(
    module: str, run_main: Any, stubbed_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    operation = botocore.xform_name([*CALLS_FIRST.get(module, []), operation_of(module)][0])

    status, out, err = run_main(
        module,
        stubbed_factory(
            lambda stubber: stubber.add_client_error(
                operation, "InternalErrorException", "Injected failure.", http_status_code=500
            )
        ),
    )

    assert status == 1
    assert out == ""
    assert "InternalErrorException" in caplog.text + err  # the log, or hello's one line


@pytest.mark.parametrize(
    ("error", "must_name"),
    [
        (NoRegionError(), ["AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL"]),
        (NoCredentialsError(), ["AWS_ACCESS_KEY_ID", "profile"]),
        (EndpointConnectionError(endpoint_url="http://127.0.0.1:9"), ["127.0.0.1:9"]),
    ],
    ids=["no-region", "no-credentials", "unreachable"],
)
@pytest.mark.parametrize("module", AWS_MODULES)
def test_missing_configuration_is_one_line_naming_what_to_set(
    module: str, run_main: Any, error: Exception, must_name: list[str]
) -> None:
    def unconfigured(*_: Any, **__: Any) -> Any:
        raise error

    status, out, err = run_main(module, unconfigured)

    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"error: {error}"), err
    for word in must_name:
        assert word in err, (word, err)


@pytest.mark.parametrize("module", MODULES)
def test_help(module: str, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    """Run the file as a script (``__main__``) with --help, in this process to stay fast."""
    path = ACTIONS_DIR / f"{module}.py"
    monkeypatch.setattr(sys, "argv", [str(path), "--help"])
    with pytest.raises(SystemExit) as excinfo:
        runpy.run_path(str(path), run_name="__main__")
    assert excinfo.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {module}.py")
    assert "--help" in out


def test_unconfigured_machine_from_the_command_line(run_cli: Any, emulator_env: Any) -> None:
    """The real thing, once: a subprocess with no Region configured."""
    env = {k: v for k, v in emulator_env.items() if k not in ("AWS_REGION", "AWS_DEFAULT_REGION")}
    proc = run_cli("describe_user_pool", "--user-pool-id", "us-east-1_EXAMPLE", env=env)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: You must specify a region.")
    assert "AWS_DEFAULT_REGION" in lines[0] and "AWS_ENDPOINT_URL" in lines[0]
