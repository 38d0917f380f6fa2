# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Fuzz every operation the emulator serves with malformed requests over raw HTTP.

Whatever arrives, the emulator must answer like Cognito: never a 5xx, and an error is a
JSON object with ``__type`` naming a Cognito error and a ``message``. Bodies are drawn from
each operation's input shape in botocore's model, with members replaced by wrong types,
nulls, oversized or odd unicode strings, unknown ids, and real ids of a pool made for this
module (so requests also get past "not found" into the operations' logic).

Bounded: ``derandomize=True`` keeps the run reproducible, the example counts keep it to a few
seconds.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
import requests
from cognito_users import TEST_PASSWORD, admin_sign_in, create_confirmed_user
from emulator_helpers import ALL_FLOWS, http_pool, http_sign_up, http_with_totp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto.core.utils import camelcase_to_underscores
from pycognito import aws_srp

from cognito_emulator import EmulatorServer
from cognito_emulator.responses import EmulatorResponse  # moto's handlers + the emulator's

PREFIX = "AWSCognitoIdentityProviderService."
MODEL = botocore.session.get_session().get_service_model("cognito-idp")
SERVED = sorted(
    op for op in MODEL.operation_names if hasattr(EmulatorResponse, camelcase_to_underscores(op))
)
COGNITO_ERRORS = frozenset(
    name for name in MODEL.shape_names if MODEL.shape_for(name).metadata.get("exception")
) | {
    "SerializationException",
    "UnknownOperationException",
    "ValidationException",
    "InvalidSignatureException",  # every AWS JSON service's, for a request's signature
}

# Placeholders replaced by the module's real pool, client, user and tokens before sending.
REAL = ("<pool>", "<client>", "<user>", "<access>", "<refresh>", "<id>")

_odd_text = st.sampled_from(
    ["", " ", "\x00", "\ud800", "\u200b", "😀" * 3, "名前", "a" * 5000, "%s%n{}", "null", "-1"]
)
_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    _odd_text,
    st.text(max_size=40),
    st.lists(st.text(max_size=5), max_size=2),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)

_HINTS: dict[str, list[str]] = {
    "UserPoolId": ["<pool>", "us-east-1_Nope00000", "eu-west-1_x"],
    "ClientId": ["<client>", "nope0000000000000000000000"],
    "Username": ["<user>", "nobody"],
    "AccessToken": ["<access>", "not.a.token", "eyJhbGciOiJub25lIn0.e30."],
    "RefreshToken": ["<refresh>", "bm90"],
    "Token": ["<refresh>", "<access>"],
    "IdToken": ["<id>"],
    "DeviceKey": ["us-east-1_00000000-0000-4000-8000-000000000000"],
    "Password": [TEST_PASSWORD, "short"],
    "ProposedPassword": [TEST_PASSWORD + "x"],
    "PreviousPassword": [TEST_PASSWORD],
    "ConfirmationCode": ["123456"],
    "UserCode": ["123456"],
    "Session": ["s" * 40],
    "GroupName": ["group-1"],
    "SecretHash": ["c2VjcmV0"],
}
_MAP_KEYS = [
    "USERNAME",
    "PASSWORD",
    "SRP_A",
    "SECRET_HASH",
    "REFRESH_TOKEN",
    "DEVICE_KEY",
    "NEW_PASSWORD",
    "SOFTWARE_TOKEN_MFA_CODE",
    "PASSWORD_CLAIM_SIGNATURE",
    "PASSWORD_CLAIM_SECRET_BLOCK",
    "TIMESTAMP",
    "ANSWER",
]
_MAP_VALUES = ["<user>", TEST_PASSWORD, "abc", "123456", "<refresh>", "Mon Jan 1 00:00:00 UTC 2024"]


