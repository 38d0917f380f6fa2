// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolClientRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolClientType
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.CreateUserPoolClient]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.CreateUserPoolClient")

/**
 * Creates an app client: the entry point through which an application signs users up and in.
 *
 * Cognito returns the client's settings with its `clientId`. With [generateSecret], it also
 * generates a `clientSecret`; every user call then needs a `SECRET_HASH` (see SecretHash),
 * so give a secret only to clients that run on a server.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool the app client belongs to.
 * @param clientName A name for the app client.
 * @param generateSecret Whether Cognito generates a client secret.
 * @param explicitAuthFlows The sign-in flows the client allows, such as
 *   `ALLOW_ADMIN_USER_PASSWORD_AUTH`; `null` keeps Cognito's default (SRP and refresh tokens).
 * @return The new app client; its `clientId` is what user calls name.
 */
suspend fun createUserPoolClient(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    clientName: String,
    generateSecret: Boolean = false,
    explicitAuthFlows: List<ExplicitAuthFlowsType>? = null,
): UserPoolClientType {
    val request =
        CreateUserPoolClientRequest {
            this.userPoolId = userPoolId
            this.clientName = clientName
            this.generateSecret = generateSecret
            this.explicitAuthFlows = explicitAuthFlows
        }
    try {
        val appClient = checkNotNull(client.createUserPoolClient(request).userPoolClient) { "Cognito returned no app client" }
        logger.info("Created app client {} in user pool {}.", appClient.clientId, userPoolId)
        return appClient
    } catch (e: CognitoIdentityProviderException) {
        if (e is ResourceNotFoundException) {
            logger.error("There is no user pool {} in this Region.", userPoolId)
        }
        logger.error(
            "Couldn't create app client {} in user pool {}. Here's why: {}: {}",
            clientName,
            userPoolId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.CreateUserPoolClient]

fun main(args: Array<String>) {
    val usage = """
        Usage: CreateUserPoolClient <user-pool-id> <client-name> [<auth-flow> ...]

        Creates an app client without a secret, allowing the given sign-in flows, such as
        ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH.
        The printed settings hide the client secret, if any.
    """
    exitUnlessZero(
        runExample(args, usage, 2..10) { client, a ->
            val flows = a.drop(2).map { ExplicitAuthFlowsType.fromValue(it) }
            flows.firstOrNull { it is ExplicitAuthFlowsType.SdkUnknown }?.let {
                throw IllegalArgumentException("unknown auth flow ${it.value}")
            }
            createUserPoolClient(client, a[0], a[1], explicitAuthFlows = flows.ifEmpty { null })
        },
    )
}
