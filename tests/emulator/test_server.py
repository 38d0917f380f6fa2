# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The console script and the HTTP surface: start-up, shutdown, errors as Cognito shapes them."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import requests
from emulator_helpers import cli_command, cli_env, running_cli

from cognito_emulator import EmulatorServer

TARGET = "AWSCognitoIdentityProviderService."


def test_cli_answers_and_stops_on_sigterm(tmp_path: Path) -> None:
    with running_cli("--port", "0", "--outbox", str(tmp_path / "box")) as cli:
        assert cli.url.startswith("http://127.0.0.1:")
        answer = requests.post(
            cli.url,
            headers={
                "X-Amz-Target": TARGET + "ListUserPools",
                "Content-Type": "application/x-amz-json-1.1",
            },
            data=json.dumps({"MaxResults": 10}),
            timeout=5,
        )
        # Start-up time is measured by benchmarks/bench_emulator.py, not asserted here.
        assert answer.status_code == 200 and answer.json() == {"UserPools": []}
        assert cli.stop() == 0


def test_cli_reports_a_port_in_use_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            cli_command("--port", str(port), "--outbox", str(tmp_path)),
            capture_output=True,
            text=True,
            timeout=30,
            env=cli_env(),
        )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def _post(url: str, target: str, body: str) -> requests.Response:
    return requests.post(
        url,
        headers={"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"},
        data=body,
        timeout=5,
    )


def test_malformed_requests_get_cognito_errors(emulator: EmulatorServer) -> None:
    not_json = _post(emulator.url, TARGET + "SignUp", "{not json")
    assert not_json.status_code == 400
    assert not_json.json()["__type"] == "SerializationException"
    unknown = _post(emulator.url, TARGET + "MakeCoffee", "{}")
    assert unknown.status_code == 400
    assert unknown.json()["__type"] == "UnknownOperationException"
    missing = _post(emulator.url, TARGET + "InitiateAuth", "{}")
    assert missing.status_code == 400
    assert missing.json()["__type"] == "InvalidParameterException"
    bad_token = _post(emulator.url, TARGET + "GetUser", json.dumps({"AccessToken": "x.y.z"}))
    assert bad_token.status_code == 400
    assert bad_token.json() == {
        "__type": "NotAuthorizedException",
        "message": "Invalid Access Token",
    }


def test_health_and_unknown_paths(emulator: EmulatorServer) -> None:
    assert requests.get(emulator.url, timeout=5).json()["status"] == "ok"
    assert requests.get(f"{emulator.url}/nowhere", timeout=5).status_code == 404


def test_reset_forgets_pools_and_messages(tmp_path: Path) -> None:
    import boto3

    with EmulatorServer(outbox=tmp_path) as server:
        client = boto3.client("cognito-idp", endpoint_url=server.url, region_name="eu-west-3")
        pool = client.create_user_pool(PoolName="p", AutoVerifiedAttributes=["email"])
        app = client.create_user_pool_client(UserPoolId=pool["UserPool"]["Id"], ClientName="a")
        client.sign_up(
            ClientId=app["UserPoolClient"]["ClientId"],
            Username="u",
            Password="Correct-Horse-9!",
            UserAttributes=[{"Name": "email", "Value": "u@example.com"}],
        )
        assert list(tmp_path.glob("*.json"))
        server.reset()
        assert client.list_user_pools(MaxResults=10)["UserPools"] == []
        assert not list(tmp_path.glob("*.json"))
