// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import java.math.BigInteger
import java.security.MessageDigest
import java.security.SecureRandom
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter
import java.util.Base64
import java.util.Locale
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

/**
 * The client side of a remembered device: its SRP verifier and its proof at sign-in.
 *
 * Cognito never learns a device's password. ConfirmDevice receives only an SRP verifier derived
 * from it, and each later sign-in with the device proves knowledge of the password in the
 * DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER challenges. No maintained JVM library computes
 * Cognito's variant of SRP-6a, so this class does, with the JDK's `BigInteger`, SHA-256 and
 * HMAC-SHA256:
 *
 * - the 3072-bit group of RFC 5054 with `g = 2`; `H` is SHA-256;
 * - every number is hashed as its padded hex ([padHex]): lowercase, no leading zeros, a `0`
 *   added to an odd length, `00` added when the first digit is 8-f (a positive number);
 * - `k = H(N | g)`, `u = H(A | B)`, `x = H(salt | H(groupKey + deviceKey + ":" + password))`;
 * - the session key: HKDF-SHA256 of `S = (B - k g^x)^(a + u x)` with `u` as salt and
 *   `"Caldera Derived Key"` as info, 16 bytes;
 * - the claim: Base64 HMAC-SHA256 of `groupKey + deviceKey + secretBlock + timestamp`.
 */
