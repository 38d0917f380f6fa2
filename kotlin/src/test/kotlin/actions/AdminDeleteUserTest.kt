// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class AdminDeleteUserTest : PoolTest() {
    @Test
    fun `deletes the user`() =
        cognitoTest {
            val username = confirmedUser(pool)

            adminDeleteUser(cognito, pool.id, username)

            assertRefused<UserNotFoundException> { adminGetUser(cognito, pool.id, username) }
        }

    @Test
    fun `refuses a user deleted already`() =
        cognitoTest {
            val username = confirmedUser(pool)
            adminDeleteUser(cognito, pool.id, username)

            assertRefused<UserNotFoundException> { adminDeleteUser(cognito, pool.id, username) }
        }
}