def _proper(shape: Any, name: str, depth: int) -> st.SearchStrategy[Any]:
    """Values of the right JSON type, often plausible, sometimes breaking a constraint."""
    kind = shape.type_name
    if kind == "structure":
        if depth > 3:
            return st.just({})
        return st.fixed_dictionaries(
            {},
            optional={n: _member(s, n, depth + 1) for n, s in shape.members.items()},
        )
    if kind == "list":
        return st.lists(_member(shape.member, name, depth + 1), max_size=3)
    if kind == "map":
        keys = st.sampled_from(_MAP_KEYS) | st.text(max_size=10)
        values = st.sampled_from(_MAP_VALUES) | _odd_text | st.text(max_size=20)
        return st.dictionaries(keys, values, max_size=4)
    if kind == "string":
        if shape.enum:
            return st.sampled_from(shape.enum) | st.text(max_size=10)
        return st.sampled_from(_HINTS.get(name, ["<pool>", "x"])) | _odd_text | st.text(max_size=30)
    if kind in ("integer", "long"):
        return st.integers(min_value=-10, max_value=1000) | st.sampled_from([2**31, -(2**63)])
    if kind == "boolean":
        return st.booleans()
    if kind == "blob":
        return st.sampled_from(["", "AAAA", "not base64", "iVBORw0KGgo="])
    return st.integers(min_value=0, max_value=2**33)  # timestamp / double


def _member(shape: Any, name: str, depth: int) -> st.SearchStrategy[Any]:
    proper = _proper(shape, name, depth)
    return st.one_of(proper, proper, _junk)


_BODIES = {
    op: _proper(MODEL.operation_model(op).input_shape, op, 0)
    if MODEL.operation_model(op).input_shape is not None
    else st.just({})
    for op in SERVED
}


def _fill(value: Any, real: dict[str, str]) -> Any:
    if isinstance(value, str):
        return real.get(value, value)
    if isinstance(value, list):
        return [_fill(v, real) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, real) for k, v in value.items()}
    return value


class _Target:
    """Raw HTTP to the emulator, and the checks every answer must pass."""

    def __init__(self, url: str, real: dict[str, str]) -> None:
        self.url = url
        self.real = real
        self.http = requests.Session()

    def post(self, target: str | None, data: bytes) -> requests.Response:
        headers = {"Content-Type": "application/x-amz-json-1.1"}
        if target is not None:
            headers["X-Amz-Target"] = target
        return self.http.post(self.url, data=data, headers=headers, timeout=30)

    def check(self, operation: str | None, body: bytes, target: str | None = None) -> str | None:
        """Send; assert Cognito's shape; return the error type (None for success)."""
        if target is None and operation is not None:
            target = PREFIX + operation
        answer = self.post(target, body)
        where = f"{target} {body[:300]!r}"
        assert answer.status_code < 500, f"{answer.status_code} for {where}: {answer.text[:300]}"
        if answer.status_code < 300:
            assert answer.text == "" or isinstance(answer.json(), dict), where
            return None
        assert answer.status_code == 400, where
        payload = answer.json()
        assert isinstance(payload, dict), where
        assert payload.get("__type") in COGNITO_ERRORS, f"{payload!r} for {where}"
        assert isinstance(payload.get("message"), str), f"{payload!r} for {where}"
        return str(payload["__type"])


@pytest.fixture(scope="module")
def target(emulator: EmulatorServer, cognito: Any) -> Iterator[_Target]:
    """A pool of this module's own (fuzzing may delete or change it) and its real ids."""
    pool = cognito.create_user_pool(PoolName="fuzz-pool")["UserPool"]["Id"]
    client = cognito.create_user_pool_client(
        UserPoolId=pool,
        ClientName="fuzz",
        ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]["ClientId"]
    cognito.admin_create_user(UserPoolId=pool, Username="fuzzer", MessageAction="SUPPRESS")
    cognito.admin_set_user_password(
        UserPoolId=pool, Username="fuzzer", Password=TEST_PASSWORD, Permanent=True
    )
    tokens = cognito.admin_initiate_auth(
        UserPoolId=pool,
        ClientId=client,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "fuzzer", "PASSWORD": TEST_PASSWORD},
    )["AuthenticationResult"]
    real = dict(
        zip(
            REAL,
            [
                pool,
                client,
                "fuzzer",
                tokens["AccessToken"],
                tokens["RefreshToken"],
                tokens["IdToken"],
            ],
            strict=True,
        )
    )
    yield _Target(emulator.url, real)
    with contextlib.suppress(cognito.exceptions.ResourceNotFoundException):
        cognito.delete_user_pool(UserPoolId=pool)


