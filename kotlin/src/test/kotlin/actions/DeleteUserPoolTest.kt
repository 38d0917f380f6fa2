// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import com.example.cognito.support.EmulatorTest
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import org.junit.jupiter.api.Test

class DeleteUserPoolTest : EmulatorTest() {
    @Test
    fun `deletes the pool`() =
        cognitoTest {
            val pool = newPool()

            deleteUserPool(cognito, pool.id)

            assertRefused<ResourceNotFoundException> { describeUserPool(cognito, pool.id) }
        }

    @Test
    fun `refuses a pool that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { deleteUserPool(cognito, "us-east-1_doesnotexist") }
        }
}
