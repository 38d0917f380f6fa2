// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SetUserPoolMfaConfigRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SetUserPoolMfaConfigResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SoftwareTokenMfaConfigType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolMfaType
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.SetUserPoolMfaConfig]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.SetUserPoolMfaConfig")

/**
 * Sets whether a user pool requires multi-factor authentication, and by which factors.
 *
 * With `ON`, every user must pass a second factor at each sign-in: a user without one gets the
 * `MFA_SETUP` challenge at the next sign-in. With `OPTIONAL`, users choose. Software tokens are
 * codes from an authenticator app (TOTP); `ON` needs at least one factor enabled.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param mfaConfiguration `ON` (required), `OPTIONAL` or `OFF`.
 * @param softwareTokenEnabled Whether authenticator apps (TOTP) are a factor users may use.
 * @return The pool's MFA settings as Cognito now holds them.
 */
suspend fun setUserPoolMfaConfig(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    mfaConfiguration: UserPoolMfaType = UserPoolMfaType.On,
    softwareTokenEnabled: Boolean = true,
): SetUserPoolMfaConfigResponse {
    val request =
        SetUserPoolMfaConfigRequest {
            this.userPoolId = userPoolId
            this.mfaConfiguration = mfaConfiguration
            softwareTokenMfaConfiguration = SoftwareTokenMfaConfigType { enabled = softwareTokenEnabled }
        }
    try {
        val response = client.setUserPoolMfaConfig(request)
        logger.info("User pool {}: MFA {}, authenticator apps {}.", userPoolId, mfaConfiguration, softwareTokenEnabled)
        return response
    } catch (e: CognitoIdentityProviderException) {
        if (e is InvalidParameterException) {
            logger.error("MFA ON or OPTIONAL needs at least one factor enabled (here: software tokens).")
        }
        logger.error(
            "Couldn't set the MFA configuration of user pool {}. Here's why: {}: {}",
            userPoolId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.SetUserPoolMfaConfig]

fun main(args: Array<String>) {
    val usage = """
        Usage: SetUserPoolMfaConfig <user-pool-id> [ON|OPTIONAL|OFF]

        Makes MFA required (ON, the default), optional or off, with authenticator apps (TOTP)
        as the factor.
    """
    exitUnlessZero(
        runExample(args, usage, 1..2) { client, a ->
            val mfa = UserPoolMfaType.fromValue(a.getOrElse(1) { "ON" }.uppercase())
            require(mfa !is UserPoolMfaType.SdkUnknown) { "MFA must be ON, OPTIONAL or OFF, not ${a[1]}" }
            setUserPoolMfaConfig(client, a[0], mfa, softwareTokenEnabled = mfa != UserPoolMfaType.Off)
        },
    )
}
