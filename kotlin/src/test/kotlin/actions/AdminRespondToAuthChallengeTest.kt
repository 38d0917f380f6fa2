// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.mfaUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.totpCode
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class AdminRespondToAuthChallengeTest : PoolTest(mfa = true) {
    @Test
    fun `answers SOFTWARE_TOKEN_MFA with the app's code and gets tokens`() =
        cognitoTest {
            val user = mfaUser(pool)
            val challenge = adminInitiateAuth(cognito, pool.id, pool.clientId, user.username, TEST_PASSWORD)

            val response =
                adminRespondToAuthChallenge(
                    cognito,
                    pool.id,
                    pool.clientId,
                    ChallengeNameType.SoftwareTokenMfa,
                    challenge.session,
                    mapOf("USERNAME" to user.username, "SOFTWARE_TOKEN_MFA_CODE" to totpCode(user.secret)),
                )

            assertNotNull(response.authenticationResult?.accessToken)
            assertEquals(null, response.challengeName)
        }

    @Test
    fun `refuses a wrong code`() =
        cognitoTest {
            val user = mfaUser(pool)
            val challenge = adminInitiateAuth(cognito, pool.id, pool.clientId, user.username, TEST_PASSWORD)
            val right = totpCode(user.secret)
            val wrong = ((right.toInt() + 1) % 1_000_000).toString().padStart(6, '0')

            assertRefused<CodeMismatchException> {
                adminRespondToAuthChallenge(
                    cognito,
                    pool.id,
                    pool.clientId,
                    ChallengeNameType.SoftwareTokenMfa,
                    challenge.session,
                    mapOf("USERNAME" to user.username, "SOFTWARE_TOKEN_MFA_CODE" to wrong),
                )
            }
        }
}
