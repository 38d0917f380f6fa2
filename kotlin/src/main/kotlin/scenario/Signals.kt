// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import sun.misc.Signal

/**
 * Calls [handler] with the exit status of a signal (130 for SIGINT, 143 for SIGTERM) instead
 * of letting the JVM end at once, so the scenario can clean up first. `sun.misc.Signal` (module
 * `jdk.unsupported`) is the JDK's only way to catch a signal; a shutdown hook can't, since the
 * program must go on running its clean-up calls.
 *
 * @return A function that restores the previous handlers.
 */
fun onSignals(handler: (status: Int) -> Unit): () -> Unit {
    val previous =
        listOf("INT" to 130, "TERM" to 143).map { (name, status) ->
            val signal = Signal(name)
            signal to Signal.handle(signal) { handler(status) }
        }
    return { previous.forEach { (signal, old) -> Signal.handle(signal, old) } }
}
