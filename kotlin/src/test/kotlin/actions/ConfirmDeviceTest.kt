// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceSecretVerifierConfigType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import com.example.cognito.scenario.DeviceSrp
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.UNKNOWN_DEVICE
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.signedInUser
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class ConfirmDeviceTest : PoolTest(devices = true) {
    @Test
    fun `remembers the device of a sign-in with its SRP verifier`() =
        cognitoTest {
            val (_, tokens) = signedInUser(pool)
            val metadata = checkNotNull(tokens.newDeviceMetadata)
            val (device, verifier) = DeviceSrp.newDevice(checkNotNull(metadata.deviceKey), checkNotNull(metadata.deviceGroupKey))
            val config =
                DeviceSecretVerifierConfigType {
                    passwordVerifier = verifier.passwordVerifier
                    salt = verifier.salt
                }

            val response = confirmDevice(cognito, checkNotNull(tokens.accessToken), device.deviceKey, config, "laptop")

            assertFalse(response.userConfirmationNecessary) // the pool remembers devices without asking
            val listed = listDevices(cognito, checkNotNull(tokens.accessToken)).single()
            val attributes = listed.deviceAttributes.orEmpty().associate { it.name to it.value }
            assertEquals(device.deviceKey, listed.deviceKey)
            assertEquals("laptop", attributes["device_name"])
            assertEquals("remembered", attributes["dev:device_remembered_status"])
        }

    @Test
    fun `refuses a device key Cognito didn't hand out`() =
        cognitoTest {
            val (_, tokens) = signedInUser(pool)
            val (_, verifier) = DeviceSrp.newDevice(UNKNOWN_DEVICE, "-notagroup")
            val config =
                DeviceSecretVerifierConfigType {
                    passwordVerifier = verifier.passwordVerifier
                    salt = verifier.salt
                }

            assertRefused<ResourceNotFoundException> {
                confirmDevice(cognito, checkNotNull(tokens.accessToken), UNKNOWN_DEVICE, config)
            }
        }
}
