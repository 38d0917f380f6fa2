// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolMfaType
import com.example.cognito.support.EmulatorTest
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class GetUserPoolMfaConfigTest : EmulatorTest() {
    @Test
    fun `reads the MFA settings of a new pool and of an MFA pool`() =
        cognitoTest {
            val plain = newPool()
            val mfa = newPool(mfa = true)
            try {
                assertEquals(UserPoolMfaType.Off, getUserPoolMfaConfig(cognito, plain.id).mfaConfiguration)
                val config = getUserPoolMfaConfig(cognito, mfa.id)
                assertEquals(UserPoolMfaType.On, config.mfaConfiguration)
                assertEquals(true, config.softwareTokenMfaConfiguration?.enabled)
            } finally {
                deleteUserPool(cognito, plain.id)
                deleteUserPool(cognito, mfa.id)
            }
        }

    @Test
    fun `refuses a pool that doesn't exist`() =
        cognitoTest {
            assertRefused<ResourceNotFoundException> { getUserPoolMfaConfig(cognito, "us-east-1_doesnotexist") }
        }
}