class DeviceSrp(
    /** The `DeviceKey` of the device's `NewDeviceMetadata`. */
    val deviceKey: String,
    /** The `DeviceGroupKey` of the device's `NewDeviceMetadata`. */
    val deviceGroupKey: String,
    /** The device's password, made up by [newDevice]; keep it in the device's safe storage. */
    private val devicePassword: String,
    private val random: SecureRandom = SecureRandom(),
) {
    /** The secret exponent `a` of this sign-in, and its public value `A = g^a mod N`. */
    private val smallA: BigInteger
    private val largeA: BigInteger

    init {
        var a: BigInteger
        var publicA: BigInteger
        do {
            a = BigInteger(1, ByteArray(128).also(random::nextBytes)).mod(N)
            publicA = G.modPow(a, N)
        } while (publicA.signum() == 0)
        smallA = a
        largeA = publicA
    }

    /** `SRP_A`, the answer to DEVICE_SRP_AUTH: this sign-in's public value in hex. */
    val srpA: String get() = largeA.toString(16)

    /**
     * The answers to DEVICE_PASSWORD_VERIFIER: the proof that this device knows its password.
     *
     * @param challengeParameters The challenge's parameters: `SRP_B`, `SALT`, `SECRET_BLOCK`,
     *   `USERNAME`.
     * @param now The time of the claim (Cognito checks it against its own clock).
     * @return `USERNAME`, `DEVICE_KEY`, `PASSWORD_CLAIM_SECRET_BLOCK`, `PASSWORD_CLAIM_SIGNATURE`
     *   and `TIMESTAMP`; add `SECRET_HASH` when the app client has a secret.
     * @throws IllegalArgumentException When a parameter is missing or `B` is `0 mod N`.
     */
    fun passwordVerifier(
        challengeParameters: Map<String, String>,
        now: ZonedDateTime = ZonedDateTime.now(ZoneOffset.UTC),
    ): Map<String, String> {
        fun parameter(name: String) = requireNotNull(challengeParameters[name]) { "the challenge has no $name" }
        val largeB = BigInteger(parameter("SRP_B"), 16)
        require(largeB.mod(N).signum() != 0) { "SRP_B is 0 mod N" }
        val salt = BigInteger(parameter("SALT"), 16)
        val secretBlock = parameter("SECRET_BLOCK")

        val u = BigInteger(1, sha256(padBytes(largeA) + padBytes(largeB)))
        require(u.signum() != 0) { "u is 0" }
        val x = passwordExponent(deviceGroupKey, deviceKey, devicePassword, salt)
        val base = (largeB - K * G.modPow(x, N)).mod(N)
        val s = base.modPow(smallA + u * x, N)
        val key = hkdf(inputKey = padBytes(s), salt = padBytes(u))

        val timestamp = TIMESTAMP_FORMAT.format(now.withZoneSameInstant(ZoneOffset.UTC))
        val message =
            deviceGroupKey.toByteArray() + deviceKey.toByteArray() +
                Base64.getDecoder().decode(secretBlock) + timestamp.toByteArray()
        return mapOf(
            "USERNAME" to parameter("USERNAME"),
            "DEVICE_KEY" to deviceKey,
            "PASSWORD_CLAIM_SECRET_BLOCK" to secretBlock,
            "PASSWORD_CLAIM_SIGNATURE" to Base64.getEncoder().encodeToString(hmac(key, message)),
            "TIMESTAMP" to timestamp,
        )
    }

    /** What ConfirmDevice registers: the verifier and salt of a new device password (Base64). */
    data class Verifier(
        val passwordVerifier: String,
        val salt: String,
    )

    companion object {
        /** RFC 5054's 3072-bit prime, the `N` of Cognito's SRP group. */
        val N =
            BigInteger(
                "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
                    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
                    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
                    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
                    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
                    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
                    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
                    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
                16,
            )

        /** The generator `g` of the group. */
        val G: BigInteger = BigInteger.TWO

        /** The SRP-6a multiplier `k = H(N | g)`. */
        val K = BigInteger(1, sha256(padBytes(N) + padBytes(G)))

        private const val PASSWORD_BYTES = 40
        private const val SALT_BYTES = 16

        /** `Tue Nov 3 09:05:07 UTC 2026`: Java's `Date.toString` layout, the day without a 0. */
        private val TIMESTAMP_FORMAT = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)

        /**
         * Makes up a random password for a new device and derives what ConfirmDevice needs.
         *
         * @return The device (keep its key, group key and password to sign in with it later) and
         *   its verifier and salt for ConfirmDevice.
         */
        fun newDevice(
            deviceKey: String,
            deviceGroupKey: String,
            random: SecureRandom = SecureRandom(),
        ): Pair<DeviceSrp, Verifier> {
            val password = Base64.getEncoder().encodeToString(ByteArray(PASSWORD_BYTES).also(random::nextBytes))
            var salt: BigInteger
            do {
                // A salt whose first byte is 0 would hash without it; draw another (rare).
                val bytes = ByteArray(SALT_BYTES).also(random::nextBytes)
                salt = BigInteger(1, bytes)
            } while (bytes[0] == 0.toByte())
            val verifier = G.modPow(passwordExponent(deviceGroupKey, deviceKey, password, salt), N)
            val encoder = Base64.getEncoder()
            return DeviceSrp(deviceKey, deviceGroupKey, password, random) to
                Verifier(encoder.encodeToString(padBytes(verifier)), encoder.encodeToString(padBytes(salt)))
        }

        /** `x = H(salt | H(groupKey + deviceKey + ":" + password))`. */
        private fun passwordExponent(
            deviceGroupKey: String,
            deviceKey: String,
            password: String,
            salt: BigInteger,
        ): BigInteger {
            val identity = hex(sha256("$deviceGroupKey$deviceKey:$password".toByteArray()))
            return BigInteger(1, sha256(padBytes(salt) + hexBytes(identity)))
        }

        /** Cognito's padded hex of a non-negative number (see the class comment). */
        fun padHex(value: BigInteger): String {
            val hex = value.toString(16)
            return when {
                hex.length % 2 == 1 -> "0$hex"
                hex[0] in "89abcdef" -> "00$hex"
                else -> hex
            }
        }

        private fun padBytes(value: BigInteger): ByteArray = hexBytes(padHex(value))

        private fun hexBytes(hex: String): ByteArray = ByteArray(hex.length / 2) { hex.substring(2 * it, 2 * it + 2).toInt(16).toByte() }

        private fun hex(bytes: ByteArray): String = bytes.joinToString("") { "%02x".format(it) }

        private fun sha256(data: ByteArray): ByteArray = MessageDigest.getInstance("SHA-256").digest(data)

        private fun hmac(
            key: ByteArray,
            data: ByteArray,
        ): ByteArray = Mac.getInstance("HmacSHA256").apply { init(SecretKeySpec(key, "HmacSHA256")) }.doFinal(data)

        /** HKDF-SHA256 (RFC 5869) for one 16-byte block, with Cognito's info string. */
        private fun hkdf(
            inputKey: ByteArray,
            salt: ByteArray,
        ): ByteArray {
            val pseudoRandomKey = hmac(salt, inputKey)
            return hmac(pseudoRandomKey, "Caldera Derived Key".toByteArray() + byteArrayOf(1)).copyOf(16)
        }
    }
}
