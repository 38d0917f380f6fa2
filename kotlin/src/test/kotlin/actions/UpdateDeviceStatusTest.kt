// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.UNKNOWN_DEVICE
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.rememberedDevice
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class UpdateDeviceStatusTest : PoolTest(devices = true) {
    @Test
    fun `marks the device not remembered, then remembered again`() =
        cognitoTest {
            val (_, tokens, device) = rememberedDevice(pool)
            val accessToken = checkNotNull(tokens.accessToken)

            suspend fun status() =
                listDevices(cognito, accessToken)
                    .single()
                    .deviceAttributes
                    .orEmpty()
                    .single { it.name == "dev:device_remembered_status" }
                    .value

            updateDeviceStatus(cognito, accessToken, device.deviceKey, remembered = false)
            assertEquals("not_remembered", status())

            updateDeviceStatus(cognito, accessToken, device.deviceKey, remembered = true)
            assertEquals("remembered", status())
        }

    @Test
    fun `refuses a device Cognito doesn't track`() =
        cognitoTest {
            val (_, tokens, _) = rememberedDevice(pool)

            assertRefused<ResourceNotFoundException> {
                updateDeviceStatus(cognito, checkNotNull(tokens.accessToken), UNKNOWN_DEVICE, remembered = true)
            }
        }
}
