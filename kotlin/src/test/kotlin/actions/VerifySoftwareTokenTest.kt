// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.startMfaSetup
import com.example.cognito.support.totpCode
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class VerifySoftwareTokenTest : PoolTest(mfa = true) {
    @Test
    fun `accepts the app's code, after which MFA_SETUP completes`() =
        cognitoTest {
            val (username, secret, session) = startMfaSetup(pool)

            val verified = verifySoftwareToken(cognito, totpCode(secret), session = session, friendlyDeviceName = "phone")

            assertEquals(VerifySoftwareTokenResponseType.Success, verified.status)
            val done =
                adminRespondToAuthChallenge(
                    cognito,
                    pool.id,
                    pool.clientId,
                    ChallengeNameType.MfaSetup,
                    verified.session,
                    mapOf("USERNAME" to username),
                )
            assertNotNull(done.authenticationResult?.accessToken)
            val next = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)
            assertEquals(ChallengeNameType.SoftwareTokenMfa, next.challengeName)
        }

    @Test
    fun `refuses a wrong code`() =
        cognitoTest {
            val (_, secret, session) = startMfaSetup(pool)
            val right = totpCode(secret)
            val wrong = ((right.toInt() + 1) % 1_000_000).toString().padStart(6, '0')

            assertRefused<EnableSoftwareTokenMfaException> { verifySoftwareToken(cognito, wrong, session = session) }
        }
}
