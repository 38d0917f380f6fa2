// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolMfaType
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class SetUserPoolMfaConfigTest : PoolTest() {
    @Test
    fun `requires MFA by authenticator app at the next sign-in`() =
        cognitoTest {
            val response = setUserPoolMfaConfig(cognito, pool.id, UserPoolMfaType.On, softwareTokenEnabled = true)

            assertEquals(UserPoolMfaType.On, response.mfaConfiguration)
            assertEquals(true, response.softwareTokenMfaConfiguration?.enabled)
            val username = confirmedUser(pool)
            val signIn = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)
            assertEquals(ChallengeNameType.MfaSetup, signIn.challengeName)
        }

    @Test
    fun `refuses a pool that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { setUserPoolMfaConfig(cognito, "us-east-1_doesnotexist") }
        }
}
