// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.GetUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.mfaUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class InitiateAuthTest : PoolTest(withMfaPool = true) {
    @Test
    fun `signs in with the password and returns working tokens`() =
        cognitoTest {
            val username = confirmedUser(pool)

            val response = initiateAuth(cognito, pool.clientId, username, TEST_PASSWORD)

            val accessToken = checkNotNull(response.authenticationResult?.accessToken)
            assertEquals(username, cognito.getUser(GetUserRequest { this.accessToken = accessToken }).username)
        }

    @Test
    fun `asks an MFA user for the authenticator code`() =
        cognitoTest {
            val user = mfaUser(mfaPool)

            val response = initiateAuth(cognito, mfaPool.clientId, user.username, TEST_PASSWORD)

            assertEquals(ChallengeNameType.SoftwareTokenMfa, response.challengeName)
        }

    @Test
    fun `refuses when the app client doesn't allow the user password flow`() =
        cognitoTest {
            val adminOnly =
                checkNotNull(
                    createUserPoolClient(
                        cognito,
                        pool.id,
                        "admin-only",
                        explicitAuthFlows = listOf(ExplicitAuthFlowsType.AllowAdminUserPasswordAuth),
                    ).clientId,
                )
            val username = confirmedUser(pool)

            assertRefused<InvalidParameterException> { initiateAuth(cognito, adminOnly, username, TEST_PASSWORD) }
        }
}
