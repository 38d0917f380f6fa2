# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""An error or Ctrl-C at any step: the scenario removes what it created and says so."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import pytest
import signup_user_with_mfa as scenario
from botocore.exceptions import ClientError

pytestmark = pytest.mark.usefixtures("nothing_left")

# (step, action function the scenario calls, which call of it fails)
FAILURE_POINTS = [
    (1, "set_user_pool_mfa_config", 1),
    (1, "create_user_pool_client", 1),
    (2, "sign_up", 1),
    (2, "confirm_sign_up", 1),
    (3, "list_users", 1),
    (4, "admin_initiate_auth", 1),
    (4, "associate_software_token", 1),
    (5, "verify_software_token", 1),
    (5, "admin_respond_to_auth_challenge", 1),
    (6, "admin_initiate_auth", 2),
    (6, "admin_respond_to_auth_challenge", 2),
    (7, "confirm_device", 1),
    (7, "admin_initiate_auth", 3),
    (7, "list_devices", 1),
    (7, "forget_device", 1),
]
IDS = [f"step{step}-{name}-{nth}" for step, name, nth in FAILURE_POINTS]
# an injected error: once a step (Ctrl-C above covers every failure point)
ERROR_POINTS = [next(point for point in FAILURE_POINTS if point[0] == n) for n in range(1, 8)]
ERROR_IDS = [f"step{step}-{name}-{nth}" for step, name, nth in ERROR_POINTS]


def fail_on(monkeypatch: pytest.MonkeyPatch, name: str, nth: int, exc: BaseException) -> None:
    """Make the scenario's ``nth`` call of the action ``name`` raise ``exc``."""
    real: Callable[..., Any] = getattr(scenario, name)
    calls = {"n": 0}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == nth:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(scenario, name, wrapper)


def internal_error(operation: str) -> ClientError:
    return ClientError(
        {"Error": {"Code": "InternalErrorException", "Message": "Injected failure."}}, operation
    )


def stopped_at(out: str, step: int) -> bool:
    """The scenario reached ``step``, went no further, and cleaned up."""
    later = [f"Step {n} of 8" for n in range(step + 1, 8)]
    return (
        f"Step {step} of 8" in out
        and not any(t in out for t in later)
        and ("Step 8 of 8 [########]  Clean up" in out)
    )


def removed(out: str) -> list[str]:
    return re.findall(r"ok Removed (.+?)\.\n", out)


@pytest.mark.parametrize(("step", "name", "nth"), FAILURE_POINTS, ids=IDS)
def test_ctrl_c_at_each_step(
    play: Any, monkeypatch: pytest.MonkeyPatch, step: int, name: str, nth: int
) -> None:
    fail_on(monkeypatch, name, nth, KeyboardInterrupt())

    result = play(["--auto"])

    assert result.status == 130
    assert result.err == "signup_user_with_mfa: interrupted (Ctrl-C)\n"
    assert stopped_at(result.out, step)
    assert any(what.startswith("user pool ") for what in removed(result.out))
    assert "Couldn't remove" not in result.out


@pytest.mark.parametrize(("step", "name", "nth"), ERROR_POINTS, ids=ERROR_IDS)
def test_error_at_each_step(
    play: Any, monkeypatch: pytest.MonkeyPatch, step: int, name: str, nth: int
) -> None:
    fail_on(monkeypatch, name, nth, internal_error("Injected"))

    result = play(["--auto"])

    assert result.status == 1
    assert result.err.count("\n") == 1  # one line
    assert result.err.startswith("signup_user_with_mfa: Injected failed: InternalErrorException")
    assert stopped_at(result.out, step)
    assert any(what.startswith("user pool ") for what in removed(result.out))
    if step >= 5:  # the QR code image exists from the end of step 4
        assert any(what.startswith("the QR code image") for what in removed(result.out))


def test_sigterm_cleans_up_and_exits_143(play: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on(monkeypatch, "confirm_device", 1, scenario.Terminated())  # what SIGTERM raises

    result = play(["--auto"])

    assert result.status == 143
    assert result.err == "signup_user_with_mfa: terminated (SIGTERM)\n"
    assert stopped_at(result.out, 7)
    assert any(what.startswith("user pool ") for what in removed(result.out))


def test_unexpected_exception_is_one_line_after_cleanup(
    play: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on(monkeypatch, "list_users", 1, RuntimeError("boom"))

    result = play(["--auto"])

    assert result.status == 1
    assert result.err == "signup_user_with_mfa: unexpected RuntimeError: boom\n"
    assert "ok Removed user pool" in result.out


def test_a_failed_removal_is_reported_and_the_rest_still_removed(
    play: Any, monkeypatch: pytest.MonkeyPatch, cognito: Any
) -> None:
    fail_on(monkeypatch, "admin_delete_user", 1, internal_error("AdminDeleteUser"))

    result = play(["--auto"])

    assert result.status == 1
    assert "!! Couldn't remove user " in result.out
    assert "ok Removed user pool" in result.out  # the pool (and so the user) is gone anyway
    assert "couldn't be removed" in result.err


def test_ctrl_c_stops_the_backend_the_scenario_started(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    fail_on(monkeypatch, "list_users", 1, KeyboardInterrupt())
    out, err = io.StringIO(), io.StringIO()

    status = scenario.run(["--auto"], out=out, err=err)  # no server given: it starts its own

    assert status == 130
    url = re.search(r"Local Cognito backend at (http://\S+);", out.getvalue())
    assert url is not None
    assert "ok Removed the local backend (stopped) and its outbox folder" in out.getvalue()
    parsed = urlparse(url.group(1))
    assert parsed.hostname == "127.0.0.1"
    with pytest.raises(OSError), socket.create_connection((parsed.hostname, parsed.port), 1):
        pass