def test_the_emulator_serves_the_operations_the_examples_need() -> None:
    for op in ("SignUp", "InitiateAuth", "RespondToAuthChallenge", "ConfirmDevice", "ListUsers"):
        assert op in SERVED
    assert len(SERVED) >= 40


@pytest.mark.parametrize("operation", SERVED)
def test_empty_null_and_wrongly_typed_bodies(target: _Target, operation: str) -> None:
    input_shape = MODEL.operation_model(operation).input_shape
    required = list(input_shape.required_members) if input_shape is not None else []
    members = list(input_shape.members) if input_shape is not None else []
    answers = [
        target.check(operation, b"{}"),
        target.check(operation, json.dumps(dict.fromkeys(members)).encode()),
        target.check(operation, json.dumps({m: {"x": [1]} for m in members}).encode()),
        target.check(operation, json.dumps({m: 12345 for m in members}).encode()),
        target.check(operation, json.dumps({m: "\ud800" * 300 for m in members}).encode()),
    ]
    if required:
        assert answers[0] == "InvalidParameterException"
        assert answers[1] == "InvalidParameterException"
    if members and input_shape is not None:
        assert answers[2] == "SerializationException"


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"{",
        b"\xff\xfe\x00",
        b"[]",
        b"null",
        b'"text"',
        b"1e999999",
        b'{"UserPoolId": NaN}',
        b"[" * 100_000,
        b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
    ],
    ids=["text", "truncated", "binary", "list", "null", "string", "huge", "nan", "deep", "nested"],
)
@pytest.mark.parametrize("operation", ["ListUsers", "InitiateAuth", "SignUp"])
def test_bodies_that_are_not_json_objects(target: _Target, operation: str, body: bytes) -> None:
    assert target.check(operation, body) == "SerializationException"


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        PREFIX,
        PREFIX + "StealAllUsers",
        PREFIX + "listUsers",
        "DynamoDB_20120810.ListTables",
        "AWSCognitoIdentityService.ListIdentityPools",
        PREFIX + "ListUsers.",
        PREFIX + "ListUsers\u00e9",
    ],
)
def test_unknown_targets(target: _Target, header: str | None) -> None:
    error = target.check(None, b'{"UserPoolId": "us-east-1_abc"}', target=header)
    assert error == "UnknownOperationException"


_UNKNOWN = {
    "UserPoolId": "eu-west-1_Nope0000",
    "ClientId": "nope0000000000000000000000",
    "Username": "nobody",
    "AccessToken": "eyJhbGciOiJub25lIn0.e30.",
    "DeviceKey": "eu-west-1_00000000-0000-4000-8000-000000000000",
    "Session": "s" * 40,
}


def _minimal(shape: Any, name: str) -> Any:
    """A value that satisfies the model's constraints, naming nothing that exists."""
    kind, meta = shape.type_name, shape.metadata
    if kind == "structure":
        return {n: _minimal(shape.members[n], n) for n in shape.required_members}
    if kind == "list":
        return [_minimal(shape.member, name)] * meta.get("min", 0)
    if kind == "map":
        return {}
    if kind in ("integer", "long"):
        return max(meta.get("min", 1), 1)
    if kind == "boolean":
        return False
    if kind == "blob":
        return "AAAA"
    if kind != "string":
        return 0
    if shape.enum:
        return shape.enum[0]
    if name in _UNKNOWN:
        return _UNKNOWN[name]
    if "pattern" in meta and meta["pattern"].startswith("arn:"):
        return "arn:aws:iam::123456789012:role/nope"
    return "abcdef12" + "x" * max(meta.get("min", 0) - 8, 0)


@pytest.mark.parametrize("operation", SERVED)
def test_unknown_ids_in_another_region(target: _Target, operation: str) -> None:
    """Well-formed requests naming a pool, client, user or device that does not exist."""
    input_shape = MODEL.operation_model(operation).input_shape
    body = _minimal(input_shape, operation) if input_shape is not None else {}
    error = target.check(operation, json.dumps(body).encode())
    if set(body) & set(_UNKNOWN):  # it names something that does not exist: never a success
        assert error is not None, f"{operation} succeeded naming unknown {sorted(body)}"


