// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AttributeType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidPasswordException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SignUpRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SignUpResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UsernameExistsException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.SignUp]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.SignUp")

/**
 * Signs a new user up to a user pool through one of its app clients.
 *
 * Cognito creates the user, unconfirmed, and sends a confirmation code to the e-mail address
 * (when the pool verifies e-mail addresses); the user confirms with ConfirmSignUp. When a
 * pre-sign-up Lambda trigger confirms users, `userConfirmed` is already `true`.
 *
 * @param client The Cognito Identity Provider client.
 * @param clientId The ID of the app client the user signs up through.
 * @param username The user name; Cognito refuses one that is taken.
 * @param password The password; it must meet the pool's password policy.
 * @param email The user's e-mail address, where the confirmation code goes.
 * @param secretHash The `SECRET_HASH` of [username], needed only when the app client has a secret.
 * @return Whether the user is confirmed, where the code went, and the user's `sub`.
 */
suspend fun signUp(
    client: CognitoIdentityProviderClient,
    clientId: String,
    username: String,
    password: String,
    email: String,
    secretHash: String? = null,
): SignUpResponse {
    val request =
        SignUpRequest {
            this.clientId = clientId
            this.username = username
            this.password = password
            this.secretHash = secretHash
            userAttributes =
                listOf(
                    AttributeType {
                        name = "email"
                        value = email
                    },
                )
        }
    try {
        val response = client.signUp(request)
        logger.info("Signed up {}; Cognito sent a code to {}.", username, response.codeDeliveryDetails?.destination)
        return response
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is UsernameExistsException -> logger.error("The user name {} is taken: choose another one.", username)
            is InvalidPasswordException -> logger.error("The password doesn't meet the pool's password policy.")
            is InvalidParameterException -> logger.error("Check the user name and the e-mail address.")
            else -> Unit
        }
        logger.error(
            "Couldn't sign up {}. Here's why: {}: {}",
            username,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.SignUp]

fun main(args: Array<String>) {
    val usage = """
        Usage: SignUp <client-id> <username> <password> <email> [<secret-hash>]

        Signs a user up to a user pool; Cognito e-mails them a confirmation code.
          client-id    the app client the user signs up through
          username     the new user's name
          password     a password that meets the pool's password policy
          email        where Cognito sends the confirmation code
          secret-hash  SECRET_HASH, when the app client has a secret (see SecretHash)
    """
    exitUnlessZero(
        runExample(args, usage, 4..5) { client, a ->
            signUp(client, a[0], a[1], a[2], a[3], a.getOrNull(4))
        },
    )
}
