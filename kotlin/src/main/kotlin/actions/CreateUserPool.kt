// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceConfigurationType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.LimitExceededException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifiedAttributeType
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.CreateUserPool]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.CreateUserPool")

/**
 * Creates a user pool: a directory of users and the rules they sign up and sign in with.
 *
 * Cognito creates the pool with its default password policy (8 characters with upper and lower
 * case, a number and a symbol) and returns its settings, among them the pool's ID. Nothing is
 * charged until users sign in, but delete pools you no longer need.
 *
 * @param client The Cognito Identity Provider client.
 * @param poolName A name for the pool (not unique: Cognito identifies pools by ID).
 * @param autoVerifyEmail When true, Cognito e-mails a code at sign-up to verify the address.
 * @param deviceConfiguration How the pool tracks and remembers the devices users sign in from;
 *   `null` tracks none.
 * @return The new pool; its `id` is what every later call names.
 */
suspend fun createUserPool(
    client: CognitoIdentityProviderClient,
    poolName: String,
    autoVerifyEmail: Boolean = true,
    deviceConfiguration: DeviceConfigurationType? = null,
): UserPoolType {
    val request =
        CreateUserPoolRequest {
            this.poolName = poolName
            if (autoVerifyEmail) autoVerifiedAttributes = listOf(VerifiedAttributeType.Email)
            this.deviceConfiguration = deviceConfiguration
        }
    try {
        val pool = checkNotNull(client.createUserPool(request).userPool) { "Cognito returned no user pool" }
        logger.info("Created user pool {} ({}).", pool.id, poolName)
        return pool
    } catch (e: CognitoIdentityProviderException) {
        if (e is LimitExceededException) {
            logger.error("The account has as many user pools as it may: delete some first.")
        }
        logger.error(
            "Couldn't create user pool {}. Here's why: {}: {}",
            poolName,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.CreateUserPool]

fun main(args: Array<String>) {
    val usage = """
        Usage: CreateUserPool <pool-name>

        Creates a user pool that verifies e-mail addresses and prints its settings.
        Delete it afterwards with DeleteUserPool <user-pool-id>.
    """
    exitUnlessZero(runExample(args, usage, 1..1) { client, a -> createUserPool(client, a[0]) })
}
