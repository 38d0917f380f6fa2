# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Request handling: thin parsing on top of moto's ``CognitoIdpResponse``.

Operations the emulator changes or adds are methods here that read the JSON body and call
:class:`~cognito_emulator.models.EmulatorBackend`; every other operation is moto's own
handler, running against the same backend. Before any handler runs, the body is checked:
it must be a JSON object, name a known operation and match the operation's input shape
(``validation.validate_request``), and an ``AccessToken`` in it must be valid. Every error
leaves as Cognito shapes it: HTTP 400 with ``{"__type", "message"}``.
"""

from __future__ import annotations

import json
import logging
import math
import re
from typing import Any

from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.common_types import TYPE_RESPONSE
from moto.core.responses import ActionResult, EmptyResult

from cognito_emulator.backend_base import pool_id_of_token
from cognito_emulator.exceptions import (
    InternalErrorException,
    InvalidParameterException,
    InvalidSignatureException,
    SerializationException,
    UnknownOperationException,
    UnsupportedOperationException,
)
from cognito_emulator.models import EmulatorBackend
from cognito_emulator.registry import BackendRegistry
from cognito_emulator.validation import operation_names, validate_request

logger = logging.getLogger("cognito_emulator")

TARGET_PREFIX = "AWSCognitoIdentityProviderService."
_CREDENTIAL_SCOPE = re.compile(r"Credential=[^/,\s]*/[^/,\s]*/(?P<region>[^/,]*)/")
_REGION_NAME = re.compile(r"[A-Za-z0-9-]{1,45}")
"""A region name a pool id (``<region>_<9 characters>``, at most 55) can start with."""
_JSON_HEADERS = {"Content-Type": "application/x-amz-json-1.1"}


def error_response(error: Any) -> TYPE_RESPONSE:
    """Render a moto-style ``JsonRESTError`` as (status, headers, body)."""
    headers = dict(_JSON_HEADERS)
    headers["x-amzn-ErrorType"] = error.error_type
    return int(error.code), headers, error.description


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError("number out of range")
    return value


def parse_body(body: str | bytes | None) -> dict[str, Any]:
    """The JSON object of a request body; SerializationException for anything else."""
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            raise SerializationException("The request body is not UTF-8 encoded JSON.") from None
    try:
        parsed = json.loads(
            body or "{}", parse_constant=_reject_constant, parse_float=_finite_float
        )
    except (ValueError, TypeError, RecursionError):
        raise SerializationException("The request body is not valid JSON.") from None
    if not isinstance(parsed, dict):
        kind = "list" if isinstance(parsed, list) else "value"
        raise SerializationException(f"Start of {kind} found where not expected")
    return parsed


def _user_document(user: Any) -> dict[str, Any]:
    """GetUser / AdminGetUser: moto's document without ``MFAOptions``, ``PreferredMfaSetting``
    and ``UserMFASettingList`` when they are empty (Cognito leaves them out; moto sends
    ``[]`` and ``""``)."""
    document: dict[str, Any] = user.to_json(extended=True, attributes_key="UserAttributes")
    for name in ("MFAOptions", "PreferredMfaSetting", "UserMFASettingList"):
        if not document.get(name):
            document.pop(name, None)
    return document


class EmulatorResponse(CognitoIdpResponse):
    """moto's Cognito response class, with the emulator's operations and checks.

    One instance answers one request, against the backends of one emulator (``registry``).
    """

    _json: dict[str, Any]
    _routed: EmulatorBackend | None = None

    def __init__(self, registry: BackendRegistry) -> None:
        super().__init__()
        self.registry = registry

    # ------------------------------------------------------------------ plumbing
    def call_action(self) -> TYPE_RESPONSE:
        try:
            return self._call_action()
        except InvalidParameterException as exc:
            return error_response(exc)
        except Exception as exc:
            if hasattr(exc, "error_type") and hasattr(exc, "description"):
                return error_response(exc)
            logger.exception("cognito-emulator: internal error")
            return error_response(InternalErrorException())

    def _call_action(self) -> TYPE_RESPONSE:
        target = self.headers.get("X-Amz-Target") or ""
        operation = target[len(TARGET_PREFIX) :] if target.startswith(TARGET_PREFIX) else ""
        if operation not in operation_names():
            return error_response(UnknownOperationException(f"Unknown operation {target!r}"))
        body = parse_body(self.body)
        self._json = body
        validate_request(operation, body)
        access_token = body.get("AccessToken")
        if isinstance(access_token, str) and operation != "RevokeToken":
            self.backend.resolve_access_token(access_token)
        try:
            status, headers, answer = super().call_action()
        except NotImplementedError:
            return error_response(
                UnsupportedOperationException(f"cognito-emulator does not emulate {operation}.")
            )
        if int(status) >= 400 and '"InvalidToken"' in str(answer):
            # moto's paginator answers a junk NextToken with its own error type
            return error_response(InvalidParameterException("Invalid pagination token."))
        return status, headers, answer

    def p(self, name: str, default: Any = None) -> Any:
        """A top-level parameter of the JSON body."""
        value = self._json.get(name, default)
        return default if value is None else value

    @property
    def backend(self) -> EmulatorBackend:
        if self._routed is None:
            self._routed = self._route()
        return self._routed

    def _route(self) -> EmulatorBackend:
        """The region's backend that holds what the request names (pool, client, token...).

        Unsigned operations (SignUp, InitiateAuth...) carry no region, so like moto's
        RegionAgnosticBackend the emulator looks for the backend that knows the request's
        user pool, app client, access token or session; otherwise the signed region's.
        """
        account = self.current_account
        signed = self.registry.get(account, self.region)  # any region name: made on demand
        backends = self.registry.of_account(account)
        body = getattr(self, "_json", {})
        pool_id = body.get("UserPoolId")
        client_id = body.get("ClientId")
        token = body.get("AccessToken")
        session = body.get("Session")
        for backend in backends:
            if isinstance(pool_id, str) and pool_id in backend.user_pools:
                return backend
            if isinstance(client_id, str) and any(
                client_id in pool.clients for pool in backend.user_pools.values()
            ):
                return backend
            if isinstance(token, str) and pool_id_of_token(token) in backend.user_pools:
                return backend
            if isinstance(session, str) and session in backend.auth_sessions:
                return backend
        return signed

    def get_region_from_url(self, request: Any, full_url: str) -> str:
        """The region a request is for: its SigV4 credential scope's, else moto's guess (the
        host name, the user agent) or the default. Any name of letters, digits and hyphens
        works (``local``, ``xx-invalid-1``); an Authorization header with no credential scope
        counts as unsigned (moto failed with an IndexError, a 500)."""
        authorization = str(request.headers.get("Authorization") or "")
        scope = _CREDENTIAL_SCOPE.search(authorization)
        if scope is not None:
            region = scope.group("region")
        elif "AWS4" in authorization:
            region = self.default_region
        else:
            region = super().get_region_from_url(request, full_url)
        if not _REGION_NAME.fullmatch(region):
            raise InvalidSignatureException(
                f"Credential should be scoped to a valid region, not '{region[:64]}'."
            )
        return region

    def _get_region_agnostic_backend(self) -> Any:
        return self.backend

    # ------------------------------------------------------------------ codes
    def sign_up(self) -> ActionResult:
        user, details = self.backend.sign_up(
            self.p("ClientId"),
            self.p("Username"),
            self.p("Password"),
            self.p("UserAttributes", []),
            secret_hash=self.p("SecretHash"),
        )
        response: dict[str, Any] = {
            "UserConfirmed": user.status == "CONFIRMED",
            "UserSub": user.id,
        }
        if details:
            response["CodeDeliveryDetails"] = details
        return ActionResult(response)

    def confirm_sign_up(self) -> ActionResult:
        self.backend.confirm_sign_up(
            self.p("ClientId"),
            self.p("Username"),
            self.p("ConfirmationCode"),
            secret_hash=self.p("SecretHash"),
        )
        return EmptyResult()

    def resend_confirmation_code(self) -> ActionResult:
        details = self.backend.resend_confirmation_code(
            self.p("ClientId"), self.p("Username"), secret_hash=self.p("SecretHash")
        )
        return ActionResult({"CodeDeliveryDetails": details})

    def forgot_password(self) -> ActionResult:
        _, response = self.backend.forgot_password(
            self.p("ClientId"), self.p("Username"), secret_hash=self.p("SecretHash")
        )
        return ActionResult(response)

    def confirm_forgot_password(self) -> ActionResult:
        self.backend.confirm_forgot_password(
            self.p("ClientId"),
            self.p("Username"),
            self.p("Password"),
            self.p("ConfirmationCode"),
            secret_hash=self.p("SecretHash"),
        )
        return EmptyResult()

    def change_password(self) -> ActionResult:
        self.backend.change_password(
            self.p("AccessToken"), self.p("PreviousPassword"), self.p("ProposedPassword")
        )
        return EmptyResult()

    # ------------------------------------------------------------------ sign-in
    def initiate_auth(self) -> ActionResult:
        return ActionResult(
            self.backend.initiate_auth(
                self.p("ClientId"), self.p("AuthFlow"), self.p("AuthParameters", {})
            )
        )

    def admin_initiate_auth(self) -> ActionResult:
        return ActionResult(
            self.backend.admin_initiate_auth(
                self.p("UserPoolId"),
                self.p("ClientId"),
                self.p("AuthFlow"),
                self.p("AuthParameters", {}),
            )
        )

    def respond_to_auth_challenge(self) -> ActionResult:
        return ActionResult(
            self.backend.respond_to_auth_challenge(
                self.p("Session"),
                self.p("ClientId"),
                self.p("ChallengeName"),
                self.p("ChallengeResponses", {}),
            )
        )

    def admin_respond_to_auth_challenge(self) -> ActionResult:
        return ActionResult(
            self.backend.admin_respond_to_auth_challenge(
                self.p("Session"),
                self.p("ClientId"),
                self.p("ChallengeName"),
                self.p("ChallengeResponses", {}),
                user_pool_id=self.p("UserPoolId"),
            )
        )

    def associate_software_token(self) -> ActionResult:
        return ActionResult(
            self.backend.associate_software_token(self.p("AccessToken"), self.p("Session"))
        )

    def verify_software_token(self) -> ActionResult:
        return ActionResult(
            self.backend.verify_software_token(
                self.p("AccessToken"),
                self.p("Session"),
                self.p("UserCode"),
                self.p("FriendlyDeviceName"),
            )
        )

    def set_user_mfa_preference(self) -> ActionResult:
        self.backend.set_user_mfa_preference(
            self.p("AccessToken"),
            self.p("SoftwareTokenMfaSettings"),
            self.p("SMSMfaSettings"),
        )
        return EmptyResult()

    # ------------------------------------------------------------------ tokens
    def get_user(self) -> ActionResult:
        return ActionResult(_user_document(self.backend.get_user(self.p("AccessToken"))))

    def admin_get_user(self) -> ActionResult:
        user = self.backend.admin_get_user(self.p("UserPoolId"), self.p("Username"))
        return ActionResult(_user_document(user))

    def delete_user(self) -> ActionResult:
        self.backend.delete_user(self.p("AccessToken"))
        return EmptyResult()

    def global_sign_out(self) -> ActionResult:
        self.backend.global_sign_out(self.p("AccessToken"))
        return EmptyResult()

    def revoke_token(self) -> ActionResult:
        self.backend.revoke_token(self.p("Token"), self.p("ClientId"), self.p("ClientSecret"))
        return EmptyResult()

    def get_tokens_from_refresh_token(self) -> ActionResult:
        return ActionResult(
            self.backend.get_tokens_from_refresh_token(
                self.p("RefreshToken"),
                self.p("ClientId"),
                self.p("ClientSecret"),
                self.p("DeviceKey"),
            )
        )

    # ------------------------------------------------------------------ attributes
    def update_user_attributes(self) -> ActionResult:
        sent = self.backend.update_user_attributes(
            self.p("AccessToken"), self.p("UserAttributes", [])
        )
        return ActionResult({"CodeDeliveryDetailsList": sent} if sent else {})

    def delete_user_attributes(self) -> ActionResult:
        self.backend.delete_user_attributes(self.p("AccessToken"), self.p("UserAttributeNames", []))
        return EmptyResult()

    def get_user_attribute_verification_code(self) -> ActionResult:
        details = self.backend.get_user_attribute_verification_code(
            self.p("AccessToken"), self.p("AttributeName")
        )
        return ActionResult({"CodeDeliveryDetails": details})

    def verify_user_attribute(self) -> ActionResult:
        self.backend.verify_user_attribute(
            self.p("AccessToken"), self.p("AttributeName"), self.p("Code")
        )
        return EmptyResult()

    # ------------------------------------------------------------------ devices
    def confirm_device(self) -> ActionResult:
        necessary = self.backend.confirm_device(
            self.p("AccessToken"),
            self.p("DeviceKey"),
            self.p("DeviceSecretVerifierConfig"),
            self.p("DeviceName"),
        )
        return ActionResult({"UserConfirmationNecessary": necessary})

    def list_devices(self) -> ActionResult:
        devices, token = self.backend.list_devices(
            self.p("AccessToken"), self.p("Limit"), self.p("PaginationToken")
        )
        response: dict[str, Any] = {"Devices": devices}
        if token:
            response["PaginationToken"] = token
        return ActionResult(response)

    def admin_list_devices(self) -> ActionResult:
        devices, token = self.backend.admin_list_devices(
            self.p("UserPoolId"), self.p("Username"), self.p("Limit"), self.p("PaginationToken")
        )
        response: dict[str, Any] = {"Devices": devices}
        if token:
            response["PaginationToken"] = token
        return ActionResult(response)

    def get_device(self) -> ActionResult:
        return ActionResult(
            {"Device": self.backend.get_device(self.p("AccessToken"), self.p("DeviceKey"))}
        )

    def admin_get_device(self) -> ActionResult:
        device = self.backend.admin_get_device(
            self.p("UserPoolId"), self.p("Username"), self.p("DeviceKey")
        )
        return ActionResult({"Device": device})

    def forget_device(self) -> ActionResult:
        self.backend.forget_device(self.p("AccessToken"), self.p("DeviceKey"))
        return EmptyResult()

    def admin_forget_device(self) -> ActionResult:
        self.backend.admin_forget_device(
            self.p("UserPoolId"), self.p("Username"), self.p("DeviceKey")
        )
        return EmptyResult()

    def update_device_status(self) -> ActionResult:
        self.backend.update_device_status(
            self.p("AccessToken"), self.p("DeviceKey"), self.p("DeviceRememberedStatus")
        )
        return EmptyResult()

    def admin_update_device_status(self) -> ActionResult:
        self.backend.admin_update_device_status(
            self.p("UserPoolId"),
            self.p("Username"),
            self.p("DeviceKey"),
            self.p("DeviceRememberedStatus"),
        )
        return EmptyResult()
