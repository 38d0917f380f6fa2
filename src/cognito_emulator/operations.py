# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Which Cognito operations the emulator serves, and where: worked out from the code.

Every operation of botocore's ``cognito-idp`` model is one of:

* **emulated**: a module of the emulator defines the backend method the operation runs
  (``SignUp`` → ``CodesMixin.sign_up`` in ``codes.py``);
* **moto's**: moto's handler and backend method run unchanged (on the emulator's state);
* **refused**: nobody handles it; the emulator answers ``UnsupportedOperationException``.

``python -m cognito_emulator.operations`` prints the table the emulator's README shows;
``--update src/cognito_emulator/README.md`` rewrites it there (a test checks the README).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from moto.core.utils import camelcase_to_underscores

from cognito_emulator.models import EmulatorBackend
from cognito_emulator.responses import EmulatorResponse
from cognito_emulator.validation import operation_names

EMULATED, MOTO, REFUSED = "emulated", "moto", "refused"
BEGIN = (
    "<!-- BEGIN operations (generated: "
    "python -m cognito_emulator.operations --update src/cognito_emulator/README.md) -->"
)
END = "<!-- END operations -->"


@dataclass(frozen=True)
class Operation:
    name: str
    handled: str  # EMULATED, MOTO or REFUSED
    module: str | None = None  # for EMULATED: the emulator's module, e.g. "codes.py"


def _defining_class(cls: type, name: str) -> type | None:
    return next((k for k in cls.__mro__ if name in vars(k)), None)


def classify(operation: str) -> Operation:
    """Where ``operation`` is handled (moto dispatches by its snake-case name)."""
    method = camelcase_to_underscores(operation)
    if _defining_class(EmulatorResponse, method) is None:
        return Operation(operation, REFUSED)
    owner = _defining_class(EmulatorBackend, method)
    if owner is not None and owner.__module__.startswith("cognito_emulator."):
        return Operation(operation, EMULATED, owner.__module__.rsplit(".", 1)[1] + ".py")
    return Operation(operation, MOTO)


def operations() -> list[Operation]:
    """Every operation of the API, sorted by name."""
    return [classify(name) for name in sorted(operation_names())]


def markdown_table() -> str:
    """The README's table: a row per emulator module, moto, refused, with the counts."""
    ops = operations()
    rows: dict[str, list[str]] = defaultdict(list)
    for op in ops:
        rows[f"`{op.module}`" if op.module else op.handled].append(op.name)
    emulated = sum(len(v) for k, v in rows.items() if k.startswith("`"))
    moto, refused = len(rows[MOTO]), len(rows[REFUSED])
    lines = [
        BEGIN,
        f"{emulated + moto} of the API's {len(ops)} operations are served: {emulated} emulated "
        f"(the emulator's module checks them as Cognito does), {moto} moto's own (on the "
        f"emulator's state); {refused} are refused with `UnsupportedOperationException`.",
        "",
        "| handled by | count | operations |",
        "| --- | --- | --- |",
    ]
    modules = sorted(k for k in rows if k.startswith("`"))
    labels = {MOTO: "moto", REFUSED: "refused"}
    for key in [*modules, MOTO, REFUSED]:
        lines.append(f"| {labels.get(key, key)} | {len(rows[key])} | {', '.join(rows[key])} |")
    lines.append(END)
    return "\n".join(lines)


def replace_table(text: str) -> str:
    """``text`` (a README) with its operations table replaced by the current one."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"no operations table ({BEGIN} ... {END}) to replace")
    return text[:start] + markdown_table() + text[end + len(END) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cognito_emulator.operations", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--update", metavar="README", help="rewrite the table in this file")
    args = parser.parse_args(argv)
    if not args.update:
        print(markdown_table())
        return 0
    path = Path(args.update)
    try:
        path.write_text(replace_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    except (OSError, ValueError) as exc:
        print(f"{parser.prog}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
