// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserStatusType
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.uniqueName
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class ListUsersTest : PoolTest() {
    @Test
    fun `lists every user with their status`() =
        cognitoTest {
            val confirmed = (1..3).map { confirmedUser(pool, uniqueName("user$it")) }
            val pending = uniqueName("pending")
            signUp(cognito, pool.clientId, pending, TEST_PASSWORD, "$pending@example.com")

            val users = listUsers(cognito, pool.id).associate { it.username to it.userStatus }

            assertEquals((confirmed + pending).toSet(), users.keys)
            assertEquals(UserStatusType.Unconfirmed, users[pending])
            assertEquals(UserStatusType.Confirmed, users[confirmed.first()])
        }

    @Test
    fun `refuses a pool that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { listUsers(cognito, "us-east-1_doesnotexist") }
        }
}
