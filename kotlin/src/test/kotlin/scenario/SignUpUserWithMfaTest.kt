// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import com.example.cognito.actions.describeUserPool
import com.example.cognito.support.EmulatorTest
import com.example.cognito.support.cognitoTest
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource
import java.io.ByteArrayOutputStream
import java.io.File
import java.io.PrintStream
import java.util.concurrent.TimeUnit

/** The scenario as scenarios/SPECIFICATION.md describes it, run against the tests' emulator. */
class SignUpUserWithMfaTest : EmulatorTest() {
    private data class Run(
        val status: Int,
        val out: String,
        val err: String,
    ) {
        val lines: List<String> get() = out.lines()

        fun value(label: String): String = lines.first { it.startsWith("     $label: ") }.substringAfter(": ")
    }

    /** Runs the scenario in this JVM (no signal handlers) with [prompter] as the person. */
    private fun scenario(
        vararg args: String,
        prompter: Prompter? = null,
        environment: Map<String, String> = emptyMap(),
    ): Run {
        val out = ByteArrayOutputStream()
        val err = ByteArrayOutputStream()
        val io = ScenarioIo(PrintStream(out, true, Charsets.UTF_8), PrintStream(err, true, Charsets.UTF_8), prompter, environment)
        val status = run(arrayOf(*args), io, handleSignals = false)
        return Run(status, out.toString(Charsets.UTF_8), err.toString(Charsets.UTF_8))
    }

    /** A person who answers each prompt with [answer] (`null`: end of input), in order. */
    private class Person(
        val answer: suspend (prompt: String) -> String?,
    ) : Prompter {
        val prompts = mutableListOf<String>()

        override suspend fun line(prompt: String): String? = prompts.add(prompt).let { answer(prompt) }

        override suspend fun secret(prompt: String): String? = line(prompt)
    }

    private val stepHeader = Regex("""^Step (\d) of 8 \[[#.]{8}]  (.+)$""")
    private val call = Regex("""^  -> ([A-Za-z]+)(?: \(([A-Z_]+)\))?: """)

    /** What the harness checks on every run: widths, secrets, and no pool left behind. */
    private fun assertKeepsPromises(run: Run) {
        val wide = run.lines.filter { it.length > 80 && !it.startsWith("/") }
        assertEquals(emptyList<String>(), wide, "lines over 80 columns")
        val tokenLike = Regex("""[A-Za-z0-9_\-.=+/]{60,}""")
        val secrets =
            run.lines.filter { line ->
                line.split(' ').any {
                    tokenLike.matches(it) && it.any(Char::isLetterOrDigit) &&
                        !it.startsWith("/")
                }
            }
        assertEquals(emptyList<String>(), secrets, "unmasked secrets")
        run.lines.filter { it.startsWith("     User pool ID: ") }.forEach { line ->
            val poolId = line.substringAfter(": ")
            runBlocking {
                try {
                    describeUserPool(cognito, poolId)
                    fail<Unit>("user pool $poolId was left behind")
                } catch (e: ResourceNotFoundException) {
                    // removed, as promised
                }
            }
        }
    }

