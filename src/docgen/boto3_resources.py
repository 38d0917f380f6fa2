# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The call check of boto3's resource API, from the resource models boto3 ships.

Besides its clients (``iam_client.create_access_key(...)``), boto3 offers resources whose
methods are named after what they do to the resource, not after the API action they call:
``iam.User(name).create_access_key_pair()`` calls ``CreateAccessKey``, ``alarm.delete()``
calls ``DeleteAlarms``, iterating ``bucket.objects.all()`` calls ``ListObjects``, and reading
an attribute of ``iam.Role(name)`` first loads it with ``GetRole``. boto3 describes each of
these in ``boto3/data/<service>/<version>/resources-1.json``; this module reads those files
(lazily, once per service) instead of guessing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from functools import cache
from typing import Any

from docgen import names

# ``.create_access_key_pair(``, ``.objects``, ``.Role(``: every attribute a snippet touches.
_ATTRIBUTE = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)")


@cache
def _data_folder() -> str | None:
    spec = importlib.util.find_spec("boto3")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        return None
    return os.path.join(next(iter(spec.submodule_search_locations)), "data")


def _operation(entry: Any) -> str | None:
    request = entry.get("request") if isinstance(entry, dict) else None
    operation = request.get("operation") if isinstance(request, dict) else None
    return names.canonical(operation) if isinstance(operation, str) else None


def _add(found: dict[str, set[str]], name: str, entry: Any) -> None:
    operation = _operation(entry)
    if operation is not None:
        found.setdefault(names.canonical(name), set()).add(operation)


@cache
def operations(service: str) -> dict[str, frozenset[str]]:
    """Canonical resource-API name -> the canonical API actions it calls, for the boto3
    service ``service`` (``iam``); empty when boto3 has no resources for it."""
    folder = _data_folder()
    if folder is None or not service or not os.path.isdir(os.path.join(folder, service)):
        return {}
    versions = sorted(os.listdir(os.path.join(folder, service)))
    path = os.path.join(folder, service, versions[-1], "resources-1.json") if versions else ""
    try:
        with open(path, encoding="utf-8") as handle:
            model = json.load(handle)
    except (OSError, ValueError):
        return {}
    found: dict[str, set[str]] = {}
    described = [model.get("service", {}), *model.get("resources", {}).values()]
    for resource in described:
        for group in ("actions", "batchActions", "hasMany"):
            for name, entry in resource.get(group, {}).items():
                _add(found, name, entry)
    resources = model.get("resources", {})
    for name, resource in resources.items():
        load = resource.get("load")
        # Constructing a resource and reading its attributes loads it; so do load()/reload().
        # (Ruby's resources load with .data.)
        for trigger in (name, "load", "reload", "data"):
            _add(found, trigger, load)
    for resource in described:
        # Waiting for a resource (obj.wait_until_exists(); Ruby's obj.exists?) polls the
        # action that loads it.
        for name in resource.get("waiters", {}):
            load = resource.get("load")
            _add(found, name, load)
            _add(found, "WaitUntil" + name, load)
        # A related resource (bucket.Policy(), obj.Acl()) is loaded the same way.
        for name, entry in resource.get("has", {}).items():
            target = entry.get("resource", {}).get("type") if isinstance(entry, dict) else None
            if isinstance(target, str) and isinstance(resources.get(target), dict):
                _add(found, name, resources[target].get("load"))
    return {name: frozenset(ops) for name, ops in found.items()}


def called(text: str, services: tuple[str, ...]) -> set[str]:
    """The canonical API actions ``text`` calls through the resources of ``services`` (the
    first of them boto3 has resource models for), and through the collections of any."""
    attributes = {names.canonical(name) for name in _ATTRIBUTE.findall(text)}
    found: set[str] = set()
    if "esource" in text:
        # Code using resources (boto3.resource(...), Aws::RDS::Resource): every resource
        # model names a collection after what it lists: rds.db_instances lists with
        # DescribeDBInstances, iam.users with ListUsers (also for the services boto3 has no
        # resources for, which the Ruby SDK has).
        found = {verb + name for name in attributes for verb in ("describe", "list")}
    for service in services:
        model = operations(service)
        if model:
            for name in attributes:
                found |= model.get(name, frozenset())
            break
    return found
