// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeleteUserPoolClientRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.DeleteUserPoolClient]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.DeleteUserPoolClient")

/**
 * Deletes an app client. Applications that use its ID can no longer sign users up or in;
 * the users themselves stay in the pool.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param clientId The ID of the app client to delete.
 */
suspend fun deleteUserPoolClient(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    clientId: String,
) {
    val request =
        DeleteUserPoolClientRequest {
            this.userPoolId = userPoolId
            this.clientId = clientId
        }
    try {
        client.deleteUserPoolClient(request)
        logger.info("Deleted app client {} of user pool {}.", clientId, userPoolId)
    } catch (e: CognitoIdentityProviderException) {
        if (e is ResourceNotFoundException) {
            logger.error("User pool {} has no app client {}: deleted already?", userPoolId, clientId)
        }
        logger.error(
            "Couldn't delete app client {}. Here's why: {}: {}",
            clientId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.DeleteUserPoolClient]

fun main(args: Array<String>) {
    val usage = """
        Usage: DeleteUserPoolClient <user-pool-id> <client-id>

        Deletes an app client of a user pool.
    """
    exitUnlessZero(runExample(args, usage, 2..2) { client, a -> deleteUserPoolClient(client, a[0], a[1]) })
}
