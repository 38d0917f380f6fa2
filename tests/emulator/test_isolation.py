# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Each EmulatorServer owns its state; plain moto keeps working beside it, in one process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import joserfc.jwk
import moto.cognitoidp.models as moto_models
import pytest
from botocore.exceptions import ClientError
from emulator_helpers import PASSWORD, http_pool, http_sign_up, http_user
from moto import mock_aws

from cognito_emulator import EmulatorServer


def _client(server: EmulatorServer, region: str = "us-east-1") -> Any:
    return boto3.client("cognito-idp", endpoint_url=server.url, region_name=region)


def _pool_names(client: Any) -> list[str]:
    return sorted(p["Name"] for p in client.list_user_pools(MaxResults=60)["UserPools"])


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[EmulatorServer, EmulatorServer]]:
    with (
        EmulatorServer(outbox=tmp_path / "a") as first,
        EmulatorServer(outbox=tmp_path / "b") as second,
    ):
        yield first, second


def test_two_servers_share_no_pools_messages_or_clock(
    two_servers: tuple[EmulatorServer, EmulatorServer],
) -> None:
    first, second = two_servers
    a, b = _client(first), _client(second)
    pool_a, client_a, _ = http_pool(a, "pool-a")
    http_pool(b, "pool-b")
    http_sign_up(a, client_a, "ana")

    assert _pool_names(a) == ["pool-a"] and _pool_names(b) == ["pool-b"]
    with pytest.raises(ClientError) as exc:
        b.describe_user_pool(UserPoolId=pool_a)
    assert exc.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert [m["username"] for m in first.messages()] == ["ana"]
    assert second.messages() == [] and not list(second.outbox.glob("*.json"))
    assert len(list(first.outbox.glob("*.json"))) == 1

    first.clock.advance(3600)
    assert first.clock.offset == 3600 and second.clock.offset == 0


def test_resetting_one_server_leaves_the_other_alone(
    two_servers: tuple[EmulatorServer, EmulatorServer],
) -> None:
    first, second = two_servers
    a, b = _client(first), _client(second)
    _, client_a, _ = http_pool(a, "pool-a")
    _, client_b, _ = http_pool(b, "pool-b")
    http_sign_up(a, client_a, "ana")
    http_sign_up(b, client_b, "bo")
    second.clock.advance(60)

    first.reset()

    assert _pool_names(a) == [] and first.messages() == []
    assert _pool_names(b) == ["pool-b"]
    assert [m["username"] for m in second.messages()] == ["bo"]
    assert len(list(second.outbox.glob("*.json"))) == 1
    assert second.clock.offset == 60


def test_tokens_of_one_server_mean_nothing_to_the_other(
    two_servers: tuple[EmulatorServer, EmulatorServer],
) -> None:
    first, second = two_servers
    a, b = _client(first), _client(second)
    pool, client_id, _ = http_pool(a, "pool-a")
    http_user(a, pool, "ana")
    tokens = a.admin_initiate_auth(
        UserPoolId=pool,
        ClientId=client_id,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "ana", "PASSWORD": PASSWORD},
    )["AuthenticationResult"]
    assert a.get_user(AccessToken=tokens["AccessToken"])["Username"] == "ana"
    with pytest.raises(ClientError) as exc:
        b.get_user(AccessToken=tokens["AccessToken"])
    assert exc.value.response["Error"]["Code"] == "NotAuthorizedException"


def test_plain_moto_keeps_working_before_during_and_after_an_emulator() -> None:
    with mock_aws():
        plain = boto3.client("cognito-idp", region_name="us-east-1")
        before = plain.create_user_pool(PoolName="plain-before")["UserPool"]["Id"]
        with EmulatorServer() as server:
            emulated = _client(server)
            _, client_id, _ = http_pool(emulated, "emulated")
            http_sign_up(emulated, client_id, "ana")

            # each side sees only its own pools
            assert _pool_names(plain) == ["plain-before"]
            assert _pool_names(emulated) == ["emulated"]
            # moto's behaviour stays moto's: any confirmation code confirms a sign-up...
            app = plain.create_user_pool_client(UserPoolId=before, ClientName="c")
            app_id = app["UserPoolClient"]["ClientId"]
            plain.sign_up(ClientId=app_id, Username="bo", Password=PASSWORD)
            plain.confirm_sign_up(ClientId=app_id, Username="bo", ConfirmationCode="000000")
            assert plain.admin_get_user(UserPoolId=before, Username="bo")["UserStatus"] == (
                "CONFIRMED"
            )
            # ...where the emulator checks the code it delivered
            with pytest.raises(ClientError) as exc:
                emulated.confirm_sign_up(
                    ClientId=client_id, Username="ana", ConfirmationCode="000000"
                )
            assert exc.value.response["Error"]["Code"] == "CodeMismatchException"
            during = plain.create_user_pool(PoolName="plain-during")["UserPool"]["Id"]

        backend = moto_models.cognitoidp_backends["123456789012"]["us-east-1"]
        assert type(backend) is moto_models.CognitoIdpBackend
        assert _pool_names(plain) == ["plain-before", "plain-during"]
        assert plain.describe_user_pool(UserPoolId=during)["UserPool"]["Name"] == "plain-during"
        assert plain.admin_get_user(UserPoolId=before, Username="bo")["Username"] == "bo"
        # moto's pools still carry moto's own signing key, imported by moto
        assert moto_models.jwk is joserfc.jwk
        assert backend.user_pools[during].json_web_key is not None


def test_plain_moto_after_an_emulator_ran_in_the_process(tmp_path: Path) -> None:
    with EmulatorServer(outbox=tmp_path) as server:
        http_pool(_client(server), "emulated")
    with mock_aws():
        plain = boto3.client("cognito-idp", region_name="us-east-1")
        pool = plain.create_user_pool(PoolName="plain")["UserPool"]["Id"]
        assert plain.describe_user_pool(UserPoolId=pool)["UserPool"]["Name"] == "plain"
        assert _pool_names(plain) == ["plain"]


@pytest.mark.parametrize("region", ["local", "xx-invalid-1", "eu-west-3"])
def test_any_region_name_gets_its_own_backend(emulator: EmulatorServer, region: str) -> None:
    regional = _client(emulator, region)
    pool = regional.create_user_pool(PoolName=f"in-{region}")["UserPool"]
    assert pool["Id"].startswith(f"{region}_")
    assert f"in-{region}" in _pool_names(regional)
    assert f"in-{region}" not in _pool_names(_client(emulator, "us-west-2"))
    # the pool is found by id whatever region the request is signed for, as before
    described = _client(emulator, "us-east-1").describe_user_pool(UserPoolId=pool["Id"])
    assert described["UserPool"]["Name"] == f"in-{region}"
    regional.delete_user_pool(UserPoolId=pool["Id"])
