# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""How EmulatorBackend is composed: flat mixins on BackendBase, no hidden chain.

Every mixin subclasses BackendBase and only it; no two mixins define the same name; so every
method a mixin calls resolves alone exactly as in the composed backend. The steps shared by
the sign-in flows (signin.py, srp_auth.py) are functions of a BackendBase.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from types import ModuleType

import pytest
from moto.cognitoidp.models import CognitoIdpBackend
from moto.core.models import DEFAULT_ACCOUNT_ID

from cognito_emulator import signin, srp_auth
from cognito_emulator.backend_base import BackendBase
from cognito_emulator.codes import CodesMixin
from cognito_emulator.exceptions import InvalidPasswordException
from cognito_emulator.models import EmulatorBackend

MIXINS = EmulatorBackend.__bases__


def _own_names(cls: type) -> set[str]:
    return {name for name in vars(cls) if not name.startswith("__")}


def _attributes_used(source: str, name: str) -> set[str]:
    """Every ``<name>.X`` in ``source``."""
    tree = ast.parse(textwrap.dedent(source))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == name
    }


def _defined_by(cls: type, name: str) -> type | None:
    return next((k for k in cls.__mro__ if name in vars(k)), None)


def _instance_attributes() -> set[str]:
    return set(vars(EmulatorBackend("us-east-1", DEFAULT_ACCOUNT_ID)))


def test_every_mixin_builds_on_backend_base_alone() -> None:
    assert len(MIXINS) >= 6
    for mixin in MIXINS:
        assert mixin.__bases__ == (BackendBase,), mixin


def test_no_two_mixins_define_the_same_name() -> None:
    seen: dict[str, type] = {}
    for mixin in MIXINS:
        for name in _own_names(mixin):
            assert name not in seen, f"{name} is in {seen.get(name)} and {mixin}"
            seen[name] = mixin
    # and none replaces what BackendBase shares
    assert not set(seen) & _own_names(BackendBase)


@pytest.mark.parametrize("mixin", MIXINS, ids=lambda m: m.__name__)
def test_a_mixin_alone_resolves_what_it_calls_as_composed(mixin: type) -> None:
    alone = type(f"{mixin.__name__}Alone", (mixin,), {})
    instance_attributes = _instance_attributes()
    for name in _attributes_used(inspect.getsource(mixin), "self"):
        if name in instance_attributes:
            continue  # state, set by BackendBase.__init__
        composed = _defined_by(EmulatorBackend, name)
        assert composed is not None, f"{mixin.__name__} calls self.{name}, defined nowhere"
        assert _defined_by(alone, name) is composed, (
            f"{mixin.__name__} alone resolves self.{name} to {_defined_by(alone, name)}, "
            f"composed to {composed}: move it to BackendBase"
        )


@pytest.mark.parametrize("module", [signin, srp_auth], ids=lambda m: m.__name__)
def test_sign_in_steps_use_only_what_backend_base_shares(module: ModuleType) -> None:
    shared = set(dir(BackendBase)) | _instance_attributes()
    used = _attributes_used(inspect.getsource(module), "backend")
    assert used, "the steps take the backend as their first argument"
    assert used <= shared, sorted(used - shared)


def test_a_mixin_alone_checks_passwords_like_the_composed_backend() -> None:
    """The hidden chain this replaces: CodesMixin alone used moto's password check."""
    codes_only = type("CodesOnly", (CodesMixin,), {})("us-east-1", DEFAULT_ACCOUNT_ID)
    composed = EmulatorBackend("us-east-1", DEFAULT_ACCOUNT_ID)
    messages = []
    for backend in (codes_only, composed):
        pool = backend.create_user_pool("pool", {})
        with pytest.raises(InvalidPasswordException) as exc:
            backend.admin_create_user(pool.id, "ana", "SUPPRESS", "Short1!", [])
        messages.append(exc.value.message)
    assert messages == ["Password did not conform with policy: Password not long enough"] * 2


def test_the_emulator_replaces_none_of_motos_own_state() -> None:
    """An attribute moto's backend keeps keeps its type (moto's own code still uses it)."""
    moto = vars(CognitoIdpBackend("us-east-1", DEFAULT_ACCOUNT_ID))
    emulator = vars(EmulatorBackend("us-east-1", DEFAULT_ACCOUNT_ID))
    for name, value in moto.items():
        assert type(emulator[name]) is type(value), name
