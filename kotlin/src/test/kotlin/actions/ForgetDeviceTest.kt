// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.rememberedDevice
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class ForgetDeviceTest : PoolTest(devices = true) {
    @Test
    fun `forgets the device`() =
        cognitoTest {
            val (_, tokens, device) = rememberedDevice(pool)
            val accessToken = checkNotNull(tokens.accessToken)

            forgetDevice(cognito, accessToken, device.deviceKey)

            assertEquals(emptyList<String>(), listDevices(cognito, accessToken).map { it.deviceKey })
        }

    @Test
    fun `refuses a device forgotten already`() =
        cognitoTest {
            val (_, tokens, device) = rememberedDevice(pool)
            val accessToken = checkNotNull(tokens.accessToken)
            forgetDevice(cognito, accessToken, device.deviceKey)

            assertRefused<ResourceNotFoundException> { forgetDevice(cognito, accessToken, device.deviceKey) }
        }
}
