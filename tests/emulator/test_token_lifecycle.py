# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Tokens live as long as their sign-in and their user: bound to the user's ``sub``, revoked
with the user or the pool, and forgotten (memory) once revoked or expired."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError
from cognito_users import admin_sign_in
from emulator_helpers import FakeClock, http_pool, http_user, make_pool, make_user, sign_in
from moto.cognitoidp.models import CognitoIdpBackend

from cognito_emulator.exceptions import NotAuthorizedException
from cognito_emulator.models import EmulatorBackend

DEVICES = {"ChallengeRequiredOnNewDevice": False, "DeviceOnlyRememberedOnUserPrompt": False}


def _error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = exc.value.response["Error"]
    return str(error["Code"]), str(error["Message"])


def _sign_in(cognito: Any, pool: str, client: str, user: str) -> dict[str, str]:
    result: dict[str, str] = admin_sign_in(cognito, pool, client, user)["AuthenticationResult"]
    return result


def _delete_with_admin(cognito: Any, pool: str, user: str, tokens: dict[str, str]) -> None:
    cognito.admin_delete_user(UserPoolId=pool, Username=user)


def _delete_with_own_token(cognito: Any, pool: str, user: str, tokens: dict[str, str]) -> None:
    cognito.delete_user(AccessToken=tokens["AccessToken"])


@pytest.mark.parametrize("delete", [_delete_with_admin, _delete_with_own_token])
def test_a_deleted_users_tokens_never_work_for_a_new_user_of_the_name(
    cognito: Any, unique_name: str, delete: Callable[..., None]
) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    user = http_user(cognito, pool)
    tokens = _sign_in(cognito, pool, client, user)
    delete(cognito, pool, user, tokens)
    http_user(cognito, pool, user)  # a new user with the old one's name
    assert "AccessToken" in _sign_in(cognito, pool, client, user)

    for call in (
        lambda: cognito.get_user(AccessToken=tokens["AccessToken"]),
        lambda: cognito.associate_software_token(AccessToken=tokens["AccessToken"]),
    ):
        with pytest.raises(ClientError) as exc:
            call()
        assert _error(exc) == ("NotAuthorizedException", "Access Token has been revoked")
    for refresh in (
        lambda: cognito.initiate_auth(
            ClientId=client,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]},
        ),
        lambda: cognito.get_tokens_from_refresh_token(
            RefreshToken=tokens["RefreshToken"], ClientId=client
        ),
    ):
        with pytest.raises(ClientError) as exc:
            refresh()
        assert _error(exc) == ("NotAuthorizedException", "Refresh Token has been revoked")


def test_deleting_the_pool_revokes_its_tokens(cognito: Any, unique_name: str) -> None:
    pool, client, _ = http_pool(cognito, unique_name)
    tokens = _sign_in(cognito, pool, client, http_user(cognito, pool))
    cognito.delete_user_pool(UserPoolId=pool)

    with pytest.raises(ClientError) as exc:
        cognito.get_user(AccessToken=tokens["AccessToken"])
    assert _error(exc)[0] == "NotAuthorizedException"
    with pytest.raises(ClientError) as exc:
        cognito.get_tokens_from_refresh_token(RefreshToken=tokens["RefreshToken"], ClientId=client)
    assert _error(exc)[0] == "ResourceNotFoundException"  # the client went with the pool


def test_deleting_a_user_or_pool_forgets_its_sign_ins(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend, devices=DEVICES)
    make_user(backend, pool)
    make_user(backend, pool, "bob")
    sign_in(backend, pool, client)["AuthenticationResult"]
    sign_in(backend, pool, client, "bob")
    bob = backend.admin_get_user(pool, "bob")

    backend.admin_delete_user(pool, "ana")

    assert [s.username for s in backend.sign_ins.of_pool(pool)] == ["bob"]
    backend.delete_user_pool(pool)
    assert len(backend.sign_ins) == 0
    assert bob.id not in backend.user_states and pool not in backend.pool_keys