def _input(operation: str) -> Any:
    return MODEL.operation_model(operation).input_shape


_PAGED = [
    op
    for op in SERVED
    if _input(op) is not None and {"NextToken", "PaginationToken"} & set(_input(op).members)
]


@pytest.mark.parametrize("operation", _PAGED)
def test_junk_pagination_tokens(target: _Target, operation: str) -> None:
    """A token the emulator never handed out is a Cognito error, not moto's InvalidToken."""
    input_shape = _input(operation)
    body = _minimal(input_shape, operation)
    if "UserPoolId" in body:
        body["UserPoolId"] = target.real["<pool>"]
    token = "NextToken" if "NextToken" in input_shape.members else "PaginationToken"
    body[token] = "junk-token"
    assert target.check(operation, json.dumps(body).encode()) is not None, operation


@settings(
    max_examples=350,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), operation=st.sampled_from(SERVED))
def test_fuzzed_bodies_get_cognito_answers(target: _Target, data: Any, operation: str) -> None:
    body = data.draw(_BODIES[operation], label="body")
    target.check(operation, json.dumps(_fill(body, target.real)).encode())


# --- hostile text where the checks read it -------------------------------------------------
# Requests that are right in every member but one, into which the fuzzer puts text no client
# should send (lone surrogates, non-ASCII digits, controls, combining marks...), so that the
# text gets past validation into codes, passwords, SECRET_HASH, sessions and sign-in.

_SURROGATE = st.characters(categories=["Cs"])
_HOSTILE = st.one_of(
    st.sampled_from(
        [
            "\ud800",
            "\udfff",
            "é",
            "\uff11\uff12\uff13\uff14\uff15\uff16",
            "⁰¹²³⁴⁵",
            "\u202e",
            "\x00",
            "😀",
            "e\u0301",
            "İ",
        ]
    ),
    st.text(st.characters(exclude_categories=()) | _SURROGATE, min_size=1, max_size=12),
)


class _World:
    """Real pools, clients, users, tokens and sessions to build right requests from."""

    def __init__(self, cognito: Any, emulator: EmulatorServer) -> None:
        self.cognito, self.clock, self.messages = cognito, emulator.clock, emulator.messages
        flows = [*ALL_FLOWS, "ALLOW_USER_SRP_AUTH"]
        self.pool = cognito.create_user_pool(
            PoolName="hostile",
            AutoVerifiedAttributes=["email"],
            DeviceConfiguration={"ChallengeRequiredOnNewDevice": True},
        )["UserPool"]["Id"]
        make = cognito.create_user_pool_client
        self.client = make(UserPoolId=self.pool, ClientName="c", ExplicitAuthFlows=flows)[
            "UserPoolClient"
        ]["ClientId"]
        secret = make(
            UserPoolId=self.pool, ClientName="s", ExplicitAuthFlows=flows, GenerateSecret=True
        )["UserPoolClient"]
        self.secret_client, self.secret = secret["ClientId"], secret["ClientSecret"]
        create_confirmed_user(cognito, self.pool, "plain")
        self.mfa_pool, self.mfa_client, _ = http_pool(cognito, "hostile-mfa", mfa="ON")
        create_confirmed_user(cognito, self.mfa_pool, "mfa")
        self.totp = http_with_totp(cognito, self.mfa_client, "mfa", self.clock.now())
        self.count = 0

    def fresh(self) -> str:
        self.count += 1
        return f"fresh{self.count}"

    def secret_hash(self, username: str) -> str:
        return str(aws_srp.AWSSRP.get_secret_hash(username, self.secret_client, self.secret))

    def reset(self) -> None:
        """``plain`` back to TEST_PASSWORD, freshly signed in (an example may change both)."""
        self.cognito.admin_set_user_password(
            UserPoolId=self.pool, Username="plain", Password=TEST_PASSWORD, Permanent=True
        )
        result = admin_sign_in(self.cognito, self.pool, self.client, "plain")[
            "AuthenticationResult"
        ]
        self.access, self.refresh = result["AccessToken"], result["RefreshToken"]
        self.device = result["NewDeviceMetadata"]


