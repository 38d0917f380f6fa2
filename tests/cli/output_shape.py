# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Check a script's printed JSON against the operation's output shape in botocore's model.

The shape is Cognito's documented response (the service model the SDKs and the CLI are built
from): every key printed must be a member of it, with the member's type (a structure, list,
map, string from the enum, boolean, number, timestamp), and every required member must be
there. Masked tokens are still strings, so they pass; a key the model doesn't know, a number
printed as a string or a list where one object belongs does not.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape


@cache
def _model() -> ServiceModel:
    return botocore.session.get_session().get_service_model("cognito-idp")


def output_shape(operation: str) -> Shape | None:
    """The output shape of a Cognito operation, or None when it answers nothing."""
    shape: Shape | None = _model().operation_model(operation).output_shape
    return shape


def shape_problems(operation: str, document: Any) -> list[str]:
    """What in ``document`` doesn't fit the output shape of ``operation`` (empty: it fits)."""
    shape = output_shape(operation)
    if shape is None:
        return [] if document in (None, {}) else [f"{operation} has no output, got {document!r}"]
    problems: list[str] = []
    _check(shape, document, operation, problems)
    return problems


def _check(shape: Shape, value: Any, path: str, problems: list[str]) -> None:
    kind = shape.type_name
    if isinstance(shape, StructureShape):
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object ({shape.name}), got {value!r}")
            return
        for name in shape.required_members:
            if name not in value:
                problems.append(f"{path}: required member {name} is missing")
        for name, member in value.items():
            if name not in shape.members:
                problems.append(f"{path}: {name} is not a member of {shape.name}")
            else:
                _check(shape.members[name], member, f"{path}.{name}", problems)
    elif isinstance(shape, ListShape):
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list, got {value!r}")
            return
        for index, item in enumerate(value):
            _check(shape.member, item, f"{path}[{index}]", problems)
    elif isinstance(shape, MapShape):
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map, got {value!r}")
            return
        for key, item in value.items():
            _check(shape.key, key, f"{path} key", problems)
            _check(shape.value, item, f"{path}[{key!r}]", problems)
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string, got {value!r}")
        elif shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {shape.enum}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected true or false, got {value!r}")
    elif kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{path}: expected an integer, got {value!r}")
    elif kind in ("float", "double"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{path}: expected a number, got {value!r}")
    elif kind == "timestamp":
        # The AWS CLI prints timestamps as epoch seconds (v1) or ISO 8601 text (v2).
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            problems.append(f"{path}: expected a timestamp, got {value!r}")
    elif kind == "blob":
        if not isinstance(value, str):
            problems.append(f"{path}: expected base64 text, got {value!r}")
    else:
        problems.append(f"{path}: unchecked shape type {kind}")
