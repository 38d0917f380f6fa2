// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceRememberedStatusType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UpdateDeviceStatusRequest
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.UpdateDeviceStatus]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.UpdateDeviceStatus")

/**
 * Marks a tracked device as remembered or not remembered.
 *
 * A remembered device may sign in without MFA (when the pool allows it); a pool with
 * `DeviceOnlyRememberedOnUserPrompt` remembers a confirmed device only after this call.
 *
 * @param client The Cognito Identity Provider client.
 * @param accessToken The access token of the device's user.
 * @param deviceKey The key of the device.
 * @param remembered Whether Cognito remembers the device.
 */
suspend fun updateDeviceStatus(
    client: CognitoIdentityProviderClient,
    accessToken: String,
    deviceKey: String,
    remembered: Boolean,
) {
    val request =
        UpdateDeviceStatusRequest {
            this.accessToken = accessToken
            this.deviceKey = deviceKey
            deviceRememberedStatus =
                if (remembered) DeviceRememberedStatusType.Remembered else DeviceRememberedStatusType.NotRemembered
        }
    try {
        client.updateDeviceStatus(request)
        logger.info("Device {} is now {}.", deviceKey, if (remembered) "remembered" else "not remembered")
    } catch (e: CognitoIdentityProviderException) {
        when (e) {
            is ResourceNotFoundException -> logger.error("Cognito doesn't track device {}.", deviceKey)
            is NotAuthorizedException -> logger.error("The access token is expired or revoked: sign in again.")
            else -> Unit
        }
        logger.error(
            "Couldn't update the status of device {}. Here's why: {}: {}",
            deviceKey,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.UpdateDeviceStatus]

fun main(args: Array<String>) {
    val usage = """
        Usage: UpdateDeviceStatus <access-token> <device-key> remembered|not_remembered

        Marks a tracked device as remembered or not remembered.
    """
    exitUnlessZero(
        runExample(args, usage, 3..3) { client, a ->
            val remembered =
                when (a[2].lowercase()) {
                    "remembered" -> true
                    "not_remembered" -> false
                    else -> throw IllegalArgumentException("expected remembered or not_remembered, got ${a[2]}")
                }
            updateDeviceStatus(client, a[0], a[1], remembered)
        },
    )
}
