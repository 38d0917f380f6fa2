// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.runJava
import com.example.cognito.support.sdkEnvironment
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

class HelloCognitoTest : PoolTest() {
    @Test
    fun `says hello with the user pools of the account`() {
        val run = runJava("com.example.cognito.actions.HelloCognitoKt", environment = emulator.sdkEnvironment())

        assertEquals(0, run.status, run.stderr)
        assertTrue(run.stdout.startsWith("Hello, Amazon Cognito!"), run.stdout)
        assertTrue(run.stdout.lines().any { it.trim().startsWith(pool.id) }, run.stdout)
    }

    @Test
    fun `without credentials it says so in one line, exit 2`() {
        val run = runJava("com.example.cognito.actions.HelloCognitoKt", environment = mapOf("AWS_REGION" to "us-east-1"))

        assertEquals(2, run.status)
        val lines = run.stderr.trim().lines()
        assertEquals(1, lines.size, run.stderr)
        assertTrue(lines.single().startsWith("error: No identity could be resolved"), run.stderr)
    }
}
