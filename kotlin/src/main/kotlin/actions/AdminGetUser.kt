// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminGetUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminGetUserResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.AdminGetUser]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.AdminGetUser")

/**
 * Gets a user of a user pool as an administrator (with AWS credentials, no user token).
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param username The user name (or an alias such as the e-mail address, when the pool has one).
 * @return The user's status (`UNCONFIRMED`, `CONFIRMED`, ...), attributes, whether they are
 *   enabled and their MFA settings.
 */
suspend fun adminGetUser(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    username: String,
): AdminGetUserResponse {
    val request =
        AdminGetUserRequest {
            this.userPoolId = userPoolId
            this.username = username
        }
    try {
        return client.adminGetUser(request)
    } catch (e: CognitoIdentityProviderException) {
        if (e is UserNotFoundException) {
            logger.error("User pool {} has no user {}.", userPoolId, username)
        }
        logger.error(
            "Couldn't get user {}. Here's why: {}: {}",
            username,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.AdminGetUser]

fun main(args: Array<String>) {
    val usage = """
        Usage: AdminGetUser <user-pool-id> <username>

        Prints a user's status, attributes and MFA settings.
    """
    exitUnlessZero(runExample(args, usage, 2..2) { client, a -> adminGetUser(client, a[0], a[1]) })
}
