// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.GlobalSignOutRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
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

class ListDevicesTest : PoolTest(devices = true) {
    @Test
    fun `lists the user's remembered device`() =
        cognitoTest {
            val (_, tokens, device) = rememberedDevice(pool)

            val devices = listDevices(cognito, checkNotNull(tokens.accessToken))

            assertEquals(listOf(device.deviceKey), devices.map { it.deviceKey })
        }

    @Test
    fun `refuses a revoked access token`() =
        cognitoTest {
            val (_, tokens, _) = rememberedDevice(pool)
            val accessToken = checkNotNull(tokens.accessToken)
            cognito.globalSignOut(GlobalSignOutRequest { this.accessToken = accessToken })

            assertRefused<NotAuthorizedException> { listDevices(cognito, accessToken) }
        }
}
