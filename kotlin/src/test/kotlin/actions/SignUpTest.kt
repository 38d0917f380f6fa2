// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidPasswordException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserStatusType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UsernameExistsException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.uniqueName
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class SignUpTest : PoolTest() {
    @Test
    fun `signs an unconfirmed user up and has a code e-mailed`() =
        cognitoTest {
            val username = uniqueName("ana")
            val response = signUp(cognito, pool.clientId, username, TEST_PASSWORD, "$username@example.com")

            assertFalse(response.userConfirmed)
            assertNotNull(response.userSub)
            assertEquals("EMAIL", response.codeDeliveryDetails?.deliveryMedium?.value)
            assertEquals(UserStatusType.Unconfirmed, adminGetUser(cognito, pool.id, username).userStatus)
            val codes = emulator.control.messages(username, pool.id).map { it.code }
            assertEquals(1, codes.size)
            assert(codes.single().matches(Regex("\\d{6}")))
        }

    @Test
    fun `refuses a taken user name`() =
        cognitoTest {
            val username = uniqueName("ana")
            signUp(cognito, pool.clientId, username, TEST_PASSWORD, "$username@example.com")

            assertRefused<UsernameExistsException> {
                signUp(cognito, pool.clientId, username, TEST_PASSWORD, "other@example.com")
            }
        }

    @Test
    fun `refuses a password the pool's policy doesn't allow`() =
        cognitoTest {
            val username = uniqueName("ana")
            assertRefused<InvalidPasswordException> {
                signUp(cognito, pool.clientId, username, "short", "$username@example.com")
            }
        }
}
