// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import com.example.cognito.support.PoolTest
import com.example.cognito.support.TestPool
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.confirmedUser
import com.example.cognito.support.newPool
import com.example.cognito.support.removePool
import com.example.cognito.support.runJava
import com.example.cognito.support.sdkEnvironment
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import java.io.ByteArrayOutputStream
import java.io.PrintStream

/** The actions' command-line entry points, as a reader runs them. */
class CommandLineTest : PoolTest() {
    @ParameterizedTest
    @ValueSource(
        strings = [
            "AdminDeleteUser", "AdminGetUser", "AdminInitiateAuth", "AdminRespondToAuthChallenge",
            "AssociateSoftwareToken", "ConfirmDevice", "ConfirmSignUp", "CreateUserPool", "CreateUserPoolClient",
            "DeleteUserPool", "DeleteUserPoolClient", "DescribeUserPool", "DescribeUserPoolClient", "ForgetDevice",
            "GetUserPoolMfaConfig", "InitiateAuth", "ListDevices", "ListUsers", "ResendConfirmationCode",
            "RespondToAuthChallenge", "SecretHash", "SetUserPoolMfaConfig", "SignUp", "UpdateDeviceStatus",
            "VerifySoftwareToken",
        ],
    )
    fun `every action answers --help with its usage`(action: String) {
        val main = Class.forName("com.example.cognito.actions.${action}Kt").getMethod("main", Array<String>::class.java)

        val out = captureStdout { main.invoke(null, arrayOf("--help")) }

        assertTrue(out.startsWith("Usage: $action"), out)
        assertTrue(out.lines().size > 2, "a sentence on what it does: $out")
    }

    @Test
    fun `a wrong number of arguments is a usage error, exit 2, before any call`() {
        var called = false
        val status = runExample(arrayOf("only-one"), "Usage: Example <a> <b>", 2..2) { _, _ -> called = true }

        assertEquals(EXIT_USAGE, status)
        assertTrue(!called)
    }

    @Test
    fun `an example runs against the endpoint of AWS_ENDPOINT_URL`() =
        cognitoTest {
            val username = confirmedUser(pool)

            val run = runJava("com.example.cognito.actions.ListUsersKt", listOf(pool.id), emulator.sdkEnvironment())

            assertEquals(0, run.status, run.stderr)
            assertTrue(run.stdout.lines().any { it.startsWith("$username  CONFIRMED  $username@example.com") }, run.stdout)
        }

    @Test
    fun `a refused call exits 1 after logging Cognito's error code and message`() {
        val run =
            runJava("com.example.cognito.actions.DescribeUserPoolKt", listOf("us-east-1_doesnotexist"), emulator.sdkEnvironment())

        assertEquals(EXIT_REFUSED, run.status)
        assertTrue("Here's why: ResourceNotFoundException: " in run.stderr, run.stderr)
        assertEquals("", run.stdout)
    }

    @Test
    fun `no Region is one line on stderr, exit 2, not a stack trace`() {
        val run =
            runJava(
                "com.example.cognito.actions.ListUsersKt",
                listOf(pool.id),
                emulator.sdkEnvironment() - "AWS_REGION",
            )

        assertEquals(EXIT_USAGE, run.status)
        assertEquals(listOf("error: no AWS Region: set AWS_REGION (or a region in your AWS profile)"), run.stderr.trim().lines())
    }

    private fun captureStdout(block: () -> Unit): String {
        val buffer = ByteArrayOutputStream()
        val stdout = System.out
        System.setOut(PrintStream(buffer, true, Charsets.UTF_8))
        try {
            block()
        } finally {
            System.setOut(stdout)
        }
        return buffer.toString(Charsets.UTF_8)
    }
}
