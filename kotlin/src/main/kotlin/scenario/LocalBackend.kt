// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import aws.sdk.kotlin.runtime.auth.credentials.StaticCredentialsProvider
import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.smithy.kotlin.runtime.net.url.Url
import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/*
 * The local backend: a `cognito-emulator` process (a local Cognito built on moto, from the
 * project's Python environment) and a Cognito client that can only ever reach it.
 */

/** The Region the local backend pretends to be in. */
const val LOCAL_REGION = "us-east-1"

/** Why the local backend couldn't start; the message is one line for the user. */
class LocalBackendException(
    message: String,
) : Exception(message)

/**
 * A `cognito-emulator` started by this program on a free loopback port, with its outbox in a
 * new private folder; [close] stops it (SIGTERM) and removes the folder.
 *
 * The program is the one named by the environment variable `COGNITO_EMULATOR`, else
 * `cognito-emulator` on `PATH`.
 */
class LocalBackend private constructor(
    /** The backend's URL, such as `http://127.0.0.1:40123`. */
    val url: String,
    private val process: Process,
    private val folder: Path,
) : AutoCloseable {
    /** Stops the emulator if this JVM exits without [close] (the emulator has a session of its own). */
    private val stopAtExit = Thread { process.destroyForcibly() }

    init {
        Runtime.getRuntime().addShutdownHook(stopAtExit)
    }

    override fun close() {
        runCatching { Runtime.getRuntime().removeShutdownHook(stopAtExit) } // fails once the JVM is exiting
        process.destroy() // SIGTERM: the emulator stops its server and exits
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS)
        }
        folder.toFile().deleteRecursively()
    }

    companion object {
        /** The environment variable that names the emulator program. */
        const val PROGRAM_VARIABLE = "COGNITO_EMULATOR"

        private val READY = Regex("""^cognito-emulator listening on (http://\S+), outbox (.+)$""")

        /** The emulator program to run, or `null` when there is none. */
        fun findProgram(environment: Map<String, String> = System.getenv()): String? {
            environment[PROGRAM_VARIABLE]?.takeIf { it.isNotBlank() }?.let { return it }
            return environment["PATH"]
                .orEmpty()
                .split(File.pathSeparator)
                .filter { it.isNotEmpty() }
                .map { File(it, "cognito-emulator") }
                .firstOrNull { it.canExecute() }
                ?.path
        }

        /**
         * Starts the emulator and waits for its ready line (at most [timeoutSeconds]).
         *
         * @throws LocalBackendException When there is no emulator program, or it doesn't start.
         */
        fun start(timeoutSeconds: Long = 60): LocalBackend {
            val program =
                findProgram() ?: throw LocalBackendException(
                    "cognito-emulator not found: put the project's Python environment on PATH " +
                        "(e.g. .venv/bin) or name the program in $PROGRAM_VARIABLE",
                )
            val folder = Files.createTempDirectory("cognito-emulator-", PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER))
            val outbox = Files.createDirectory(folder.resolve("outbox"))
            val log = folder.resolve("emulator.log").toFile()
            val command = listOf(program, "--port", "0", "--outbox", outbox.toString())
            val process =
                try {
                    ProcessBuilder(ownSession(command))
                        .redirectError(log)
                        .redirectInput(ProcessBuilder.Redirect.from(File("/dev/null")))
                        .start()
                } catch (e: java.io.IOException) {
                    folder.toFile().deleteRecursively()
                    throw LocalBackendException("couldn't start $program: ${e.message}")
                }
            val url = CompletableFuture<String>()
            Thread {
                // Read the ready line, then keep draining stdout so the emulator never blocks.
                process.inputStream.bufferedReader().forEachLine { line ->
                    READY.matchEntire(line.trim())?.let { url.complete(it.groupValues[1]) }
                }
                url.complete(null)
            }.apply { isDaemon = true }.start()
            val ready =
                try {
                    url.get(timeoutSeconds, TimeUnit.SECONDS)
                } catch (e: TimeoutException) {
                    null
                } catch (e: InterruptedException) {
                    // Stopped while waiting (Ctrl-C): leave no emulator behind.
                    process.destroyForcibly()
                    folder.toFile().deleteRecursively()
                    throw e
                }
            if (ready == null) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS)
                val why = log.takeIf { it.exists() }?.readLines()?.lastOrNull { it.isNotBlank() } ?: "no ready line"
                folder.toFile().deleteRecursively()
                throw LocalBackendException("cognito-emulator didn't start: $why")
            }
            return LocalBackend(ready, process, folder)
        }

        /**
         * Runs [command] in a session of its own where `setsid` exists, so that Ctrl-C in the
         * terminal reaches only this program, which then removes what it created on the
         * still-running backend before stopping it.
         */
        private fun ownSession(command: List<String>): List<String> {
            val setsid = listOf("/usr/bin/setsid", "/bin/setsid").firstOrNull { File(it).canExecute() }
            return if (setsid != null) listOf(setsid) + command else command
        }
    }
}

/** `rwx------`: folders that hold secrets (an outbox of codes, a QR code image). */
val PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------")

/**
 * A Cognito client for the local backend at [url]: dummy credentials, Region [LOCAL_REGION],
 * no retries. Everything is set explicitly, so no AWS configuration file, profile or
 * environment variable is read, and it can never reach an AWS account.
 */
fun localClient(url: String): CognitoIdentityProviderClient =
    CognitoIdentityProviderClient {
        region = LOCAL_REGION
        endpointUrl = Url.parse(url)
        credentialsProvider =
            StaticCredentialsProvider {
                accessKeyId = "testing"
                secretAccessKey = "testing"
            }
        retryStrategy { maxAttempts = 1 }
    }
