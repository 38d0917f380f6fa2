// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import java.io.PrintStream

/** Narration is wrapped to this width, so no line is wider than 80 columns. */
const val WIDTH = 78

/**
 * `eyJra...Q3xw (1071 chars)`: enough to tell two tokens apart, never the token itself.
 * Short values show only their length.
 */
fun mask(value: String?): String =
    when {
        value.isNullOrEmpty() -> "(none)"
        value.length < 16 -> "**** (${value.length} chars)"
        else -> "${value.take(5)}...${value.takeLast(4)} (${value.length} chars)"
    }

/**
 * What the reader sees: numbered steps, the Cognito call about to be made and why, results,
 * problems, and values, in the line formats of the scenario specification.
 */
class Console(
    val out: PrintStream,
    private val totalSteps: Int,
) {
    fun write(text: String = "") {
        out.println(text)
        out.flush()
    }

    /** A separator and the step's number, progress bar and title. */
    fun step(
        number: Int,
        title: String,
    ) {
        write()
        write("-".repeat(WIDTH))
        write("Step $number of $totalSteps [${"#".repeat(number)}${".".repeat(totalSteps - number)}]  $title")
    }

    /** A sentence of explanation, wrapped. */
    fun say(text: String) = wrapped(text)

    /** The Cognito operation about to be called (and the challenge it answers), and why. */
    fun call(
        operation: String,
        why: String,
        challenge: String? = null,
    ) = wrapped("  -> $operation${challenge?.let { " ($it)" } ?: ""}: $why", indent = "     ")

    /** A result. */
    fun ok(text: String) = wrapped("  ok $text", indent = "     ")

    /** A mistake the user can fix (the scenario asks again), or why the scenario stops. */
    fun problem(text: String) = wrapped("  !! $text", indent = "     ")

    /** A labelled value on a line of its own (never wrapped). */
    fun show(
        label: String,
        value: String,
    ) = write("     $label: $value")

    private fun wrapped(
        text: String,
        indent: String = "",
    ) {
        // Words stay whole (a long one, such as a path, goes alone on its line).
        var line = text.takeWhile { it == ' ' }
        var empty = true
        for (word in text.trimStart().split(' ').filter { it.isNotEmpty() }) {
            if (!empty && line.length + 1 + word.length > WIDTH) {
                write(line)
                line = indent + word
            } else {
                line = if (empty) line + word else "$line $word"
            }
            empty = false
        }
        write(line)
    }
}
