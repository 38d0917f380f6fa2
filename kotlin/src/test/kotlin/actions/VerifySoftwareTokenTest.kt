package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType
import com.example.cognito.support.EmulatorTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.totpCode
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class VerifySoftwareTokenTest : EmulatorTest() {
    private lateinit var pool: TestPool

    @BeforeAll
    fun createPool() = cognitoTest { pool = newPool(mfa = true) }

    @AfterAll
    fun deletePool() = removePool(pool)

    private suspend fun associated(): Triple<String, String, String?> {
        val username = confirmedUser(pool)
        val challenge = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)
        val response = associateSoftwareToken(cognito, session = challenge.session)
        return Triple(username, checkNotNull(response.secretCode), response.session)
    }

    @Test
    fun `accepts the app's code, after which MFA_SETUP completes`() =
        cognitoTest {
            val (username, secret, session) = associated()

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
            val (_, secret, session) = associated()
            val right = totpCode(secret)
            val wrong = ((right.toInt() + 1) % 1_000_000).toString().padStart(6, '0')

            assertRefused<EnableSoftwareTokenMfaException> { verifySoftwareToken(cognito, wrong, session = session) }
        }
}
