// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.smithy.kotlin.runtime.SdkBaseException
import kotlinx.coroutines.runBlocking
import kotlin.system.exitProcess

/*
 * The command line shared by every action file's `main`. The action functions themselves stand
 * alone (copy one into your code); only these entry points share this helper, so that each
 * answers `--help`, checks its arguments and reports errors the same way.
 */

/** Exit status of an example whose call Cognito refused (the error is already logged). */
internal const val EXIT_REFUSED = 1

/** Exit status for bad arguments, or an SDK that can't find a Region, credentials or endpoint. */
internal const val EXIT_USAGE = 2

/**
 * Runs one example from the command line: prints [usage] for `--help` (exit 0) or a wrong
 * number of [arguments][args] (exit 2), else builds a client from the SDK's default chain
 * (Region, credentials and `AWS_ENDPOINT_URL` from the environment, system properties or the
 * shared AWS config files), runs [call] and prints what it returns (unless it is [Unit]).
 *
 * The SDK's own `toString` of its responses prints `*** Sensitive Data Redacted ***` in place of
 * tokens, sessions and secrets, so printing a response never shows one.
 *
 * @return the exit status: 0, [EXIT_REFUSED] or [EXIT_USAGE]; `main` exits with it when not 0.
 */
internal fun runExample(
    args: Array<String>,
    usage: String,
    arity: IntRange,
    call: suspend (client: CognitoIdentityProviderClient, args: List<String>) -> Any?,
): Int {
    if (args.any { it == "--help" || it == "-h" }) {
        println(usage.trimIndent())
        return 0
    }
    if (args.size !in arity) {
        System.err.println(usage.trimIndent())
        val expected = if (arity.first == arity.last) "${arity.first}" else "${arity.first} to ${arity.last}"
        System.err.println("error: expected $expected arguments, got ${args.size}")
        return EXIT_USAGE
    }
    return runBlocking {
        try {
            CognitoIdentityProviderClient.fromEnvironment().use { client ->
                // The SDK for Kotlin reads AWS_REGION (not AWS_DEFAULT_REGION) or a profile's
                // region; without one it would fail later, deep inside request signing.
                requireNotNull(client.config.region) {
                    "no AWS Region: set AWS_REGION (or a region in your AWS profile)"
                }
                val result = call(client, args.toList())
                if (result != Unit && result != null) println(result)
            }
            0
        } catch (e: CognitoIdentityProviderException) {
            EXIT_REFUSED // the action logged the error code and message
        } catch (e: IllegalArgumentException) {
            System.err.println("error: ${e.message}")
            EXIT_USAGE
        } catch (e: SdkBaseException) {
            // No Region or credentials, or no endpoint listening: say it in one line.
            System.err.println("error: ${e.message?.lineSequence()?.first() ?: e::class.simpleName}")
            EXIT_USAGE
        }
    }
}

/** Exits the JVM with [status] unless it is 0 (so tests can call a `main` in-process). */
internal fun exitUnlessZero(status: Int) {
    if (status != 0) exitProcess(status)
}

/** `NAME=VALUE` arguments as a map (challenge responses); a malformed one is a usage error. */
internal fun nameValues(args: List<String>): Map<String, String> =
    args.associate { arg ->
        val name = arg.substringBefore('=', missingDelimiterValue = "")
        require(name.isNotEmpty()) { "expected NAME=VALUE, got '$arg'" }
        name to arg.substringAfter('=')
    }

/** A [ChallengeNameType] from its name; an unknown name is a usage error. */
internal fun challengeName(name: String): ChallengeNameType =
    ChallengeNameType.fromValue(name.uppercase()).also {
        require(it !is ChallengeNameType.SdkUnknown) { "unknown challenge name $name" }
    }