def _srp_answer(w: _World) -> tuple[str, dict[str, Any]]:
    helper = aws_srp.AWSSRP("plain", TEST_PASSWORD, w.pool, w.client, client=w.cognito)
    params = helper.get_auth_params()
    challenge = w.cognito.initiate_auth(
        ClientId=w.client, AuthFlow="USER_SRP_AUTH", AuthParameters=params
    )
    answer = helper.process_challenge(challenge["ChallengeParameters"], params)
    return "RespondToAuthChallenge", {
        "ClientId": w.client,
        "ChallengeName": "PASSWORD_VERIFIER",
        "Session": challenge["Session"],
        "ChallengeResponses": answer,
    }


def _sign_up_and_confirm(w: _World) -> tuple[str, dict[str, Any]]:
    name = w.fresh()
    http_sign_up(w.cognito, w.client, name)
    code = [m for m in w.messages() if m["username"] == name][-1]["code"]
    return "ConfirmSignUp", {"ClientId": w.client, "Username": name, "ConfirmationCode": code}


def _reset_password(w: _World) -> tuple[str, dict[str, Any]]:
    w.cognito.forgot_password(ClientId=w.client, Username="plain")
    code = [m for m in w.messages() if m["username"] == "plain"][-1]["code"]
    return "ConfirmForgotPassword", {
        "ClientId": w.client,
        "Username": "plain",
        "ConfirmationCode": code,
        "Password": TEST_PASSWORD,
    }


def _mfa_answer(w: _World) -> tuple[str, dict[str, Any]]:
    session = admin_sign_in(w.cognito, w.mfa_pool, w.mfa_client, "mfa")["Session"]
    return "AdminRespondToAuthChallenge", {
        "UserPoolId": w.mfa_pool,
        "ClientId": w.mfa_client,
        "ChallengeName": "SOFTWARE_TOKEN_MFA",
        "Session": session,
        "ChallengeResponses": {
            "USERNAME": "mfa",
            "SOFTWARE_TOKEN_MFA_CODE": w.totp.at(w.clock.now()),
        },
    }


def _new_password(w: _World) -> tuple[str, dict[str, Any]]:
    name = w.fresh()
    w.cognito.admin_create_user(
        UserPoolId=w.pool, Username=name, TemporaryPassword=TEST_PASSWORD, MessageAction="SUPPRESS"
    )
    session = admin_sign_in(w.cognito, w.pool, w.client, name)["Session"]
    return "RespondToAuthChallenge", {
        "ClientId": w.client,
        "ChallengeName": "NEW_PASSWORD_REQUIRED",
        "Session": session,
        "ChallengeResponses": {
            "USERNAME": name,
            "NEW_PASSWORD": TEST_PASSWORD + "x",
            "userAttributes.given_name": "Ana",
        },
    }


