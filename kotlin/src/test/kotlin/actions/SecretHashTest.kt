// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
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
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class SecretHashTest : PoolTest(secret = true) {
    @Test
    fun `the hash Cognito checks lets a user sign up and in through a client with a secret`() =
        cognitoTest {
            val username = uniqueName("dee")
            val hash = computeSecretHash(username, pool.clientId, checkNotNull(pool.clientSecret))

            signUp(cognito, pool.clientId, username, TEST_PASSWORD, "$username@example.com", hash)
            val code = checkNotNull(emulator.control.latestCode(username, pool.id))
            confirmSignUp(cognito, pool.clientId, username, code, hash)
            val tokens = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD, hash)

            assertEquals(null, tokens.challengeName)
        }

    @Test
    fun `a hash of another user name is refused`() =
        cognitoTest {
            val username = uniqueName("eve")
            val other = computeSecretHash("$username-other", pool.clientId, checkNotNull(pool.clientSecret))
            assertNotEquals(computeSecretHash(username, pool.clientId, checkNotNull(pool.clientSecret)), other)

            assertRefused<NotAuthorizedException> {
                signUp(cognito, pool.clientId, username, TEST_PASSWORD, "$username@example.com", other)
            }
        }
}
