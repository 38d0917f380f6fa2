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
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class DeleteUserPoolClientTest : PoolTest() {
    @Test
    fun `deletes the app client`() =
        cognitoTest {
            val app = checkNotNull(createUserPoolClient(cognito, pool.id, "short-lived").clientId)

            deleteUserPoolClient(cognito, pool.id, app)

            assertRefused<ResourceNotFoundException> { describeUserPoolClient(cognito, pool.id, app) }
        }

    @Test
    fun `refuses an app client that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { deleteUserPoolClient(cognito, pool.id, "doesnotexist") }
        }
}
