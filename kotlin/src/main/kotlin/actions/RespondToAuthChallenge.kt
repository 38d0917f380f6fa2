// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExpiredCodeException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.RespondToAuthChallenge]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.RespondToAuthChallenge")

/**
 * Answers a sign-in challenge as the user's own app would (the answer to InitiateAuth).
 *
 * What [challengeResponses] holds depends on the challenge; each needs `USERNAME`, plus
 * `SECRET_HASH` when the app client has a secret: `SOFTWARE_TOKEN_MFA_CODE` for
 * `SOFTWARE_TOKEN_MFA`; nothing more for `MFA_SETUP` after VerifySoftwareToken; `DEVICE_KEY` and
 * `SRP_A` for `DEVICE_SRP_AUTH`, then the device's proof for `DEVICE_PASSWORD_VERIFIER`.
 *
 * Cognito answers with tokens, or with the next challenge and a new session.
 *
 * @param client The Cognito Identity Provider client.
 * @param clientId The ID of the app client.
 * @param challengeName The challenge being answered.
 * @param session The session of the challenge (3 minutes long).
 * @param challengeResponses The answers, by name.
 * @return Tokens (`authenticationResult`), or the next challenge and session.
 */
suspend fun respondToAuthChallenge(
    client: CognitoIdentityProviderClient,
    clientId: String,
    challengeName: ChallengeNameType,
    session: String?,
    challengeResponses: Map<String, String>,
): RespondToAuthChallengeResponse {
    val request =
        RespondToAuthChallengeRequest {
            this.clientId = clientId
            this.challengeName = challengeName
            this.session = session
            this.challengeResponses = challengeResponses
        }
    try {
        val response = client.respondToAuthChallenge(request)
        logger.info("Cognito accepted the answer to {}; next: {}.", challengeName.value, response.challengeName?.value ?: "tokens")
        return response
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is CodeMismatchException -> logger.error("Wrong code: send the code the authenticator app shows now.")
            is ExpiredCodeException -> logger.error("The code has expired or was used already: send the next one.")
            is NotAuthorizedException -> logger.error("The session may have expired (3 minutes): sign in again.")
            else -> Unit
        }
        logger.error(
            "Couldn't answer the {} challenge. Here's why: {}: {}",
            challengeName.value,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.RespondToAuthChallenge]

fun main(args: Array<String>) {
    val usage = """
        Usage: RespondToAuthChallenge <client-id> <challenge-name> <session> NAME=VALUE...

        Answers a sign-in challenge, e.g. SOFTWARE_TOKEN_MFA with USERNAME=ana
        SOFTWARE_TOKEN_MFA_CODE=123456. Prints the next challenge or the tokens (hidden).
    """
    exitUnlessZero(
        runExample(args, usage, 4..20) { client, a ->
            respondToAuthChallenge(client, a[0], challengeName(a[1]), a[2], nameValues(a.drop(3)))
        },
    )
}
