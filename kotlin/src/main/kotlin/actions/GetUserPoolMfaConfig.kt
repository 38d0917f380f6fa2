// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.GetUserPoolMfaConfigRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.GetUserPoolMfaConfig]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.GetUserPoolMfaConfig")

/**
 * Gets the multi-factor authentication settings of a user pool.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @return `mfaConfiguration` (`ON`, `OPTIONAL` or `OFF`) and each factor's settings, such as
 *   `softwareTokenMfaConfiguration.enabled` for authenticator apps.
 */
suspend fun getUserPoolMfaConfig(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
): GetUserPoolMfaConfigResponse {
    try {
        return client.getUserPoolMfaConfig(GetUserPoolMfaConfigRequest { this.userPoolId = userPoolId })
    } catch (e: CognitoIdentityProviderException) {
        if (e is ResourceNotFoundException) {
            logger.error("There is no user pool {} in this Region.", userPoolId)
        }
        logger.error(
            "Couldn't get the MFA configuration of user pool {}. Here's why: {}: {}",
            userPoolId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.GetUserPoolMfaConfig]

fun main(args: Array<String>) {
    val usage = """
        Usage: GetUserPoolMfaConfig <user-pool-id>

        Prints the MFA settings of a user pool.
    """
    exitUnlessZero(runExample(args, usage, 1..1) { client, a -> getUserPoolMfaConfig(client, a[0]) })
}
