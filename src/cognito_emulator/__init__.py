# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""cognito-emulator: a local Amazon Cognito user-pool backend built on moto.

Public API (stable; the tests, the scenario and the CLI use only this):

    from cognito_emulator import EmulatorServer, read_outbox

    with EmulatorServer(port=0, outbox=path) as server:
        server.url        # "http://127.0.0.1:PORT"
        server.outbox     # pathlib.Path of the outbox folder
        server.messages(username="ana")  # what it sent to "ana", oldest first
        server.clock      # Clock: now(), advance(seconds), offset, reset()
        server.reset()    # forget every pool, user and message

The same over HTTP, for any language: ``/_emulator/messages``, ``/_emulator/reset``,
``/_emulator/clock`` (:mod:`cognito_emulator.control`).
"""

from cognito_emulator.clock import Clock
from cognito_emulator.outbox import OutboxMessage, latest_code, read_outbox
from cognito_emulator.server import EmulatorServer

__all__ = ["Clock", "EmulatorServer", "OutboxMessage", "latest_code", "read_outbox"]
