// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.GetUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotConfirmedException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.mfaUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.uniqueName
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class AdminInitiateAuthTest : PoolTest(withMfaPool = true) {
    @Test
    fun `signs in with the password and returns working tokens`() =
        cognitoTest {
            val username = confirmedUser(pool)

            val response = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)

            assertNull(response.challengeName)
            val accessToken = checkNotNull(response.authenticationResult?.accessToken)
            assertNotNull(response.authenticationResult?.refreshToken)
            assertEquals(username, cognito.getUser(GetUserRequest { this.accessToken = accessToken }).username)
        }

    @Test
    fun `asks an MFA user for the authenticator code`() =
        cognitoTest {
            val user = mfaUser(mfaPool)

            val response = adminInitiateAuth(cognito, mfaPool.id, mfaPool.clientId, user.username, TEST_PASSWORD)

            assertEquals(ChallengeNameType.SoftwareTokenMfa, response.challengeName)
            assertNotNull(response.session)
            assertNull(response.authenticationResult)
        }

    @Test
    fun `refuses a wrong password`() =
        cognitoTest {
            val username = confirmedUser(pool)
            assertRefused<NotAuthorizedException> {
                adminInitiateAuth(cognito, pool.id, pool.clientId, username, "Wrong-Passw0rd!")
            }
        }

    @Test
    fun `refuses a user who hasn't confirmed the sign-up`() =
        cognitoTest {
            val username = uniqueName("pending")
            signUp(cognito, pool.clientId, username, TEST_PASSWORD, "$username@example.com")

            assertRefused<UserNotConfirmedException> {
                adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)
            }
        }
}
