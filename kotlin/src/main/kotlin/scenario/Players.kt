// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import kotlinx.coroutines.CompletableDeferred
import java.security.SecureRandom
import java.util.UUID

/** The scenario can't go on; the message is the one-line reason shown to the user. */
class ScenarioAborted(
    message: String,
) : Exception(message)

/** Reads a person's answers; `null` when the input ended. */
interface Prompter {
    suspend fun line(prompt: String): String?

    /** An answer that is not echoed (a password). */
    suspend fun secret(prompt: String): String?
}

/**
 * The terminal, through `System.console()`. Each answer is read on a thread of its own and
 * awaited, so that Ctrl-C or SIGTERM can stop the scenario in the middle of a prompt (the
 * scenario then cleans up; the JVM restores the terminal's echo when it exits).
 */
class TerminalPrompter(
    private val console: java.io.Console,
) : Prompter {
    override suspend fun line(prompt: String): String? = read { console.readLine("%s", prompt) }

    override suspend fun secret(prompt: String): String? = read { console.readPassword("%s", prompt)?.concatToString() }

    private suspend fun read(block: () -> String?): String? {
        val answer = CompletableDeferred<String?>()
        Thread {
            answer.complete(runCatching(block).getOrNull())
        }.apply { isDaemon = true }.start()
        return answer.await()
    }
}

/** Who answers the scenario's questions: a person ([InteractivePlayer]) or `--auto`. */
interface Player {
    suspend fun username(): String

    suspend fun password(): String

    suspend fun email(username: String): String

    /** The code from the e-mail, or `r` for a new one; [shownCode] is what the local backend delivered. */
    suspend fun confirmationCode(shownCode: String?): String

    /** The authenticator app's current code for [secret]. */
    suspend fun totpCode(secret: String): String

    suspend fun confirm(question: String): Boolean
}

/** The policy the scenario's pool uses (Cognito's default), for prompts and messages. */
const val PASSWORD_RULES = "8+ characters: upper and lower case, a number, a symbol"

/** `mfa-user-1a2b3c4d`. */
fun makeUsername(): String = "mfa-user-${UUID.randomUUID().toString().take(8)}"

/** A random password that meets Cognito's default password policy. */
fun makePassword(random: SecureRandom = SecureRandom()): String {
    val alphabet = ('a'..'z') + ('A'..'Z') + ('0'..'9')
    return (1..12).map { alphabet[random.nextInt(alphabet.size)] }.joinToString("") + "aA7!"
}

/**
 * `--auto`: makes up a user name and password, takes the code the local backend delivered,
 * computes TOTP codes as an authenticator app would; prints each answer (a password as stars).
 */
class AutoPlayer(
    private val console: Console,
    private val codes: suspend (secret: String) -> String,
) : Player {
    private fun answer(
        question: String,
        value: String,
    ): String {
        console.write("$question: $value   (--auto)")
        return value
    }

    override suspend fun username() = answer("User name", makeUsername())

    override suspend fun password(): String {
        console.write("Password: ********   (--auto)")
        return makePassword()
    }

    override suspend fun email(username: String) = answer("E-mail address", "$username@example.com")

    override suspend fun confirmationCode(shownCode: String?): String =
        answer("Confirmation code", shownCode ?: throw ScenarioAborted("--auto can't read a confirmation code sent by e-mail"))

    override suspend fun totpCode(secret: String) = answer("Authenticator code", codes(secret))

    override suspend fun confirm(question: String): Boolean {
        answer(question, "yes")
        return true
    }
}

/** A person at the terminal. */
class InteractivePlayer(
    private val console: Console,
    private val prompter: Prompter,
    private val codes: suspend (secret: String) -> String,
) : Player {
    private suspend fun ask(
        prompt: String,
        secret: Boolean = false,
    ): String {
        val answer = if (secret) prompter.secret(prompt) else prompter.line(prompt)
        return answer?.trim() ?: throw ScenarioAborted("the input ended before the scenario did")
    }

    override suspend fun username(): String {
        val default = makeUsername()
        return ask("User name [$default]: ").ifEmpty { default }
    }

    override suspend fun password(): String {
        while (true) {
            val password = ask("Password ($PASSWORD_RULES): ", secret = true)
            if (password.isNotEmpty()) return password
            console.problem("The password can't be empty.")
        }
    }

    override suspend fun email(username: String): String {
        val default = "$username@example.com"
        return ask("E-mail address [$default]: ").ifEmpty { default }
    }

    override suspend fun confirmationCode(shownCode: String?): String {
        while (true) {
            val code = ask("Confirmation code (or r to send a new one): ").replace(" ", "")
            if (code.isNotEmpty()) return code
            console.problem("Type the code from the e-mail, or r to get a new one.")
        }
    }

    override suspend fun totpCode(secret: String): String {
        while (true) {
            val answer = ask("6-digit code from your authenticator app (Enter: computed here): ").replace(" ", "")
            if (answer.isEmpty()) {
                val code = codes(secret)
                console.write("     computed as an authenticator app would: $code")
                return code
            }
            if (answer.length == 6 && answer.all { it in '0'..'9' }) return answer
            console.problem("An authenticator code is 6 digits, such as 123456.")
        }
    }

    override suspend fun confirm(question: String): Boolean = ask("$question [y/N]: ").lowercase() in setOf("y", "yes")
}
