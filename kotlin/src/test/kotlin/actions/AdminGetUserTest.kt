// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserStatusType
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.uniqueName
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class AdminGetUserTest : PoolTest() {
    @Test
    fun `gets the user's status and attributes`() =
        cognitoTest {
            val username = confirmedUser(pool)

            val user = adminGetUser(cognito, pool.id, username)

            assertEquals(username, user.username)
            assertEquals(UserStatusType.Confirmed, user.userStatus)
            assertTrue(user.enabled)
            assertEquals("$username@example.com", user.userAttributes?.single { it.name == "email" }?.value)
        }

    @Test
    fun `refuses a user who doesn't exist`() =
        cognitoTest {
            assertRefused<UserNotFoundException> { adminGetUser(cognito, pool.id, uniqueName("nobody")) }
        }
}
