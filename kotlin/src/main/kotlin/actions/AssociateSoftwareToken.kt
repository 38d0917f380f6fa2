// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AssociateSoftwareTokenRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ConcurrentModificationException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.AssociateSoftwareToken]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.AssociateSoftwareToken")

/**
 * Asks Cognito for a new TOTP secret to put into the user's authenticator app.
 *
 * Cognito generates a secret key for the user and returns it as `secretCode` (base32). Show it
 * to the user, usually also as a QR code of
 * `otpauth://totp/<issuer>:<username>?secret=<secretCode>&issuer=<issuer>`, so that their
 * authenticator app (Google Authenticator, Authy, 1Password...) can produce codes. Nothing is
 * enabled yet: the user proves the app works by sending its first code to VerifySoftwareToken.
 * Treat `secretCode` like a password: never log or store it.
 *
 * Give [session] while signing in, when Cognito answered with the `MFA_SETUP` challenge (the
 * pool requires MFA and the user has none yet); Cognito then returns a new `session` for
 * VerifySoftwareToken. Give [accessToken] instead to add an app for a signed-in user.
 *
 * @param client The Cognito Identity Provider client.
 * @param session The session of an `MFA_SETUP` challenge.
 * @param accessToken The access token of a signed-in user (instead of [session]).
 * @return `secretCode` and, when called with a session, the next `session`.
 * @throws IllegalArgumentException When neither or both of [session] and [accessToken] are given.
 */
suspend fun associateSoftwareToken(
    client: CognitoIdentityProviderClient,
    session: String? = null,
    accessToken: String? = null,
): AssociateSoftwareTokenResponse {
    require((session == null) != (accessToken == null)) { "Give exactly one of session or accessToken." }
    val request =
        AssociateSoftwareTokenRequest {
            this.session = session
            this.accessToken = accessToken
        }
    try {
        val response = client.associateSoftwareToken(request)
        logger.info("Cognito generated a TOTP secret; the user adds it to an authenticator app.")
        return response
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is NotAuthorizedException -> logger.error("The session or access token is expired, revoked or used: sign in again.")
            is SoftwareTokenMfaNotFoundException -> logger.error("This user pool doesn't allow TOTP MFA: enable software tokens.")
            is ConcurrentModificationException -> logger.error("Another request is changing this user's MFA: try again.")
            else -> Unit
        }
        logger.error(
            "Couldn't associate a software token. Here's why: {}: {}",
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.AssociateSoftwareToken]

fun main(args: Array<String>) {
    val usage = """
        Usage: AssociateSoftwareToken --session <session> | --access-token <access-token>

        Gets a new TOTP secret for an authenticator app, for the session of an MFA_SETUP
        challenge or for a signed-in user. The secret is printed in full: it is what the
        user types into the app. Keep it private.
    """
    exitUnlessZero(
        runExample(args, usage, 2..2) { client, a ->
            val response =
                when (a[0]) {
                    "--session" -> associateSoftwareToken(client, session = a[1])
                    "--access-token" -> associateSoftwareToken(client, accessToken = a[1])
                    else -> throw IllegalArgumentException("expected --session or --access-token, got ${a[0]}")
                }
            "SecretCode: ${response.secretCode}\n$response"
        },
    )
}
