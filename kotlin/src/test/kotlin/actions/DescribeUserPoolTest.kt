// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class DescribeUserPoolTest : PoolTest(devices = true) {
    @Test
    fun `describes the pool's settings`() =
        cognitoTest {
            val described = describeUserPool(cognito, pool.id)

            assertEquals(pool.id, described.id)
            assertNotNull(described.policies?.passwordPolicy)
            assertEquals(false, described.deviceConfiguration?.deviceOnlyRememberedOnUserPrompt)
        }

    @Test
    fun `refuses a pool that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { describeUserPool(cognito, "us-east-1_doesnotexist") }
        }
}
