// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.mfaUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class AssociateSoftwareTokenTest : PoolTest(mfa = true) {
    private val base32 = Regex("[A-Z2-7]{16,}")

    @Test
    fun `gives a base32 secret and the next session during MFA_SETUP`() =
        cognitoTest {
            val username = confirmedUser(pool)
            val challenge = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)
            assertEquals(ChallengeNameType.MfaSetup, challenge.challengeName)

            val response = associateSoftwareToken(cognito, session = challenge.session)

            assertTrue(base32.matches(checkNotNull(response.secretCode)))
            assertNotNull(response.session)
            assertNotEquals(challenge.session, response.session)
        }

    @Test
    fun `gives a signed-in user a new secret`() =
        cognitoTest {
            val user = mfaUser(pool)

            val response = associateSoftwareToken(cognito, accessToken = user.tokens.accessToken)

            assertTrue(base32.matches(checkNotNull(response.secretCode)))
            assertNotEquals(user.secret, response.secretCode)
        }

    @Test
    fun `refuses a session that isn't Cognito's`() =
        cognitoTest {
            assertRefused<NotAuthorizedException> { associateSoftwareToken(cognito, session = "not-a-session".repeat(3)) }
        }

    @Test
    fun `needs exactly one of session and access token`() {
        assertThrows<IllegalArgumentException> { runBlocking { associateSoftwareToken(cognito) } }
        assertThrows<IllegalArgumentException> { runBlocking { associateSoftwareToken(cognito, session = "a", accessToken = "b") } }
    }
}
