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
import com.example.cognito.support.mfaUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.totpCode
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class RespondToAuthChallengeTest : PoolTest(mfa = true) {
    @Test
    fun `answers SOFTWARE_TOKEN_MFA with the app's code and gets tokens`() =
        cognitoTest {
            val user = mfaUser(pool)
            val challenge = initiateAuth(cognito, pool.clientId, user.username, TEST_PASSWORD)

            val response =
                respondToAuthChallenge(
                    cognito,
                    pool.clientId,
                    ChallengeNameType.SoftwareTokenMfa,
                    challenge.session,
                    mapOf("USERNAME" to user.username, "SOFTWARE_TOKEN_MFA_CODE" to totpCode(user.secret)),
                )

            assertNotNull(response.authenticationResult?.idToken)
        }

    @Test
    fun `refuses a session older than 3 minutes`() =
        cognitoTest {
            val user = mfaUser(pool)
            val challenge = initiateAuth(cognito, pool.clientId, user.username, TEST_PASSWORD)
            emulator.control.advanceClock(4 * 60)

            val error =
                assertRefused<NotAuthorizedException> {
                    respondToAuthChallenge(
                        cognito,
                        pool.clientId,
                        ChallengeNameType.SoftwareTokenMfa,
                        challenge.session,
                        mapOf("USERNAME" to user.username, "SOFTWARE_TOKEN_MFA_CODE" to totpCode(user.secret)),
                    )
                }
            assert(
                "session" in
                    error.sdkErrorMetadata.errorMessage
                        .orEmpty()
                        .lowercase(),
            )
        }
}
