// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExpiredCodeException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.AdminRespondToAuthChallenge]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.AdminRespondToAuthChallenge")

/**
 * Answers a sign-in challenge as an administrator (the answer to AdminInitiateAuth).
 *
 * What [challengeResponses] holds depends on the challenge; each needs `USERNAME`, plus
 * `SECRET_HASH` when the app client has a secret:
 * - `SOFTWARE_TOKEN_MFA`: `SOFTWARE_TOKEN_MFA_CODE`, the code the authenticator app shows now;
 * - `MFA_SETUP`: nothing more, after VerifySoftwareToken accepted the app's first code (pass the
 *   session VerifySoftwareToken returned);
 * - `DEVICE_SRP_AUTH`: `DEVICE_KEY` and `SRP_A`; `DEVICE_PASSWORD_VERIFIER`: the device's proof.
 *
 * Cognito answers with tokens, or with the next challenge and a new session.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param clientId The ID of the app client.
 * @param challengeName The challenge being answered.
 * @param session The session of the challenge (3 minutes long); the device verifier challenge
 *   may be answered without one.
 * @param challengeResponses The answers, by name.
 * @return Tokens (`authenticationResult`), or the next challenge and session.
 */
suspend fun adminRespondToAuthChallenge(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    clientId: String,
    challengeName: ChallengeNameType,
    session: String?,
    challengeResponses: Map<String, String>,
): AdminRespondToAuthChallengeResponse {
    val request =
        AdminRespondToAuthChallengeRequest {
            this.userPoolId = userPoolId
            this.clientId = clientId
            this.challengeName = challengeName
            this.session = session
            this.challengeResponses = challengeResponses
        }
    try {
        val response = client.adminRespondToAuthChallenge(request)
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
// snippet-end:[kotlin.cognito-idp.AdminRespondToAuthChallenge]

fun main(args: Array<String>) {
    val usage = """
        Usage: AdminRespondToAuthChallenge <user-pool-id> <client-id> <challenge-name> <session> NAME=VALUE...

        Answers a sign-in challenge, e.g. SOFTWARE_TOKEN_MFA with USERNAME=ana
        SOFTWARE_TOKEN_MFA_CODE=123456. Prints the next challenge or the tokens (hidden).
    """
    exitUnlessZero(
        runExample(args, usage, 5..20) { client, a ->
            adminRespondToAuthChallenge(client, a[0], a[1], challengeName(a[2]), a[3], nameValues(a.drop(4)))
        },
    )
}
