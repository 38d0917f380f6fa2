# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The clean-up stack and the masking of secrets."""

from __future__ import annotations

import os
import signal

from mfa_scenario.cleanup import CleanupStack
from mfa_scenario.console import mask


def test_removes_last_created_first_and_keeps_going_after_a_failure() -> None:
    order: list[str] = []
    stack = CleanupStack()
    stack.push("pool", lambda: order.append("pool"))
    stack.push("client", lambda: (_ for _ in ()).throw(RuntimeError("gone\nsecond line")))
    stack.push("user", lambda: order.append("user"))

    removals = stack.close()

    assert order == ["user", "pool"]
    assert [(r.what, r.ok) for r in removals] == [("user", True), ("client", False), ("pool", True)]
    assert removals[1].error == "RuntimeError: gone"
    assert len(stack) == 0 and stack.close() == []


def test_discard_forgets_a_resource() -> None:
    stack = CleanupStack()
    stack.push("qr", lambda: None)
    stack.discard("qr")
    assert len(stack) == 0


def test_mask_never_shows_a_whole_token() -> None:
    token = "eyJhbGciOiJSUzI1NiJ9." + "x" * 200 + ".sig1234"
    assert mask(token) == f"eyJhb...1234 ({len(token)} chars)"
    assert mask("short-secret") == "**** (12 chars)"
    assert mask(None) == "(none)"


def test_ctrl_c_while_removing_is_remembered_and_the_rest_still_removed() -> None:
    order: list[str] = []
    stack = CleanupStack()
    stack.push("pool", lambda: order.append("pool"), "DeleteUserPool")

    def remove_user_then_ctrl_c() -> None:
        order.append("user")
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while Cognito deletes the user

    stack.push("user", remove_user_then_ctrl_c, "AdminDeleteUser")
    announced: list[tuple[str, str | None]] = []
    before = signal.getsignal(signal.SIGINT)  # the default, or ignored in a background job

    removals = stack.close(lambda what, op: announced.append((what, op)))

    assert order == ["user", "pool"]
    assert all(r.ok for r in removals)
    assert announced == [("user", "AdminDeleteUser"), ("pool", "DeleteUserPool")]
    assert stack.deferred_signal == signal.SIGINT
    assert signal.getsignal(signal.SIGINT) is before  # put back
