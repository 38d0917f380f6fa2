// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import java.util.Base64
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

// snippet-start:[kotlin.cognito-idp.SecretHash]
private const val HMAC_SHA256 = "HmacSHA256"

/**
 * Computes the `SECRET_HASH` that Cognito requires on user calls (SignUp, ConfirmSignUp,
 * InitiateAuth, ...) when the app client has a client secret.
 *
 * It is the Base64 HMAC-SHA256 of the user name followed by the app client ID, keyed with the
 * client secret. It proves the caller knows the secret without sending it. Keep the client
 * secret on a server: an app that ships it to devices gives it away.
 *
 * @param username The user name the call is about (for sign-in, the name the user typed).
 * @param clientId The ID of the app client.
 * @param clientSecret The app client's secret.
 * @return The value to pass as `SecretHash` or as the `SECRET_HASH` parameter.
 */
fun computeSecretHash(
    username: String,
    clientId: String,
    clientSecret: String,
): String {
    val mac = Mac.getInstance(HMAC_SHA256)
    mac.init(SecretKeySpec(clientSecret.toByteArray(Charsets.UTF_8), HMAC_SHA256))
    val digest = mac.doFinal((username + clientId).toByteArray(Charsets.UTF_8))
    return Base64.getEncoder().encodeToString(digest)
}
// snippet-end:[kotlin.cognito-idp.SecretHash]

fun main(args: Array<String>) {
    val usage = """
        Usage: SecretHash <username> <client-id> <client-secret>

        Prints the SECRET_HASH for calls about <username> through an app client with a secret.
        Makes no call to Cognito.
    """
    if (args.any { it == "--help" || it == "-h" }) {
        println(usage.trimIndent())
        return
    }
    if (args.size != 3) {
        System.err.println(usage.trimIndent())
        System.err.println("error: expected 3 arguments, got ${args.size}")
        exitUnlessZero(EXIT_USAGE)
    }
    println(computeSecretHash(args[0], args[1], args[2]))
}
