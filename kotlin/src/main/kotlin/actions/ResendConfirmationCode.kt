// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeDeliveryDetailsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.LimitExceededException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.ResendConfirmationCode]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.ResendConfirmationCode")

/**
 * Has Cognito send a new sign-up confirmation code to an unconfirmed user.
 *
 * Use it when the first code got lost or expired; the new code replaces the old one.
 *
 * @param client The Cognito Identity Provider client.
 * @param clientId The ID of the app client the user signed up through.
 * @param username The user name.
 * @param secretHash The `SECRET_HASH` of [username], needed only when the app client has a secret.
 * @return Where the code went (medium and masked destination).
 */
suspend fun resendConfirmationCode(
    client: CognitoIdentityProviderClient,
    clientId: String,
    username: String,
    secretHash: String? = null,
): CodeDeliveryDetailsType? {
    val request =
        ResendConfirmationCodeRequest {
            this.clientId = clientId
            this.username = username
            this.secretHash = secretHash
        }
    try {
        val delivery = client.resendConfirmationCode(request).codeDeliveryDetails
        logger.info("Cognito sent a new code for {} to {}.", username, delivery?.destination)
        return delivery
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is UserNotFoundException -> logger.error("There is no user {} in this pool.", username)
            is InvalidParameterException -> logger.error("The user may be confirmed already.")
            is LimitExceededException -> logger.error("Too many codes asked for: wait before asking again.")
            else -> Unit
        }
        logger.error(
            "Couldn't resend a confirmation code to {}. Here's why: {}: {}",
            username,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.ResendConfirmationCode]

fun main(args: Array<String>) {
    val usage = """
        Usage: ResendConfirmationCode <client-id> <username> [<secret-hash>]

        Has Cognito send a new sign-up confirmation code to an unconfirmed user.
    """
    exitUnlessZero(
        runExample(args, usage, 2..3) { client, a -> resendConfirmationCode(client, a[0], a[1], a.getOrNull(2)) },
    )
}
