# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What a script's run must look like: a response that fits its output shape, or a refusal.

Used by every test of tests/cli/: a success prints JSON that fits the operation's documented
output shape (:mod:`output_shape`) and nothing on stderr; a Cognito error leaves stdout empty,
exits with the aws command's status (not 0, not 2) and explains the error on stderr.
"""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

from cli.output_shape import output_shape, shape_problems

MASKED = re.compile(r"^\S{5}\.\.\.\S{4} \((\d+) chars\)$")


def printed_response(result: subprocess.CompletedProcess[str], operation: str) -> Any:
    """The JSON a successful run printed, checked against ``operation``'s output shape."""
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr}"
    if output_shape(operation) is None:
        assert result.stdout == "", "an operation without output prints nothing on stdout"
        return None
    document = json.loads(result.stdout)
    problems = shape_problems(operation, document)
    assert not problems, "\n".join(problems)
    return document


def refused(result: subprocess.CompletedProcess[str], error_code: str, advice: str) -> None:
    """A run that Cognito refused with ``error_code``: the script said why and what to do."""
    assert result.returncode not in (0, 2), f"exit {result.returncode}: {result.stderr}"
    assert result.stdout == ""
    assert f"An error occurred ({error_code})" in result.stderr, result.stderr
    assert "Here's why:" in result.stderr
    assert advice in result.stderr, result.stderr


def masked_length(value: str) -> int:
    """The length a masked token reports (``eyJra...Q3xw (1071 chars)``); fails if unmasked."""
    match = MASKED.match(value)
    assert match, f"not masked: {value[:12]}..."
    return int(match.group(1))
