// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import dev.turingcomplete.kotlinonetimepassword.GoogleAuthenticator
import dev.turingcomplete.kotlinonetimepassword.OtpAuthUriBuilder
import java.util.Date

/**
 * The authenticator-app side of TOTP, with kotlin-onetimepassword: Cognito's codes are RFC 6238
 * with the defaults of the Key Uri Format (SHA-1, 6 digits, a new code every 30 seconds) and a
 * base32 secret, which is what the library's `GoogleAuthenticator` computes.
 */
object Totp {
    /** Seconds between two codes. */
    const val STEP_SECONDS = 30L

    /** The code an authenticator app shows at [epochSeconds] for the base32 [secret]. */
    fun code(
        secret: String,
        epochSeconds: Double,
    ): String = GoogleAuthenticator(secret.toByteArray(Charsets.US_ASCII)).generate(Date((epochSeconds * 1000).toLong()))

    /**
     * The `otpauth://totp/ISSUER:USER?secret=...` URI an authenticator app scans from a QR code
     * (the Key Uri Format). It is as short as the format allows, for a small QR code: the
     * issuer only as the label's prefix (apps show it from there too), and no `algorithm`,
     * `digits` or `period`, since Cognito's are their defaults.
     */
    fun otpauthUri(
        secret: String,
        username: String,
        issuer: String,
    ): String =
        OtpAuthUriBuilder
            .forTotp(secret.toByteArray(Charsets.US_ASCII))
            .label(username, issuer)
            .buildToString()

    /** The setup key in groups of four characters, easier to read and type: `ABCD EFGH ...`. */
    fun groupSetupKey(secret: String): String = secret.chunked(4).joinToString(" ")
}

/**
 * Hands out TOTP codes as a person would type them, never the same code twice: Cognito may
 * refuse a code it accepted already, and accepts the next time step's code too. So the first
 * code is the current step's and, when that one was used, the next step's.
 */
class TotpCodes {
    private val used = mutableSetOf<Pair<String, String>>()

    /** A code for [secret] at [epochSeconds] not handed out before; `null` when both are used. */
    fun next(
        secret: String,
        epochSeconds: Double,
    ): String? =
        listOf(epochSeconds, epochSeconds + Totp.STEP_SECONDS)
            .map { Totp.code(secret, it) }
            .firstOrNull { used.add(secret to it) }
}
