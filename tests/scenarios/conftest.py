# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Fixtures of the scenario tests: run it in this process, and check it leaves nothing behind.

The scenario runs against the worker's emulator (``--endpoint URL``, as the specification
harness runs every port), with a
:class:`scripted_user.ScriptedUser` answering its prompts the way a person would: reading the
confirmation code and the setup key off the screen and computing the app's codes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import signup_user_with_mfa as scenario
from scripted_user import Answer, Result, ScriptedUser, default_answers
from totp_app import TotpApp


@pytest.fixture
def play(emulator: Any, totp_app: Callable[[str], TotpApp]) -> Callable[..., Result]:
    """Run the scenario in this process on the worker's emulator; return status and screens."""

    def _play(
        argv: list[str] | None = None, answers: dict[str, list[Answer]] | None = None
    ) -> Result:
        out, err = io.StringIO(), io.StringIO()
        argv = list(argv or [])
        if "aws" not in argv:
            argv += ["--endpoint", emulator.url]
        if "--auto" in argv:
            status = scenario.run(argv, out=out, err=err)
            return Result(status, out.getvalue(), err.getvalue(), None)
        merged = default_answers()
        merged.update(answers or {})
        user = ScriptedUser(out, merged, totp_app)
        status = scenario.run(argv, out=out, err=err, ask=user, ask_secret=user)
        return Result(status, out.getvalue(), err.getvalue(), user)

    return _play


@pytest.fixture
def nothing_left(cognito: Any) -> Iterator[None]:
    """Fail unless the test leaves the backend's user pools as it found them."""

    def pools() -> set[str]:
        pages = cognito.get_paginator("list_user_pools").paginate(MaxResults=60)
        return {pool["Id"] for page in pages for pool in page["UserPools"]}

    before = pools()
    yield
    assert pools() == before, "the scenario left user pools behind"
