# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Fixtures for the emulator's own tests: a model-level backend and a controllable clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from emulator_helpers import FakeClock
from moto.core.models import DEFAULT_ACCOUNT_ID

from cognito_emulator import EmulatorServer
from cognito_emulator.clock import Clock
from cognito_emulator.models import EmulatorBackend


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def backend(clock: FakeClock) -> EmulatorBackend:
    """A fresh backend, not served over HTTP, its outbox in memory only."""
    return EmulatorBackend("us-east-1", DEFAULT_ACCOUNT_ID, clock=clock)


@pytest.fixture
def http_clock(emulator: EmulatorServer) -> Iterator[Clock]:
    """The served emulator's clock for one test, back to real time afterwards."""
    yield emulator.clock
    emulator.clock.reset()