_RIGHT_REQUESTS: dict[str, Any] = {
    "SignUp": lambda w: (
        "SignUp",
        {
            "ClientId": w.client,
            "Username": w.fresh(),
            "Password": TEST_PASSWORD,
            "UserAttributes": [{"Name": "email", "Value": "fresh@example.com"}],
        },
    ),
    "SignUp with SECRET_HASH": lambda w: (
        lambda name: (
            "SignUp",
            {
                "ClientId": w.secret_client,
                "Username": name,
                "Password": TEST_PASSWORD,
                "SecretHash": w.secret_hash(name),
            },
        )
    )(w.fresh()),
    "ConfirmSignUp": _sign_up_and_confirm,
    "ConfirmForgotPassword": _reset_password,
    "USER_PASSWORD_AUTH": lambda w: (
        "InitiateAuth",
        {
            "ClientId": w.client,
            "AuthFlow": "USER_PASSWORD_AUTH",
            "AuthParameters": {
                "USERNAME": "plain",
                "PASSWORD": TEST_PASSWORD,
                "DEVICE_KEY": w.device["DeviceKey"],
            },
        },
    ),
    "USER_PASSWORD_AUTH with SECRET_HASH": lambda w: (
        "InitiateAuth",
        {
            "ClientId": w.secret_client,
            "AuthFlow": "USER_PASSWORD_AUTH",
            "AuthParameters": {
                "USERNAME": "plain",
                "PASSWORD": TEST_PASSWORD,
                "SECRET_HASH": w.secret_hash("plain"),
            },
        },
    ),
    "USER_SRP_AUTH": lambda w: (
        "InitiateAuth",
        {
            "ClientId": w.client,
            "AuthFlow": "USER_SRP_AUTH",
            "AuthParameters": aws_srp.AWSSRP(
                "plain", TEST_PASSWORD, w.pool, w.client, client=w.cognito
            ).get_auth_params(),
        },
    ),
    "PASSWORD_VERIFIER": _srp_answer,
    "REFRESH_TOKEN_AUTH": lambda w: (
        "InitiateAuth",
        {
            "ClientId": w.client,
            "AuthFlow": "REFRESH_TOKEN_AUTH",
            "AuthParameters": {"REFRESH_TOKEN": w.refresh},
        },
    ),
    "SOFTWARE_TOKEN_MFA": _mfa_answer,
    "NEW_PASSWORD_REQUIRED": _new_password,
    "AssociateSoftwareToken": lambda w: ("AssociateSoftwareToken", {"AccessToken": w.access}),
    "VerifySoftwareToken": lambda w: (
        "VerifySoftwareToken",
        {"AccessToken": w.access, "UserCode": "123456", "FriendlyDeviceName": "phone"},
    ),
    "ChangePassword": lambda w: (
        "ChangePassword",
        {
            "AccessToken": w.access,
            "PreviousPassword": TEST_PASSWORD,
            "ProposedPassword": TEST_PASSWORD,
        },
    ),
    "AdminSetUserPassword": lambda w: (
        "AdminSetUserPassword",
        {"UserPoolId": w.pool, "Username": "plain", "Password": TEST_PASSWORD, "Permanent": True},
    ),
    "AdminCreateUser": lambda w: (
        "AdminCreateUser",
        {
            "UserPoolId": w.pool,
            "Username": w.fresh(),
            "TemporaryPassword": TEST_PASSWORD,
            "UserAttributes": [{"Name": "email", "Value": "new@example.com"}],
        },
    ),
    "AdminUpdateUserAttributes": lambda w: (
        "AdminUpdateUserAttributes",
        {
            "UserPoolId": w.pool,
            "Username": "plain",
            "UserAttributes": [{"Name": "given_name", "Value": "Ana"}],
        },
    ),
    "ListUsers": lambda w: ("ListUsers", {"UserPoolId": w.pool, "Filter": 'username = "plain"'}),
    "GetUser": lambda w: ("GetUser", {"AccessToken": w.access}),
    "ConfirmDevice": lambda w: (
        "ConfirmDevice",
        {
            "AccessToken": w.access,
            "DeviceKey": w.device["DeviceKey"],
            "DeviceSecretVerifierConfig": aws_srp.generate_hash_device(
                w.device["DeviceGroupKey"], w.device["DeviceKey"]
            )[1],
            "DeviceName": "laptop",
        },
    ),
    "RevokeToken": lambda w: (
        "RevokeToken",
        {"Token": w.refresh, "ClientId": w.client},
    ),
}


def _text_leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every string in a request body (map keys included, as ``(..., key, None)``)."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _text_leaves(item, (*path, i))]
    if isinstance(value, dict):
        keys = [(*path, key, None) for key in value]
        return keys + [p for k, v in value.items() for p in _text_leaves(v, (*path, k))]
    return []


def _spoil(body: Any, path: tuple[Any, ...], spoil: Any) -> None:
    """Replace the string at ``path`` by ``spoil(string)`` (a key, when the path ends in None)."""
    *parents, last = path
    if last is None:
        *parents, key = parents
        holder = body
        for step in parents:
            holder = holder[step]
        holder[spoil(key)] = holder.pop(key)
        return
    holder = body
    for step in parents:
        holder = holder[step]
    holder[last] = spoil(holder[last])


