// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserStatusType
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
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class ResendConfirmationCodeTest : PoolTest() {
    @Test
    fun `sends a new code that confirms the user`() =
        cognitoTest {
            val username = uniqueName("cy")
            signUp(cognito, pool.clientId, username, TEST_PASSWORD, "$username@example.com")

            val delivery = resendConfirmationCode(cognito, pool.clientId, username)

            assertEquals("EMAIL", delivery?.deliveryMedium?.value)
            val messages = emulator.control.messages(username, pool.id)
            assertEquals(listOf("CustomMessage_SignUp", "CustomMessage_ResendCode"), messages.map { it.trigger })
            confirmSignUp(cognito, pool.clientId, username, messages.last().code)
            assertEquals(UserStatusType.Confirmed, adminGetUser(cognito, pool.id, username).userStatus)
        }

    @Test
    fun `refuses a user who doesn't exist`() =
        cognitoTest {
            assertRefused<UserNotFoundException> { resendConfirmationCode(cognito, pool.clientId, uniqueName("nobody")) }
        }
}
