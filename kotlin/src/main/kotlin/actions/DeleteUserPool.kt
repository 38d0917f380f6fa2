// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeleteUserPoolRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.DeleteUserPool]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.DeleteUserPool")

/**
 * Deletes a user pool with all of its users, app clients and settings. There is no undo.
 *
 * Cognito refuses while the pool has a domain or deletion protection is on.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool to delete.
 */
suspend fun deleteUserPool(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
) {
    try {
        client.deleteUserPool(DeleteUserPoolRequest { this.userPoolId = userPoolId })
        logger.info("Deleted user pool {}.", userPoolId)
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is ResourceNotFoundException -> logger.error("There is no user pool {}: deleted already?", userPoolId)
            is InvalidParameterException -> logger.error("Turn deletion protection off, or delete the pool's domain, first.")
            else -> Unit
        }
        logger.error(
            "Couldn't delete user pool {}. Here's why: {}: {}",
            userPoolId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.DeleteUserPool]

fun main(args: Array<String>) {
    val usage = """
        Usage: DeleteUserPool <user-pool-id>

        Deletes a user pool with all its users and app clients. There is no undo.
    """
    exitUnlessZero(runExample(args, usage, 1..1) { client, a -> deleteUserPool(client, a[0]) })
}