def test_a_disabled_users_access_token_is_refused(backend: EmulatorBackend) -> None:
    pool, client = make_pool(backend)
    make_user(backend, pool)
    tokens = sign_in(backend, pool, client)["AuthenticationResult"]
    backend.admin_disable_user(pool, "ana")

    with pytest.raises(NotAuthorizedException, match="User is disabled"):
        backend.get_user(tokens["AccessToken"])


def test_tokens_are_bound_to_the_users_sub(backend: EmulatorBackend) -> None:
    """Even were a user removed without revoking (moto's own deletion), a new user of the same
    name is not the one the tokens were issued to."""
    pool, client = make_pool(backend)
    make_user(backend, pool)
    tokens = sign_in(backend, pool, client)["AuthenticationResult"]
    CognitoIdpBackend.admin_delete_user(backend, pool, "ana")  # no revocation
    make_user(backend, pool)

    with pytest.raises(NotAuthorizedException, match="Access Token has been revoked"):
        backend.get_user(tokens["AccessToken"])
    with pytest.raises(NotAuthorizedException, match="Refresh Token has been revoked"):
        backend.get_tokens_from_refresh_token(tokens["RefreshToken"], client)


def test_revoked_and_expired_sign_ins_are_forgotten(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client = make_pool(backend, devices=DEVICES)
    make_user(backend, pool)
    user = backend.admin_get_user(pool, "ana")
    devices = backend.state_of(user).devices

    signed_out = sign_in(backend, pool, client)["AuthenticationResult"]
    revoked = sign_in(backend, pool, client)["AuthenticationResult"]
    kept = sign_in(backend, pool, client)["AuthenticationResult"]
    assert len(backend.sign_ins) == 3 and len(devices) == 3
    backend.global_sign_out(signed_out["AccessToken"])
    assert len(backend.sign_ins) == 0 and devices == {}  # new devices never confirmed go too

    kept = sign_in(backend, pool, client)["AuthenticationResult"]
    revoked = sign_in(backend, pool, client)["AuthenticationResult"]
    backend.revoke_token(revoked["RefreshToken"], client, None)
    assert len(backend.sign_ins) == 1 and set(devices) == {kept["NewDeviceMetadata"]["DeviceKey"]}

    clock.advance(30 * 86400 + 1)  # the refresh token and every token issued have expired
    backend.purge_sign_ins()
    assert len(backend.sign_ins) == 0 and devices == {}


def test_used_and_expired_sessions_are_forgotten(
    backend: EmulatorBackend, clock: FakeClock
) -> None:
    pool, client = make_pool(backend, mfa="ON")
    make_user(backend, pool)
    abandoned = sign_in(backend, pool, client)["Session"]
    used = backend.associate_software_token(None, abandoned)["Session"]
    assert abandoned not in backend.auth_sessions  # AssociateSoftwareToken used it up
    clock.advance(181)

    sign_in(backend, pool, client)

    assert used not in backend.auth_sessions  # expired, dropped by the next new session


def test_sign_ins_leave_no_memory_behind(backend: EmulatorBackend) -> None:
    """Each sign-in signed out again: memory stays flat (before, ~3 KB stayed per sign-in;
    ~15 KB grow over the 1000 here, ~200 KB if the expiry heap kept the dropped records)."""
    pool, client = make_pool(backend, devices=DEVICES)
    make_user(backend, pool)

    def cycle(count: int) -> None:
        for number in range(count):
            tokens = sign_in(backend, pool, client)["AuthenticationResult"]
            if number % 2:
                backend.global_sign_out(tokens["AccessToken"])
            else:
                backend.revoke_token(tokens["RefreshToken"], client, None)

    cycle(100)  # warm-up: caches, the pool's keys
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        cycle(1000)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 100_000, f"{grown} bytes kept after 1000 sign-ins signed out"
