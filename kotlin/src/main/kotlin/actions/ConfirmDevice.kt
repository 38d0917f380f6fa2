// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ConfirmDeviceRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ConfirmDeviceResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceSecretVerifierConfigType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.ConfirmDevice]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.ConfirmDevice")

/**
 * Registers the device a user just signed in from, so that later sign-ins from it can skip MFA.
 *
 * When the pool tracks devices, a sign-in's tokens come with `newDeviceMetadata` (a device key
 * and group key). The app makes up a random device password, derives an SRP verifier and salt
 * from it, and sends only those: Cognito never learns the password. Later sign-ins pass the
 * device key and prove the password with the `DEVICE_SRP_AUTH` challenges.
 *
 * @param client The Cognito Identity Provider client.
 * @param accessToken The access token of the sign-in that reported the new device.
 * @param deviceKey The `deviceKey` of `newDeviceMetadata`.
 * @param verifierConfig The device password's SRP verifier and salt, both Base64.
 * @param deviceName A name for the device, shown when the user lists devices.
 * @return `userConfirmationNecessary`: `true` when the pool remembers devices only on the user's
 *   say-so (then call UpdateDeviceStatus to remember it).
 */
suspend fun confirmDevice(
    client: CognitoIdentityProviderClient,
    accessToken: String,
    deviceKey: String,
    verifierConfig: DeviceSecretVerifierConfigType,
    deviceName: String? = null,
): ConfirmDeviceResponse {
    val request =
        ConfirmDeviceRequest {
            this.accessToken = accessToken
            this.deviceKey = deviceKey
            deviceSecretVerifierConfig = verifierConfig
            this.deviceName = deviceName
        }
    try {
        val response = client.confirmDevice(request)
        logger.info("Device {} confirmed; user confirmation necessary: {}.", deviceKey, response.userConfirmationNecessary)
        return response
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is ResourceNotFoundException -> logger.error("Cognito doesn't know device {}: use the key of this sign-in.", deviceKey)
            is InvalidParameterException -> logger.error("The verifier or salt is malformed, or the pool doesn't track devices.")
            is NotAuthorizedException -> logger.error("The access token is expired or revoked: sign in again.")
            else -> Unit
        }
        logger.error(
            "Couldn't confirm device {}. Here's why: {}: {}",
            deviceKey,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.ConfirmDevice]

fun main(args: Array<String>) {
    val usage = """
        Usage: ConfirmDevice <access-token> <device-key> <password-verifier> <salt> [<device-name>]

        Registers a tracked device with the SRP verifier and salt (Base64) of its password.
    """
    exitUnlessZero(
        runExample(args, usage, 4..5) { client, a ->
            val verifier =
                DeviceSecretVerifierConfigType {
                    passwordVerifier = a[2]
                    salt = a[3]
                }
            confirmDevice(client, a[0], a[1], verifier, a.getOrNull(4))
        },
    )
}
