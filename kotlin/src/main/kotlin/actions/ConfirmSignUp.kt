// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ConfirmSignUpRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExpiredCodeException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.ConfirmSignUp]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.ConfirmSignUp")

/**
 * Confirms a sign-up with the code Cognito sent to the user.
 *
 * The user becomes `CONFIRMED` and can sign in; the e-mail address the code went to is marked
 * verified.
 *
 * @param client The Cognito Identity Provider client.
 * @param clientId The ID of the app client the user signed up through.
 * @param username The user name.
 * @param confirmationCode The code from the message Cognito sent.
 * @param secretHash The `SECRET_HASH` of [username], needed only when the app client has a secret.
 */
suspend fun confirmSignUp(
    client: CognitoIdentityProviderClient,
    clientId: String,
    username: String,
    confirmationCode: String,
    secretHash: String? = null,
) {
    val request =
        ConfirmSignUpRequest {
            this.clientId = clientId
            this.username = username
            this.confirmationCode = confirmationCode
            this.secretHash = secretHash
        }
    try {
        client.confirmSignUp(request)
        logger.info("Confirmed {}: the user can sign in.", username)
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is CodeMismatchException -> logger.error("That isn't the code Cognito sent: check it and try again.")
            is ExpiredCodeException -> logger.error("The code has expired: get a new one with ResendConfirmationCode.")
            is NotAuthorizedException -> logger.error("The user can't be confirmed, maybe because they are already.")
            else -> Unit
        }
        logger.error(
            "Couldn't confirm the sign-up of {}. Here's why: {}: {}",
            username,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.ConfirmSignUp]

fun main(args: Array<String>) {
    val usage = """
        Usage: ConfirmSignUp <client-id> <username> <confirmation-code> [<secret-hash>]

        Confirms a user's sign-up with the code Cognito sent them.
    """
    exitUnlessZero(
        runExample(args, usage, 3..4) { client, a -> confirmSignUp(client, a[0], a[1], a[2], a.getOrNull(3)) },
    )
}