    @Test
    fun `--auto runs the 8 steps, their calls and markers, and removes everything`() {
        val run = scenario("--auto", "--endpoint", emulator.url)

        assertEquals(0, run.status, run.err)
        assertEquals("", run.err)
        assertEquals(
            (1..8).toList(),
            run.lines.mapNotNull {
                stepHeader
                    .matchEntire(it)
                    ?.groupValues
                    ?.get(1)
                    ?.toInt()
            },
        )
        val calls =
            run.lines.mapNotNull {
                call.find(it)?.let { m ->
                    m.groupValues[1] +
                        m.groupValues[2].let { c -> if (c.isEmpty()) "" else "/$c" }
                }
            }
        assertEquals(
            listOf(
                "CreateUserPool",
                "SetUserPoolMfaConfig",
                "CreateUserPoolClient",
                "SignUp",
                "ConfirmSignUp",
                "ListUsers",
                "AdminInitiateAuth",
                "AssociateSoftwareToken",
                "VerifySoftwareToken",
                "AdminRespondToAuthChallenge/MFA_SETUP",
                "AdminInitiateAuth",
                "AdminRespondToAuthChallenge/SOFTWARE_TOKEN_MFA",
                "ConfirmDevice",
                "AdminInitiateAuth",
                "AdminRespondToAuthChallenge/DEVICE_SRP_AUTH",
                "AdminRespondToAuthChallenge/DEVICE_PASSWORD_VERIFIER",
                "ListDevices",
                "ForgetDevice",
                "AdminDeleteUser",
                "DeleteUserPoolClient",
                "DeleteUserPool",
            ),
            calls,
        )
        assertTrue(run.lines.any { Regex("""^The local backend 'e-mailed' the code to its outbox: \d{6}$""").matches(it) })
        assertTrue(Regex("""[A-Z2-7]{4}(?: [A-Z2-7]{1,4})*""").matches(run.value("Setup key")))
        val masked = Regex("""^     (IdToken|AccessToken|RefreshToken): \S{5}\.\.\.\S{4} \(\d+ chars\)$""")
        assertEquals(9, run.lines.count { masked.matches(it) }) // three sign-ins, three tokens each
        val removed = run.lines.filter { it.startsWith("  ok Removed ") }
        assertEquals(5 - 1, removed.count { it.endsWith(".") }, removed.toString()) // all but the backend: --endpoint
        assertTrue(run.lines.any { it == "Password: ********   (--auto)" })
        assertTrue(run.lines.last { it.isNotBlank() }.startsWith("Done: "))
        assertKeepsPromises(run)
        val key = run.lines.indexOfFirst { it.startsWith("     Setup key: ") }
        val firstCode = run.lines.indexOfFirst { it.startsWith("Authenticator code: ") }
        assertTrue(firstCode - key + 1 <= 24, "the key, QR code and first prompt take ${firstCode - key + 1} lines")
        val qrImage = run.lines.first { it.startsWith("/") && it.endsWith("totp-qr.png") }
        assertTrue(!File(qrImage).exists(), "the QR code image was removed")
    }

    @Test
    fun `a person's mistakes are explained and asked again`() {
        var codesAsked = 0
        var totpAsked = 0
        var username = ""
        lateinit var person: Person
        person =
            Person { prompt ->
                when {
                    prompt.startsWith("User name") -> {
                        username = prompt.substringAfter('[').substringBefore(']') // the default
                        ""
                    }

                    prompt.startsWith("Password") -> {
                        if (person.prompts.count { it.startsWith("Password") } ==
                            1
                        ) {
                            "short"
                        } else {
                            "Val1d-Passw0rd!"
                        }
                    }

                    prompt.startsWith("E-mail") -> {
                        ""
                    }

                    prompt.startsWith("Confirmation code") -> {
                        when (codesAsked++) {
                            0 -> {
                                "000000"
                            }

                            1 -> {
                                "r"
                            }

                            else -> {
                                emulator.control
                                    .messages(username)
                                    .last()
                                    .code
                            }
                        }
                    }

                    "authenticator app" in prompt -> {
                        if (totpAsked++ == 0) "12345" else ""
                    }

                    else -> {
                        fail("unexpected prompt: $prompt")
                    }
                }
            }

        val run = scenario("--endpoint", emulator.url, prompter = person)

        assertEquals(0, run.status, run.out + run.err)
        val problems = run.lines.filter { it.startsWith("  !! ") }
        assertTrue(problems.any { "password" in it.lowercase() }, problems.toString())
        assertTrue(problems.any { it.startsWith("  !! Wrong code") }, problems.toString())
        assertTrue(problems.any { "6 digits" in it }, problems.toString())
        assertTrue(run.lines.any { it.startsWith("  -> ResendConfirmationCode: ") })
        assertKeepsPromises(run)
    }

