# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Reject malformed requests the way Amazon Cognito does, before they reach moto.

:func:`validate_request` checks a parsed JSON request body against botocore's service model
for ``cognito-idp`` (loaded once). Cognito, like every AWS JSON-protocol service, handles a
request in two stages, and the error type tells which stage refused it:

1. **Deserialization.** A body that is not a JSON object, or a member whose JSON type does
   not fit its shape (a number where a string belongs, an object where a list belongs, ...),
   never becomes a request object: the answer is ``SerializationException``, e.g.
   ``Start of structure or map found where not expected.`` (reported against Cognito in
   aws-amplify/amplify-js#5165 and #4738, amazon-cognito-identity-js#485). The first such
   problem is reported alone.
2. **Constraint validation** of the deserialized request: required members, length ranges
   of strings, lists and maps, value ranges of integers, enum value sets and regular
   expression patterns. Cognito answers these with ``InvalidParameterException`` (not the
   ``ValidationException`` of newer services) and one message listing every violation, e.g.
   ``1 validation error detected: Value 'x' at 'userPoolId' failed to satisfy constraint:
   Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+`` (boto/boto3#3581,
   amazon-cognito-identity-js#388, which shows four violations joined by ``; ``). Values of
   members the model marks ``sensitive`` (user names, passwords, tokens, ...) are left out:
   ``Value at 'password' failed to satisfy constraint: ...``.

An ``X-Amz-Target`` naming no operation of the service is ``UnknownOperationException``.

What is deliberately *not* rejected, because Cognito accepts it: members the model does not
know (JSON services ignore them) and ``null`` for an optional member (same as absent).
Where the service's exact behaviour is not public, this module errs on the side of
accepting. Known approximations: lengths count Unicode code points (Smithy's rule), not
UTF-16 units; numbers with a fractional part for an integer member are refused as a
serialization problem (moto could not use them); Java's ``\\p{L}``-style classes in
patterns are expanded from Python's Unicode database, which may be a version apart.

Speed: the model is turned once, lazily per operation, into small :class:`_Spec` trees; a
request is then one walk over its own body.
"""

from __future__ import annotations

import base64
import binascii
import functools
import math
import re
import sys
import threading
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cognito_emulator.exceptions import (
    InvalidParameterException,
    SerializationException,
    UnknownOperationException,
)
from cognito_emulator.text import is_text

__all__ = ["PASSWORD_PATTERN", "check_password", "operation_names", "validate_request"]

SERVICE = "cognito-idp"

_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)


@dataclass(slots=True, eq=False)
class _Spec:
    """What one shape of the model allows, in the form the walk needs."""

    kind: str
    sensitive: bool = False
    min: int | None = None
    max: int | None = None
    enum: frozenset[str] | None = None
    enum_text: str = ""
    pattern: re.Pattern[str] | None = None
    pattern_text: str = ""
    members: dict[str, tuple[str, _Spec]] = field(default_factory=dict)  # name -> (path, spec)
    required: tuple[str, ...] = ()
    member: _Spec | None = None  # list
    key: _Spec | None = None  # map
    value: _Spec | None = None  # map


class _Failures:
    """Collected constraint violations (stage 2)."""

    __slots__ = ("messages",)

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, value: str | None, path: str, constraint: str) -> None:
        shown = "Value" if value is None else f"Value {value}"
        self.messages.append(f"{shown} at '{path}' failed to satisfy constraint: {constraint}")

    def raise_any(self) -> None:
        """InvalidParameterException listing every violation, if there is one."""
        if self.messages:
            count = len(self.messages)
            noun = "error" if count == 1 else "errors"
            raise InvalidParameterException(
                f"{count} validation {noun} detected: " + "; ".join(self.messages)
            )


# --- the model ---------------------------------------------------------------------------

_lock = threading.Lock()
_specs: dict[str, _Spec] = {}


@functools.cache
def _service_model() -> Any:
    """The cognito-idp model that ships with botocore, read without any AWS profile or config
    (a session would read ``AWS_PROFILE`` and fail when it names an unknown profile)."""
    import botocore.loaders
    import botocore.model

    loader = botocore.loaders.create_loader()
    return botocore.model.ServiceModel(
        loader.load_service_model(SERVICE, "service-2"), service_name=SERVICE
    )


@functools.cache
def operation_names() -> frozenset[str]:
    """Every operation name of botocore's ``cognito-idp`` model."""
    return frozenset(_service_model().operation_names)


@functools.cache
def _category_classes() -> dict[str, str]:
    """Regex character-class bodies for each major Unicode category (``L``, ``M``, ...).

    One scan of every code point (about 0.1 s), done the first time a pattern needs it.
    """
    ranges: dict[str, list[list[int]]] = {}
    for code in range(sys.maxunicode + 1):
        runs = ranges.setdefault(unicodedata.category(chr(code))[0], [])
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return {
        major: "".join(
            f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in runs
        )
        for major, runs in ranges.items()
    }


PASSWORD_PATTERN = r"^[\S]+.*[\S]+$"  # noqa: S105 - a pattern, not a password
"""The pattern Cognito checks passwords against, as its messages quote it (e.g.
cds-snc/platform-forms-client#5635, 2025): inner spaces allowed, no leading or trailing one."""

_PATTERN_OVERRIDES = {
    # The model still says "[\\S]+" (no whitespace at all), but Cognito has accepted
    # passwords with inner spaces since 2021: "a non-leading, non-trailing space character
    # is also treated as a special character" (Cognito developer guide, password policies).
    "PasswordType": PASSWORD_PATTERN,
}

_REQUIRED_TOO = {
    # The model leaves an attribute's Value optional; moto needs one (a KeyError, a 500). What
    # Cognito does without it is not documented: the emulator refuses it as a missing member.
    "AttributeType": ("Value",),
}

_JAVA_CATEGORY = re.compile(r"\\p\{([LMSNPZ])\}")


@functools.cache
def _compile_pattern(java_pattern: str) -> re.Pattern[str] | None:
    """The model's (Java) pattern as a Python regex; ``None`` if it cannot be translated.

    Java's ``\\w``, ``\\s`` and ``\\d`` are ASCII-only, hence ``re.ASCII``; ``\\p{X}`` is
    expanded into explicit ranges. An untranslatable pattern is not enforced (accepting is
    the safe side).
    """
    python_pattern = _JAVA_CATEGORY.sub(lambda m: _category_classes()[m.group(1)], java_pattern)
    try:
        return re.compile(python_pattern, re.ASCII)
    except re.error:
        return None


def _build(shape: Any, sensitive: bool, seen: dict[tuple[str, bool], _Spec]) -> _Spec:
    sensitive = sensitive or bool(shape.metadata.get("sensitive"))
    memo = (shape.name, sensitive)
    if memo in seen:
        return seen[memo]
    meta = shape.metadata
    spec = _Spec(
        kind=shape.type_name, sensitive=sensitive, min=meta.get("min"), max=meta.get("max")
    )
    seen[memo] = spec
    if spec.kind == "string":
        if shape.enum:
            spec.enum = frozenset(shape.enum)
            spec.enum_text = "[" + ", ".join(shape.enum) + "]"
        pattern = _PATTERN_OVERRIDES.get(shape.name, meta.get("pattern"))
        if pattern is not None:
            spec.pattern = _compile_pattern(pattern)
            spec.pattern_text = pattern
    elif spec.kind == "structure":
        spec.required = (*shape.required_members, *_REQUIRED_TOO.get(shape.name, ()))
        for name, member in shape.members.items():
            path = name[:1].lower() + name[1:]
            spec.members[name] = (path, _build(member, sensitive, seen))
    elif spec.kind == "list":
        spec.member = _build(shape.member, sensitive, seen)
    elif spec.kind == "map":
        spec.key = _build(shape.key, sensitive, seen)
        spec.value = _build(shape.value, sensitive, seen)
    return spec


def _spec_for(operation: str) -> _Spec:
    spec = _specs.get(operation)
    if spec is not None:
        return spec
    if operation not in operation_names():
        raise UnknownOperationException(f"Unknown operation {operation}")
    with _lock:
        input_shape = _service_model().operation_model(operation).input_shape
        spec = _Spec(kind="structure") if input_shape is None else _build(input_shape, False, {})
        _specs[operation] = spec
    return spec


# --- the walk ----------------------------------------------------------------------------

_TOKEN_NAMES = {str: "STRING_VALUE", bool: "BOOLEAN_VALUE", int: "NUMBER_VALUE"}
_TYPE_NAMES = {
    "string": "a String",
    "integer": "an Integer",
    "long": "a Long",
    "boolean": "a Boolean",
    "blob": "a ByteBuffer",
    "timestamp": "a Date",
    "double": "a Double",
    "float": "a Float",
}


def _type_error(value: object, spec: _Spec) -> SerializationException:
    if isinstance(value, dict):
        return SerializationException("Start of structure or map found where not expected.")
    if isinstance(value, list):
        return SerializationException("Start of list found where not expected")
    if spec.kind in ("structure", "map"):
        return SerializationException("Expected map or null")
    if spec.kind == "list":
        return SerializationException("Expected list or null")
    token = _TOKEN_NAMES.get(type(value), "NUMBER_VALUE")
    return SerializationException(f"{token} can not be converted to {_TYPE_NAMES[spec.kind]}")


def _show(value: object, spec: _Spec) -> str | None:
    if spec.sensitive:
        return None
    if isinstance(value, list):
        return "'[" + ", ".join(_text(v) for v in value) + "]'"
    if isinstance(value, dict):
        return "'{" + ", ".join(f"{k}={_text(v)}" for k, v in value.items()) + "}'"
    return f"'{_text(value)}'"


def _text(value: object) -> str:
    """A value as Java would print it (``null``, ``true``); long values shortened."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text if len(text) <= 256 else text[:256] + "..."


def _scalar_problems(value: object, spec: _Spec) -> list[str]:
    """Check type (raising SerializationException) and return constraint violations."""
    kind = spec.kind
    problems: list[str] = []
    if kind == "string":
        if not isinstance(value, str):
            raise _type_error(value, spec)
        if spec.enum is not None and value not in spec.enum:
            problems.append(f"Member must satisfy enum value set: {spec.enum_text}")
        _length(len(value), spec, problems)
        if spec.pattern is not None and not _matches(spec.pattern, value):
            problems.append(f"Member must satisfy regular expression pattern: {spec.pattern_text}")
    elif kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _type_error(value, spec)
        if isinstance(value, float):
            if not math.isfinite(value) or not value.is_integer():
                raise SerializationException(
                    f"NUMBER_VALUE can not be converted to {_TYPE_NAMES[kind]}"
                )
            value = int(value)
        low, high = _INT32 if kind == "integer" else _INT64
        if not low <= value <= high:
            raise SerializationException(f"Numeric value ({value}) out of range of {kind}")
        if spec.min is not None and value < spec.min:
            problems.append(f"Member must have value greater than or equal to {spec.min}")
        if spec.max is not None and value > spec.max:
            problems.append(f"Member must have value less than or equal to {spec.max}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            raise _type_error(value, spec)
    elif kind in ("double", "float"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _type_error(value, spec)
    elif kind == "timestamp":
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise _type_error(value, spec)
    elif kind == "blob":
        if not isinstance(value, str):
            raise _type_error(value, spec)
        try:
            decoded = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise SerializationException("Base64 encoded value expected") from None
        _length(len(decoded), spec, problems)
    return problems


def _matches(pattern: re.Pattern[str], value: str) -> bool:
    """A lone surrogate is not text: it matches no pattern (``[\\S]+`` would match it)."""
    return is_text(value) and pattern.fullmatch(value) is not None


@functools.cache
def _password_spec() -> _Spec:
    return _build(_service_model().shape_for("PasswordType"), False, {})


def check_password(password: str) -> None:
    """A password given where the model has no shape for it (NEW_PASSWORD in a challenge
    answer) is held to PasswordType as at SignUp, with the same message.

    :raises InvalidParameterException: e.g. ``1 validation error detected: Value at
        'password' failed to satisfy constraint: Member must satisfy regular expression
        pattern: ^[\\S]+.*[\\S]+$``.
    """
    failures = _Failures()
    _check(password, _password_spec(), "password", failures)
    failures.raise_any()


def _length(length: int, spec: _Spec, problems: list[str]) -> None:
    if spec.min is not None and length < spec.min:
        problems.append(f"Member must have length greater than or equal to {spec.min}")
    if spec.max is not None and length > spec.max:
        problems.append(f"Member must have length less than or equal to {spec.max}")


def _check(value: object, spec: _Spec, path: str, failures: _Failures) -> None:
    kind = spec.kind
    if kind == "structure":
        if not isinstance(value, dict):
            raise _type_error(value, spec)
        _check_structure(value, spec, path, failures)
    elif kind == "list":
        if not isinstance(value, list):
            raise _type_error(value, spec)
        _check_list(value, spec, path, failures)
    elif kind == "map":
        if not isinstance(value, dict):
            raise _type_error(value, spec)
        _check_map(value, spec, path, failures)
    else:
        for problem in _scalar_problems(value, spec):
            failures.add(_show(value, spec), path, problem)


def _check_structure(body: dict[str, Any], spec: _Spec, path: str, failures: _Failures) -> None:
    prefix = f"{path}." if path else ""
    for name in spec.required:
        if body.get(name) is None:
            failures.add("null", prefix + spec.members[name][0], "Member must not be null")
    for name, value in body.items():
        entry = spec.members.get(name)
        if entry is None or value is None:
            continue  # unknown members are ignored; null is the same as absent
        member_path, member_spec = entry
        _check(value, member_spec, prefix + member_path, failures)


def _check_list(items: list[Any], spec: _Spec, path: str, failures: _Failures) -> None:
    problems: list[str] = []
    _length(len(items), spec, problems)
    for problem in problems:
        failures.add(_show(items, spec), path, problem)
    member = spec.member
    assert member is not None
    if member.kind in ("structure", "list", "map"):
        for index, item in enumerate(items, start=1):
            item_path = f"{path}.{index}.member"
            if item is None:
                failures.add("null", item_path, "Member must not be null")
            else:
                _check(item, member, item_path, failures)
        return
    inner: list[str] = []
    for item in items:
        if item is None:
            inner.append("Member must not be null")
        else:
            inner.extend(_scalar_problems(item, member))
    if inner:
        joined = ", ".join(dict.fromkeys(inner))
        failures.add(_show(items, spec), path, f"Member must satisfy constraint: [{joined}]")


def _check_map(mapping: dict[str, Any], spec: _Spec, path: str, failures: _Failures) -> None:
    problems: list[str] = []
    _length(len(mapping), spec, problems)
    for problem in problems:
        failures.add(_show(mapping, spec), path, problem)
    key_spec, value_spec = spec.key, spec.value
    assert key_spec is not None and value_spec is not None
    key_problems: list[str] = []
    value_problems: list[str] = []
    for key, value in mapping.items():
        key_problems.extend(_scalar_problems(key, key_spec))
        if value is None:
            value_problems.append("Member must not be null")
        elif value_spec.kind in ("structure", "list", "map"):
            _check(value, value_spec, f"{path}.{key}", failures)
        else:
            value_problems.extend(_scalar_problems(value, value_spec))
    shown = _show(mapping, spec)
    if key_problems:
        joined = ", ".join(dict.fromkeys(key_problems))
        failures.add(shown, path, f"Map keys must satisfy constraint: [{joined}]")
    if value_problems:
        joined = ", ".join(dict.fromkeys(value_problems))
        failures.add(shown, path, f"Map value must satisfy constraint: [{joined}]")


def validate_request(operation: str, params: object) -> None:
    """Check the parsed JSON body of a request to ``operation``; return if Cognito would take it.

    :raises UnknownOperationException: ``operation`` is not in the ``cognito-idp`` model.
    :raises SerializationException: the body is not a JSON object, or a member has the
        wrong JSON type (first problem only).
    :raises InvalidParameterException: constraint violations, all listed in the message
        (``N validation error(s) detected: ...; ...``).
    """
    spec = _spec_for(operation)
    if not isinstance(params, dict):
        if params is None or isinstance(params, str | int | float):
            raise SerializationException("Start of structure or map expected")
        raise _type_error(params, spec)
    failures = _Failures()
    _check_structure(params, spec, "", failures)
    failures.raise_any()
