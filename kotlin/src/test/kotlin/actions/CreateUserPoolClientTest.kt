// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
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
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class CreateUserPoolClientTest : PoolTest() {
    @Test
    fun `creates an app client with the given flows, and a secret only when asked`() =
        cognitoTest {
            val flows = listOf(ExplicitAuthFlowsType.AllowAdminUserPasswordAuth, ExplicitAuthFlowsType.AllowRefreshTokenAuth)

            val public = createUserPoolClient(cognito, pool.id, "public-app", explicitAuthFlows = flows)
            val server = createUserPoolClient(cognito, pool.id, "server-app", generateSecret = true)

            assertEquals(flows.toSet(), public.explicitAuthFlows?.toSet())
            assertNull(public.clientSecret)
            assertNotNull(server.clientSecret)
            assertEquals("server-app", describeUserPoolClient(cognito, pool.id, checkNotNull(server.clientId)).clientName)
        }

    @Test
    fun `refuses a pool that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { createUserPoolClient(cognito, "us-east-1_doesnotexist", "app") }
        }
}
