# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Cognito's error shapes, moto-style: each is a ``JsonRESTError`` with Cognito's error type.

A raised error becomes an HTTP 400 whose JSON body is ``{"__type": ..., "message": ...}``,
the shape botocore turns into ``ClientError`` with ``Error.Code`` and ``Error.Message``.
"""

from __future__ import annotations

from moto.core.exceptions import JsonRESTError


class CognitoError(JsonRESTError):
    """Base class: ``error_type`` is Cognito's exception name, HTTP 400."""

    error_type = "InvalidParameterException"
    default_message = "A parameter is specified incorrectly."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(self.error_type, message or self.default_message)


class InvalidParameterException(CognitoError):
    error_type = "InvalidParameterException"


class NotAuthorizedException(CognitoError):
    error_type = "NotAuthorizedException"
    default_message = "Incorrect username or password."


class CodeMismatchException(CognitoError):
    error_type = "CodeMismatchException"
    default_message = "Invalid verification code provided, please try again."


class ExpiredCodeException(CognitoError):
    error_type = "ExpiredCodeException"
    default_message = "Invalid code provided, please request a code again."


class EnableSoftwareTokenMFAException(CognitoError):
    error_type = "EnableSoftwareTokenMFAException"
    default_message = "Code mismatch and fail enable Software Token MFA"


class UserNotFoundException(CognitoError):
    error_type = "UserNotFoundException"
    default_message = "User does not exist."


class UserNotConfirmedException(CognitoError):
    error_type = "UserNotConfirmedException"
    default_message = "User is not confirmed."


class ResourceNotFoundException(CognitoError):
    error_type = "ResourceNotFoundException"
    default_message = "Resource not found."


class InvalidPasswordException(CognitoError):
    error_type = "InvalidPasswordException"
    default_message = "Password did not conform with policy"


class UsernameExistsException(CognitoError):
    error_type = "UsernameExistsException"
    default_message = "User already exists"


class PasswordResetRequiredException(CognitoError):
    error_type = "PasswordResetRequiredException"
    default_message = "Password reset required for the user"


class LimitExceededException(CognitoError):
    error_type = "LimitExceededException"
    default_message = "Attempt limit exceeded, please try after some time."


class RefreshTokenReuseException(CognitoError):
    """A refresh token that rotation replaced, used after its grace period."""

    error_type = "RefreshTokenReuseException"
    default_message = "Refresh token has been rotated out and can't be used again."


class UnsupportedTokenTypeException(CognitoError):
    error_type = "UnsupportedTokenTypeException"
    default_message = "Unsupported token type."


class UnsupportedOperationException(CognitoError):
    error_type = "UnsupportedOperationException"
    default_message = "Token revocation is not enabled for this app client."


class SoftwareTokenMFANotFoundException(CognitoError):
    error_type = "SoftwareTokenMFANotFoundException"
    default_message = "Software Token MFA has not been enabled by the user."


class InvalidUserPoolConfigurationException(CognitoError):
    error_type = "InvalidUserPoolConfigurationException"
    default_message = "The user pool is not configured for this operation."


class UnknownOperationException(CognitoError):
    """What the service answers for an X-Amz-Target it does not know."""

    error_type = "UnknownOperationException"
    default_message = "Unknown operation."


class SerializationException(CognitoError):
    """What the service answers for a body that is not a JSON object."""

    error_type = "SerializationException"
    default_message = "Start of structure or map found where not expected."


class InvalidSignatureException(CognitoError):
    """A request signed for a region name no pool id can carry (every AWS JSON service answers
    signature problems with this type; the emulator checks no signature otherwise)."""

    error_type = "InvalidSignatureException"


class RequestTooLargeException(CognitoError):
    """A request body larger than the emulator reads (HTTP 413). Cognito documents no answer
    for this; the shape is the one AWS JSON APIs such as Lambda's answer with."""

    error_type = "RequestTooLargeException"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = 413


class RequestTimeoutException(CognitoError):
    """A request body that stopped arriving (HTTP 408); Cognito documents no answer either."""

    error_type = "RequestTimeoutException"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = 408


class InternalErrorException(JsonRESTError):
    """A bug in the emulator: HTTP 500 with Cognito's shape, never a traceback."""

    code = 500

    def __init__(self, message: str = "Internal server error.") -> None:
        super().__init__("InternalErrorException", message)
        self.code = 500
