// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExpiredCodeException
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

class ConfirmSignUpTest : PoolTest() {
    private suspend fun signedUp(): Pair<String, String> {
        val username = uniqueName("ben")
        signUp(cognito, pool.clientId, username, TEST_PASSWORD, "$username@example.com")
        return username to checkNotNull(emulator.control.latestCode(username, pool.id))
    }

    @Test
    fun `confirms the user with the delivered code`() =
        cognitoTest {
            val (username, code) = signedUp()

            confirmSignUp(cognito, pool.clientId, username, code)

            val user = adminGetUser(cognito, pool.id, username)
            assertEquals(UserStatusType.Confirmed, user.userStatus)
            assertEquals("true", user.userAttributes?.single { it.name == "email_verified" }?.value)
        }

    @Test
    fun `refuses a wrong code`() =
        cognitoTest {
            val (username, code) = signedUp()
            val wrong = if (code == "000000") "111111" else "000000"

            assertRefused<CodeMismatchException> { confirmSignUp(cognito, pool.clientId, username, wrong) }
            assertEquals(UserStatusType.Unconfirmed, adminGetUser(cognito, pool.id, username).userStatus)
        }

    @Test
    fun `refuses a code older than a day`() =
        cognitoTest {
            val (username, code) = signedUp()
            emulator.control.advanceClock(25 * 3600)

            assertRefused<ExpiredCodeException> { confirmSignUp(cognito, pool.clientId, username, code) }
        }
}