@pytest.fixture(scope="module")
def world(emulator: EmulatorServer, cognito: Any) -> Iterator[_World]:
    w = _World(cognito, emulator)
    yield w
    for pool in (w.pool, w.mfa_pool):
        with contextlib.suppress(cognito.exceptions.ResourceNotFoundException):
            cognito.delete_user_pool(UserPoolId=pool)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.data(),
    request=st.sampled_from(sorted(_RIGHT_REQUESTS)),
    hostile=_HOSTILE,
    how=st.sampled_from(["replace", "prefix", "suffix", "middle"]),
)
def test_hostile_text_in_right_requests_gets_cognito_answers(
    world: _World, target: _Target, data: Any, request: str, hostile: str, how: str
) -> None:
    world.reset()
    operation, body = _RIGHT_REQUESTS[request](world)
    path = data.draw(st.sampled_from(_text_leaves(body)), label="member")

    def spoil(text: str) -> str:
        middle = len(text) // 2
        return {
            "replace": hostile,
            "prefix": hostile + text,
            "suffix": text + hostile,
            "middle": text[:middle] + hostile + text[middle:],
        }[how]

    _spoil(body, path, spoil)
    target.check(operation, json.dumps(body).encode())
    # what the request changed (a password, an attribute) must not break what comes next
    target.check(
        "AdminGetUser", json.dumps({"UserPoolId": world.pool, "Username": "plain"}).encode()
    )


# --- any region a request is signed for ------------------------------------------------------

_REGION_NAME = re.compile(r"[A-Za-z0-9-]{1,45}")
_regions = st.one_of(
    st.sampled_from(["local", "xx-invalid-1", "eu-west-3", "", "a" * 46, "us_east_1", "é"]),
    st.text(st.characters(exclude_characters="\r\n") | _SURROGATE, max_size=50),
)


@pytest.fixture(scope="module")
def regional(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorServer]:
    """An emulator of this test's own: the pools of odd regions stay out of everyone's way."""
    with EmulatorServer(outbox=tmp_path_factory.mktemp("regions")) as server:
        yield server


def _signed(server: EmulatorServer, operation: str, body: dict[str, Any], auth: bytes) -> Any:
    headers = {
        "X-Amz-Target": PREFIX + operation,
        "Content-Type": "application/x-amz-json-1.1",
        "Authorization": auth,
    }
    answer = requests.post(server.url, data=json.dumps(body), headers=headers, timeout=30)
    assert answer.status_code < 500, f"{answer.status_code} for {auth!r}: {answer.text[:300]}"
    payload = answer.json()
    if answer.status_code >= 400:
        assert payload.get("__type") in COGNITO_ERRORS, payload
        assert isinstance(payload.get("message"), str), payload
    return answer.status_code, payload


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(region=_regions, shape=st.sampled_from(["scope", "no scope", "bare"]))
def test_any_signed_region_gets_cognito_answers(
    regional: EmulatorServer, region: str, shape: str
) -> None:
    """Well-formed names of any region work (a backend each); a credential scope naming no
    region is refused; an Authorization header without a scope counts as unsigned."""
    auth = {
        "scope": f"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/{region}/cognito-idp/"
        "aws4_request, SignedHeaders=host, Signature=00",
        "no scope": f"AWS4-HMAC-SHA256 {region}",
        "bare": f"AWS4{region}",
    }[shape].encode("utf-8", "surrogatepass")
    status, created = _signed(regional, "CreateUserPool", {"PoolName": "p"}, auth)
    _signed(regional, "ListUserPools", {"MaxResults": 5}, auth)
    _signed(regional, "SignUp", {"ClientId": "nope", "Username": "u", "Password": "x"}, auth)
    if shape == "scope" and _REGION_NAME.fullmatch(region):
        assert status == 200 and created["UserPool"]["Id"].startswith(f"{region}_"), created
    if status != 200:
        assert created["__type"] == "InvalidSignatureException", created
        return
    pool_id = created["UserPool"]["Id"]
    assert re.fullmatch(r"[A-Za-z0-9-]{1,45}_[A-Za-z0-9]{9}", pool_id), pool_id
    assert _signed(regional, "DescribeUserPool", {"UserPoolId": pool_id}, auth)[0] == 200
    assert _signed(regional, "DeleteUserPool", {"UserPoolId": pool_id}, auth)[0] == 200
