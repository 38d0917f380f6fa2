// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.support

import java.io.File
import java.util.concurrent.TimeUnit

/** What a program run in its own JVM printed, and its exit status. */
data class ProcessResult(
    val status: Int,
    val stdout: String,
    val stderr: String,
)

/**
 * Runs `main` of [mainClass] in a new JVM with the tests' classpath, [args] and an environment
 * holding only `PATH`, `HOME` and [environment] (no AWS variable of the machine leaks in; the
 * instance metadata service is off, so nothing leaves the machine).
 */
fun runJava(
    mainClass: String,
    args: List<String> = emptyList(),
    environment: Map<String, String> = emptyMap(),
    timeoutSeconds: Long = 120,
): ProcessResult {
    val classpath = System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path")
    val java = File(System.getProperty("java.home"), "bin/java").path
    val command = listOf(java, "-XX:TieredStopAtLevel=1", "-cp", classpath, mainClass) + args
    val folder = createPrivateTempFolder()
    try {
        val out = File(folder, "stdout")
        val err = File(folder, "stderr")
        val builder = ProcessBuilder(command).redirectOutput(out).redirectError(err)
        builder.redirectInput(ProcessBuilder.Redirect.from(File("/dev/null")))
        builder.environment().apply {
            keys.retainAll(setOf("PATH", "HOME", "JAVA_HOME", "LANG"))
            put("AWS_EC2_METADATA_DISABLED", "true")
            put("AWS_CONFIG_FILE", "/dev/null")
            put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
            putAll(environment)
        }
        val process = builder.start()
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            error("$mainClass didn't finish in $timeoutSeconds s")
        }
        return ProcessResult(process.exitValue(), out.readText(), err.readText())
    } finally {
        folder.deleteRecursively()
    }
}

/** The environment that points an example's default chain at the run's emulator. */
fun RunningEmulator.sdkEnvironment(): Map<String, String> =
    mapOf(
        "AWS_ENDPOINT_URL" to url,
        "AWS_REGION" to "us-east-1",
        "AWS_ACCESS_KEY_ID" to "testing",
        "AWS_SECRET_ACCESS_KEY" to "testing",
    )

private fun createPrivateTempFolder(): File =
    java.nio.file.Files
        .createTempDirectory("kotlin-example-run-")
        .toFile()
