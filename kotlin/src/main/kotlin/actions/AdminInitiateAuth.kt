// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminInitiateAuthRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminInitiateAuthResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthFlowType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.PasswordResetRequiredException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotConfirmedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.AdminInitiateAuth]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.AdminInitiateAuth")

/**
 * Starts signing a user in with their password, as an administrator (server-side code with AWS
 * credentials), with the `ADMIN_USER_PASSWORD_AUTH` flow. The app client must allow
 * `ALLOW_ADMIN_USER_PASSWORD_AUTH`.
 *
 * When the password is right, Cognito answers either with tokens (`authenticationResult`) or,
 * when more is needed, with a challenge (`challengeName`) and a `session` to answer it with
 * AdminRespondToAuthChallenge: `MFA_SETUP` when the pool requires MFA and the user has none yet,
 * `SOFTWARE_TOKEN_MFA` for a code from the user's authenticator app, `DEVICE_SRP_AUTH` when
 * [deviceKey] names a remembered device. The session is valid for 3 minutes.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param clientId The ID of the app client.
 * @param username The user name.
 * @param password The user's password.
 * @param secretHash The `SECRET_HASH` of [username], needed only when the app client has a secret.
 * @param deviceKey The key of a device the user remembered, to sign in with it instead of MFA.
 * @return Tokens, or the next challenge with its parameters and session.
 */
suspend fun adminInitiateAuth(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    clientId: String,
    username: String,
    password: String,
    secretHash: String? = null,
    deviceKey: String? = null,
): AdminInitiateAuthResponse {
    val request =
        AdminInitiateAuthRequest {
            this.userPoolId = userPoolId
            this.clientId = clientId
            authFlow = AuthFlowType.AdminUserPasswordAuth
            authParameters =
                buildMap {
                    put("USERNAME", username)
                    put("PASSWORD", password)
                    secretHash?.let { put("SECRET_HASH", it) }
                    deviceKey?.let { put("DEVICE_KEY", it) }
                }
        }
    try {
        val response = client.adminInitiateAuth(request)
        logger.info("Password accepted for {}; Cognito answered {}.", username, response.challengeName?.value ?: "with tokens")
        return response
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is NotAuthorizedException -> logger.error("Wrong user name or password.")
            is InvalidParameterException -> logger.error("Check that the app client allows ALLOW_ADMIN_USER_PASSWORD_AUTH.")
            is UserNotConfirmedException -> logger.error("{} hasn't confirmed the sign-up yet: ConfirmSignUp first.", username)
            is PasswordResetRequiredException -> logger.error("{} must reset the password first (ForgotPassword).", username)
            is UserNotFoundException -> logger.error("User pool {} has no user {}.", userPoolId, username)
            else -> Unit
        }
        logger.error(
            "Couldn't sign in {}. Here's why: {}: {}",
            username,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.AdminInitiateAuth]

fun main(args: Array<String>) {
    val usage = """
        Usage: AdminInitiateAuth <user-pool-id> <client-id> <username> <password> [<secret-hash>]

        Signs a user in with the admin password flow and prints Cognito's answer: a challenge
        (such as MFA_SETUP or SOFTWARE_TOKEN_MFA) or tokens. Tokens and sessions are hidden.
    """
    exitUnlessZero(
        runExample(args, usage, 4..5) { client, a -> adminInitiateAuth(client, a[0], a[1], a[2], a[3], a.getOrNull(4)) },
    )
}
