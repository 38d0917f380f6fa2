# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""What cognito-emulator adds to moto's Cognito user-pool model: the composition.

:class:`EmulatorBackend` is moto's ``CognitoIdpBackend`` (its pools, clients and users) with
one mixin a concern. Every mixin subclasses :class:`~cognito_emulator.backend_base.BackendBase`
directly and only that, and no two mixins define the same name, so the order below changes
nothing and a mixin alone resolves every method it calls to the same code as composed:

==========================================  ===============================================
:class:`~cognito_emulator.auth.AuthMixin`    InitiateAuth / AdminInitiateAuth and
                                             (Admin)RespondToAuthChallenge; their steps are
                                             :mod:`~cognito_emulator.signin` and
                                             :mod:`~cognito_emulator.srp_auth`
:class:`~cognito_emulator.mfa.MfaMixin`      AssociateSoftwareToken, VerifySoftwareToken,
                                             MFA preferences
:class:`~cognito_emulator.devices.DevicesMixin`  ConfirmDevice and the device operations
:class:`~cognito_emulator.tokens.TokensMixin`    GetUser, DeleteUser, ChangePassword,
                                                 GetTokensFromRefreshToken, GlobalSignOut,
                                                 AdminUserGlobalSignOut, RevokeToken
:class:`~cognito_emulator.attributes.AttributesMixin`  the user's own attributes and their
                                                       verification codes
:class:`~cognito_emulator.codes.CodesMixin`      codes and temporary passwords to the outbox
:class:`~cognito_emulator.pools.PoolsMixin`      moto fix-ups for pools, clients and users
==========================================  ===============================================

What they share (the clock, the outbox, per-user state, sessions, the pools' keys, token issue
and checks, the password policy, SECRET_HASH) is on ``BackendBase``, and delivering codes is
:mod:`~cognito_emulator.delivery`; the state is plain
:mod:`~cognito_emulator.state` classes. Each :class:`~cognito_emulator.server.EmulatorServer`
owns its backends (:class:`~cognito_emulator.registry.BackendRegistry`): nothing here changes
moto's own backends, so plain moto keeps working in the same process.
"""

from __future__ import annotations

from cognito_emulator.attributes import AttributesMixin
from cognito_emulator.auth import AuthMixin
from cognito_emulator.codes import CodesMixin
from cognito_emulator.devices import DevicesMixin
from cognito_emulator.mfa import MfaMixin
from cognito_emulator.pools import PoolsMixin
from cognito_emulator.tokens import TokensMixin


class EmulatorBackend(
    AuthMixin,
    MfaMixin,
    DevicesMixin,
    TokensMixin,
    AttributesMixin,
    CodesMixin,
    PoolsMixin,
):
    """moto's Cognito backend with Cognito's checks; see the module docstring."""
