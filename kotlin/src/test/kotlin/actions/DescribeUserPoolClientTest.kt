// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import com.example.cognito.support.ALL_FLOWS
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class DescribeUserPoolClientTest : PoolTest(secret = true) {
    @Test
    fun `describes the app client with its flows and secret`() =
        cognitoTest {
            val app = describeUserPoolClient(cognito, pool.id, pool.clientId)

            assertEquals(pool.clientId, app.clientId)
            assertEquals(ALL_FLOWS.toSet(), app.explicitAuthFlows?.toSet())
            assertEquals(pool.clientSecret, app.clientSecret)
        }

    @Test
    fun `refuses an app client that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { describeUserPoolClient(cognito, pool.id, "doesnotexist") }
        }
}
