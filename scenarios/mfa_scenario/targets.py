# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Where the scenario runs: a local cognito-emulator, or the AWS account boto3 is set up for.

The local client gets dummy credentials, the region and the endpoint explicitly and reads no
AWS configuration file, so it works on a machine without ``~/.aws`` and never reaches a real
account even when a profile is configured. What the emulator "e-mails" is read over its HTTP
control seam (``GET /_emulator/messages``), the same way every language's port reads it.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import boto3
import botocore.session
from botocore.config import Config

LOCAL_REGION = "us-east-1"


@functools.lru_cache(maxsize=8)
def local_client(url: str) -> Any:
    """A ``cognito-idp`` client for the emulator at ``url`` that ignores the AWS configuration."""
    # No environment variable may name the profile (AWS_PROFILE): none is read at all.
    core = botocore.session.Session(session_vars={"profile": (None, None, None, None)})
    core.set_config_variable("config_file", os.devnull)
    core.set_config_variable("credentials_file", os.devnull)
    session = boto3.session.Session(
        botocore_session=core,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 - a dummy for the local backend
        region_name=LOCAL_REGION,
    )
    return session.client(
        "cognito-idp",
        endpoint_url=url,
        config=Config(proxies={}, retries={"max_attempts": 1}, connect_timeout=5),
    )


def is_http_url(url: str) -> bool:
    """``http(s)://host[:port]``, the shape of an emulator's address."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class ControlSeam:
    """The local emulator's control seam: the messages it 'sent' (a confirmation code)."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        # Straight to the emulator, never through an HTTP proxy of the environment.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def latest_code(self, username: str, user_pool_id: str) -> str | None:
        """The newest code the emulator delivered to ``username`` of the pool, or None.

        :raises OSError: the emulator doesn't answer.
        """
        query = urlencode({"username": username, "user_pool_id": user_pool_id})
        with self._opener.open(f"{self.url}/_emulator/messages?{query}", timeout=10) as answer:
            messages = json.load(answer)["messages"]
        return str(messages[-1]["code"]) if messages else None


def start_local_backend() -> Any:
    """Start the embedded backend on a free loopback port, in this process; return the server."""
    from cognito_emulator import EmulatorServer  # imported here: --target aws doesn't need it

    outbox = Path(tempfile.mkdtemp(prefix="cognito-outbox-"))
    return EmulatorServer(host="127.0.0.1", port=0, outbox=outbox).start()


def aws_client() -> Any:
    """A ``cognito-idp`` client for whatever account and region boto3 is configured for."""
    return boto3.client("cognito-idp")
