// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DescribeUserPoolRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolType
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.DescribeUserPool]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.DescribeUserPool")

/**
 * Gets the settings of a user pool: its policies, MFA setting, device tracking and more.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @return The pool's settings.
 */
suspend fun describeUserPool(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
): UserPoolType {
    try {
        val response = client.describeUserPool(DescribeUserPoolRequest { this.userPoolId = userPoolId })
        return checkNotNull(response.userPool) { "Cognito returned no user pool" }
    } catch (e: CognitoIdentityProviderException) {
        if (e is ResourceNotFoundException) {
            logger.error("There is no user pool {} in this Region.", userPoolId)
        }
        logger.error(
            "Couldn't describe user pool {}. Here's why: {}: {}",
            userPoolId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.DescribeUserPool]

fun main(args: Array<String>) {
    val usage = """
        Usage: DescribeUserPool <user-pool-id>

        Prints the settings of a user pool.
    """
    exitUnlessZero(runExample(args, usage, 1..1) { client, a -> describeUserPool(client, a[0]) })
}
