"""Where the scenario runs: the embedded local backend, or the AWS account boto3 is set up for.

The local client gets dummy credentials, the region and the endpoint explicitly and reads no
AWS configuration file, so it works on a machine without ``~/.aws`` and never reaches a real
account even when a profile is configured.
"""

from __future__ import annotations

import functools
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import botocore.session
from botocore.config import Config

LOCAL_REGION = "us-east-1"


@dataclass
class Target:
    """The boto3 client and, on local, the backend's URL and outbox."""

    name: str  # "local" or "aws"
    client: Any
    outbox: Path | None = None
    url: str | None = None


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


def start_local_backend() -> Any:
    """Start the embedded backend on a free loopback port, in this process; return the server."""
    from cognito_emulator import EmulatorServer  # imported here: --target aws doesn't need it

    outbox = Path(tempfile.mkdtemp(prefix="cognito-outbox-"))
    return EmulatorServer(host="127.0.0.1", port=0, outbox=outbox).start()


def aws_client() -> Any:
    """A ``cognito-idp`` client for whatever account and region boto3 is configured for."""
    return boto3.client("cognito-idp")
