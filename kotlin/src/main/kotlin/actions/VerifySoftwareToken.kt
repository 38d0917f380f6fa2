// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifySoftwareTokenRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.VerifySoftwareToken]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.VerifySoftwareToken")

/**
 * Checks the first code of a newly set-up authenticator app against the secret that
 * AssociateSoftwareToken returned, which proves the app is set up.
 *
 * When the code is right, Cognito registers the app as the user's TOTP factor (`status`
 * `SUCCESS`). During an `MFA_SETUP` sign-in it also returns a new `session`: answer the
 * `MFA_SETUP` challenge with it to finish signing in.
 *
 * @param client The Cognito Identity Provider client.
 * @param userCode The 6-digit code the authenticator app shows now.
 * @param session The session AssociateSoftwareToken returned during an `MFA_SETUP` sign-in.
 * @param accessToken The access token of a signed-in user (instead of [session]).
 * @param friendlyDeviceName A name for the app, shown to the user later.
 * @return `status` (`SUCCESS` or `ERROR`) and, with a session, the next `session`.
 * @throws IllegalArgumentException When neither or both of [session] and [accessToken] are given.
 */
suspend fun verifySoftwareToken(
    client: CognitoIdentityProviderClient,
    userCode: String,
    session: String? = null,
    accessToken: String? = null,
    friendlyDeviceName: String? = null,
): VerifySoftwareTokenResponse {
    require((session == null) != (accessToken == null)) { "Give exactly one of session or accessToken." }
    val request =
        VerifySoftwareTokenRequest {
            this.userCode = userCode
            this.session = session
            this.accessToken = accessToken
            this.friendlyDeviceName = friendlyDeviceName
        }
    try {
        val response = client.verifySoftwareToken(request)
        logger.info("Cognito checked the authenticator code: {}.", response.status?.value)
        return response
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is EnableSoftwareTokenMfaException, is CodeMismatchException -> {
                logger.error("Wrong code: check the app's account and the device's clock, then send the current code.")
            }

            is NotAuthorizedException -> {
                logger.error("The session or access token is expired or used: sign in again.")
            }

            else -> {
                Unit
            }
        }
        logger.error(
            "Couldn't verify the software token. Here's why: {}: {}",
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.VerifySoftwareToken]

fun main(args: Array<String>) {
    val usage = """
        Usage: VerifySoftwareToken <user-code> --session <session> | --access-token <token> [<name>]

        Checks the first code of an authenticator app and, when right, enables it as the
        user's TOTP factor.
    """
    exitUnlessZero(
        runExample(args, usage, 3..4) { client, a ->
            val name = a.getOrNull(3)
            when (a[1]) {
                "--session" -> verifySoftwareToken(client, a[0], session = a[2], friendlyDeviceName = name)
                "--access-token" -> verifySoftwareToken(client, a[0], accessToken = a[2], friendlyDeviceName = name)
                else -> throw IllegalArgumentException("expected --session or --access-token, got ${a[1]}")
            }
        },
    )
}
