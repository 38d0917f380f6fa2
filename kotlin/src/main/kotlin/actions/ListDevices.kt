// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ListDevicesRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.ListDevices]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.ListDevices")

/**
 * Lists the devices Cognito tracks for the signed-in user, page after page.
 *
 * Each device has its key and attributes such as `device_name` and
 * `dev:device_remembered_status` (`remembered` or `not_remembered`).
 *
 * @param client The Cognito Identity Provider client.
 * @param accessToken The user's access token.
 * @return Every tracked device of the user.
 */
suspend fun listDevices(
    client: CognitoIdentityProviderClient,
    accessToken: String,
): List<DeviceType> {
    val devices = mutableListOf<DeviceType>()
    var token: String? = null
    try {
        do {
            val response =
                client.listDevices(
                    ListDevicesRequest {
                        this.accessToken = accessToken
                        limit = 60
                        paginationToken = token
                    },
                )
            devices += response.devices.orEmpty()
            token = response.paginationToken
        } while (token != null)
        return devices
    } catch (e: CognitoIdentityProviderException) {
        if (e is NotAuthorizedException) {
            logger.error("The access token is expired or revoked: sign in again.")
        }
        logger.error(
            "Couldn't list devices. Here's why: {}: {}",
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.ListDevices]

fun main(args: Array<String>) {
    val usage = """
        Usage: ListDevices <access-token>

        Lists the signed-in user's tracked devices.
    """
    exitUnlessZero(
        runExample(args, usage, 1..1) { client, a ->
            listDevices(client, a[0]).joinToString("\n") { device ->
                val attributes = device.deviceAttributes.orEmpty().associate { it.name to it.value }
                "${device.deviceKey}  ${attributes["device_name"].orEmpty()}  " +
                    attributes["dev:device_remembered_status"].orEmpty()
            }
        },
    )
}
