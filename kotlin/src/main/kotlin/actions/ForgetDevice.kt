// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ForgetDeviceRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.ForgetDevice]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.ForgetDevice")

/**
 * Forgets a device, for example one the user lost or no longer trusts.
 *
 * Cognito deletes the device and its verifier: it no longer appears in ListDevices, its
 * `DEVICE_SRP_AUTH` sign-in stops working, and a sign-in from it asks for MFA again. The app
 * should delete the device key, group key and device password it stored.
 *
 * @param client The Cognito Identity Provider client.
 * @param accessToken The access token of the signed-in user who owns the device.
 * @param deviceKey The key of the device to forget.
 */
suspend fun forgetDevice(
    client: CognitoIdentityProviderClient,
    accessToken: String,
    deviceKey: String,
) {
    val request =
        ForgetDeviceRequest {
            this.deviceKey = deviceKey
            this.accessToken = accessToken
        }
    try {
        client.forgetDevice(request)
        logger.info("Forgot device {}.", deviceKey)
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is ResourceNotFoundException -> logger.error("Cognito doesn't track device {}: forgotten already?", deviceKey)
            is NotAuthorizedException -> logger.error("The access token is expired or revoked: sign in again.")
            else -> Unit
        }
        logger.error(
            "Couldn't forget device {}. Here's why: {}: {}",
            deviceKey,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.ForgetDevice]

fun main(args: Array<String>) {
    val usage = """
        Usage: ForgetDevice <access-token> <device-key>

        Forgets a tracked device of the signed-in user.
    """
    exitUnlessZero(runExample(args, usage, 2..2) { client, a -> forgetDevice(client, a[0], a[1]) })
}
