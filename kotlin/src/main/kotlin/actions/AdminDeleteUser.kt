// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminDeleteUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.AdminDeleteUser]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.AdminDeleteUser")

/**
 * Deletes a user from a user pool as an administrator. The user's tokens stop working and
 * their devices and MFA settings go with them; there is no undo.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param username The user name.
 */
suspend fun adminDeleteUser(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    username: String,
) {
    val request =
        AdminDeleteUserRequest {
            this.userPoolId = userPoolId
            this.username = username
        }
    try {
        client.adminDeleteUser(request)
        logger.info("Deleted user {} from user pool {}.", username, userPoolId)
    } catch (e: CognitoIdentityProviderException) {
        if (e is UserNotFoundException) {
            logger.error("User pool {} has no user {}: deleted already?", userPoolId, username)
        }
        logger.error(
            "Couldn't delete user {}. Here's why: {}: {}",
            username,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.AdminDeleteUser]

fun main(args: Array<String>) {
    val usage = """
        Usage: AdminDeleteUser <user-pool-id> <username>

        Deletes a user from a user pool. There is no undo.
    """
    exitUnlessZero(runExample(args, usage, 2..2) { client, a -> adminDeleteUser(client, a[0], a[1]) })
}
