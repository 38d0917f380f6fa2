// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.support

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import com.example.cognito.scenario.EmulatorControl
import com.example.cognito.scenario.LocalBackend
import com.example.cognito.scenario.localClient
import org.junit.jupiter.api.extension.ExtendWith
import org.junit.jupiter.api.extension.ExtensionContext
import org.junit.jupiter.api.extension.TestInstancePostProcessor

/**
 * The one `cognito-emulator` of the whole test run: started by the first test class that needs
 * it, stopped when JUnit closes its root store at the end of the run.
 */
class RunningEmulator : AutoCloseable {
    private val backend = LocalBackend.start()

    /** The emulator's URL, for a subprocess's `AWS_ENDPOINT_URL`. */
    val url: String = backend.url

    /** A client that reaches only this emulator. */
    val client: CognitoIdentityProviderClient = localClient(url)

    /** Codes it delivered, and its clock. */
    val control = EmulatorControl(url)

    override fun close() {
        client.close()
        backend.close()
    }
}

/** Gives each [EmulatorTest] the run's [RunningEmulator]. */
class CognitoEmulatorExtension : TestInstancePostProcessor {
    override fun postProcessTestInstance(
        testInstance: Any,
        context: ExtensionContext,
    ) {
        val store = context.root.getStore(ExtensionContext.Namespace.create(CognitoEmulatorExtension::class.java))
        val emulator = store.getOrComputeIfAbsent("emulator", { RunningEmulator() }, RunningEmulator::class.java)
        (testInstance as EmulatorTest).emulator = emulator
    }
}

/** A test class that talks to the run's emulator: [cognito] is its client. */
@ExtendWith(CognitoEmulatorExtension::class)
abstract class EmulatorTest {
    lateinit var emulator: RunningEmulator

    val cognito: CognitoIdentityProviderClient get() = emulator.client
}
