// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DescribeUserPoolClientRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolClientType
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.DescribeUserPoolClient]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.DescribeUserPoolClient")

/**
 * Gets the settings of an app client: its allowed sign-in flows, token lifetimes and, when it
 * has one, its client secret (keep that on a server, never in logs).
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param clientId The ID of the app client.
 * @return The app client's settings.
 */
suspend fun describeUserPoolClient(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    clientId: String,
): UserPoolClientType {
    val request =
        DescribeUserPoolClientRequest {
            this.userPoolId = userPoolId
            this.clientId = clientId
        }
    try {
        return checkNotNull(client.describeUserPoolClient(request).userPoolClient) { "Cognito returned no app client" }
    } catch (e: CognitoIdentityProviderException) {
        if (e is ResourceNotFoundException) {
            logger.error("User pool {} has no app client {}.", userPoolId, clientId)
        }
        logger.error(
            "Couldn't describe app client {}. Here's why: {}: {}",
            clientId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.DescribeUserPoolClient]

fun main(args: Array<String>) {
    val usage = """
        Usage: DescribeUserPoolClient <user-pool-id> <client-id>

        Prints the settings of an app client (the client secret, if any, hidden).
    """
    exitUnlessZero(runExample(args, usage, 2..2) { client, a -> describeUserPoolClient(client, a[0], a[1]) })
}
