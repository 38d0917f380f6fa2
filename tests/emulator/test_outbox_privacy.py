# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The outbox holds codes and temporary passwords: private folder and files; the temporary
outbox a server made is removed when it stops, a folder the user named is kept."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from emulator_helpers import http_pool, http_sign_up, running_cli

from cognito_emulator import EmulatorServer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that makes everything world-readable by default: privacy must not rely on it."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _deliver_a_code(server: EmulatorServer) -> None:
    client = boto3.client("cognito-idp", endpoint_url=server.url, region_name="us-east-1")
    _, client_id, _ = http_pool(client, "privacy")
    http_sign_up(client, client_id, "ana")


def test_a_named_outbox_is_created_private_and_kept(tmp_path: Path, open_umask: None) -> None:
    folder = tmp_path / "new" / "outbox"
    with EmulatorServer(outbox=folder) as server:
        _deliver_a_code(server)
        assert _mode(folder) == 0o700
        (message,) = folder.glob("*.json")
        assert _mode(message) == 0o600
    assert folder.is_dir() and list(folder.glob("*.json")) == [message]


def test_a_message_file_is_private_in_an_existing_folder(tmp_path: Path, open_umask: None) -> None:
    with EmulatorServer(outbox=tmp_path) as server:
        _deliver_a_code(server)
    (message,) = tmp_path.glob("*.json")
    assert _mode(message) == 0o600


def test_the_temporary_outbox_is_private_and_removed_at_stop(open_umask: None) -> None:
    server = EmulatorServer().start()
    try:
        _deliver_a_code(server)
        folder = server.outbox
        assert _mode(folder) == 0o700
        assert [_mode(m) for m in folder.glob("*.json")] == [0o600]
    finally:
        server.stop()
    assert not folder.exists()
    assert [m["username"] for m in server.messages()] == ["ana"]  # still readable in memory


def test_a_server_never_started_leaves_no_folder() -> None:
    server = EmulatorServer()
    assert server.outbox.is_dir()
    server.stop()
    assert not server.outbox.exists()


@pytest.mark.parametrize("named", [False, True], ids=["temporary", "named"])
def test_the_cli_removes_only_its_own_temporary_outbox(tmp_path: Path, named: bool) -> None:
    with running_cli("--port", "0", *(["--outbox", str(tmp_path / "box")] if named else [])) as cli:
        folder = cli.outbox
        assert folder.is_dir() and _mode(folder) == 0o700
        assert cli.stop() == 0
    assert folder.exists() == named