    @Test
    fun `an expired sign-in session is explained and the scenario signs in again`() {
        var totpAsked = 0
        var username = ""
        val person =
            Person { prompt ->
                when {
                    prompt.startsWith("User name") -> {
                        username = prompt.substringAfter('[').substringBefore(']') // the default
                        ""
                    }

                    prompt.startsWith("Password") -> {
                        "Val1d-Passw0rd!"
                    }

                    prompt.startsWith("Confirmation code") -> {
                        emulator.control
                            .messages(username)
                            .last()
                            .code
                    }

                    "authenticator app" in prompt -> {
                        // The person takes 4 minutes over the first code: the session is gone.
                        if (totpAsked++ == 0) emulator.control.advanceClock(4 * 60)
                        ""
                    }

                    else -> {
                        ""
                    }
                }
            }

        val run = scenario("--endpoint", emulator.url, prompter = person)

        assertEquals(0, run.status, run.out + run.err)
        assertTrue(run.lines.any { it.startsWith("  !! The sign-in session expired") }, run.out)
        assertEquals(2, run.lines.count { it.startsWith("  -> AssociateSoftwareToken: ") })
        assertKeepsPromises(run)
    }

    @Test
    fun `the end of input stops the scenario, exit 1, after removing what it created`() {
        val run =
            scenario(
                "--endpoint",
                emulator.url,
                prompter =
                    Person { prompt ->
                        when {
                            prompt.startsWith("Confirmation code") -> null
                            prompt.startsWith("Password") -> "Val1d-Passw0rd!"
                            else -> ""
                        }
                    },
            )

        assertEquals(1, run.status)
        assertEquals(listOf("$PROG: the input ended before the scenario did"), run.err.trim().lines())
        assertTrue(run.lines.any { it.startsWith("  ok Removed user pool ") })
        assertKeepsPromises(run)
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = [
            "--bogus|                           |unknown argument --bogus",
            "--target aws --auto|               |--auto runs only on --target local",
            "--target aws|1                     |--target aws never runs in CI",
            "--user-pool-id us-east-1_x|        |give both --user-pool-id and --client-id",
            "--target local|                    |stdin is not a terminal",
        ],
    )
    fun `usage mistakes exit 2 with one line that says why`(
        args: String,
        ci: String?,
        message: String,
    ) {
        val run = scenario(*args.split(' ').toTypedArray(), environment = if (ci != null) mapOf("CI" to ci) else emptyMap())

        assertEquals(2, run.status)
        assertTrue(
            run.err
                .trim()
                .lines()
                .last()
                .startsWith("$PROG: "),
            run.err,
        )
        assertTrue(message in run.err, run.err)
        assertEquals("", run.out)
    }

    @Test
    fun `--help prints the usage, exit 0`() {
        val run = scenario("--help")

        assertEquals(0, run.status)
        assertTrue(run.out.startsWith("Usage: $PROG"))
    }

    @ParameterizedTest
    @CsvSource("TERM, 143", "INT, 130")
    fun `a signal stops the scenario after it cleaned up`(
        signal: String,
        expected: Int,
    ) = cognitoTest {
        val classpath = System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path")
        val java = File(System.getProperty("java.home"), "bin/java").path
        val process =
            ProcessBuilder(java, "-cp", classpath, "com.example.cognito.scenario.SignUpUserWithMfaKt", "--auto", "--endpoint", emulator.url)
                .redirectErrorStream(true)
                .start()
        val lines = mutableListOf<String>()
        process.inputStream.bufferedReader().useLines { output ->
            for (line in output) {
                lines += line
                if (line.startsWith("Step 2 of 8")) { // the pool and app client exist
                    ProcessBuilder("kill", "-$signal", process.pid().toString()).start().waitFor()
                }
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS))

        assertEquals(expected, process.exitValue(), lines.joinToString("\n"))
        assertTrue(lines.any { it.startsWith("  ok Removed user pool ") }, lines.joinToString("\n"))
        assertKeepsPromises(Run(expected, lines.joinToString("\n"), ""))
    }
}
