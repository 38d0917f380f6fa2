// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceConfigurationType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifiedAttributeType
import com.example.cognito.support.EmulatorTest
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.uniqueName
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CreateUserPoolTest : EmulatorTest() {
    @Test
    fun `creates a pool that verifies e-mail and tracks devices`() =
        cognitoTest {
            val name = uniqueName("pool")
            val devices =
                DeviceConfigurationType {
                    challengeRequiredOnNewDevice = true
                    deviceOnlyRememberedOnUserPrompt = false
                }

            val pool = createUserPool(cognito, name, deviceConfiguration = devices)

            try {
                assertEquals(name, pool.name)
                val described = describeUserPool(cognito, checkNotNull(pool.id))
                assertEquals(listOf(VerifiedAttributeType.Email), described.autoVerifiedAttributes)
                assertEquals(true, described.deviceConfiguration?.challengeRequiredOnNewDevice)
                assertTrue(listUserPoolsNames().contains(name))
            } finally {
                deleteUserPool(cognito, checkNotNull(pool.id))
            }
        }

    @Test
    fun `refuses an empty pool name`() =
        cognitoTest {
            assertRefused<InvalidParameterException> { createUserPool(cognito, "") }
        }

    private suspend fun listUserPoolsNames(): List<String?> =
        cognito
            .listUserPools(
                aws.sdk.kotlin.services.cognitoidentityprovider.model
                    .ListUserPoolsRequest { maxResults = 60 },
            ).userPools
            .orEmpty()
            .map { it.name }
}
