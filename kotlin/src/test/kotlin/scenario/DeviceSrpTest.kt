// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import com.example.cognito.actions.adminInitiateAuth
import com.example.cognito.actions.adminRespondToAuthChallenge
import com.example.cognito.support.PoolTest
import com.example.cognito.support.TEST_PASSWORD
import com.example.cognito.support.TestPool
import com.example.cognito.support.assertRefused
import com.example.cognito.support.cognitoTest
import com.example.cognito.support.newPool
import com.example.cognito.support.rememberedDevice
import com.example.cognito.support.removePool
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import java.math.BigInteger
import java.security.SecureRandom
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.Base64

class DeviceSrpTest : PoolTest(mfa = true, devices = true) {
    @Test
    fun `pads hex as Cognito hashes it`() {
        assertEquals("01", DeviceSrp.padHex(BigInteger.ONE))
        assertEquals("7f", DeviceSrp.padHex(BigInteger.valueOf(0x7f)))
        assertEquals("0080", DeviceSrp.padHex(BigInteger.valueOf(0x80)))
        assertEquals("0abc", DeviceSrp.padHex(BigInteger.valueOf(0xabc)))
        assertEquals("00ff00", DeviceSrp.padHex(BigInteger.valueOf(0xff00)))
    }

    @Test
    fun `a new device gets a Base64 verifier and salt, different every time`() {
        val (_, first) = DeviceSrp.newDevice("us-east-1_key", "group", SecureRandom())
        val (_, second) = DeviceSrp.newDevice("us-east-1_key", "group", SecureRandom())

        val verifier = BigInteger(1, Base64.getDecoder().decode(first.passwordVerifier))
        assertTrue(verifier > BigInteger.ONE && verifier < DeviceSrp.N)
        val salt = Base64.getDecoder().decode(first.salt)
        assertTrue(salt.size == 16 || (salt.size == 17 && salt[0] == 0.toByte())) // padded: 00 before a high bit
        assertTrue(first != second)
    }

    @Test
    fun `a remembered device signs in without an authenticator code`() =
        cognitoTest {
            val (username, device) = mfaDevice()
            val start = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD, deviceKey = device.deviceKey)
            assertEquals(ChallengeNameType.DeviceSrpAuth, start.challengeName)

            val verifier = answerDeviceSrpAuth(username, device, start.session)
            val claim = device.passwordVerifier(checkNotNull(verifier.challengeParameters))
            val done =
                adminRespondToAuthChallenge(
                    cognito,
                    pool.id,
                    pool.clientId,
                    ChallengeNameType.DevicePasswordVerifier,
                    verifier.session,
                    claim,
                )

            assertNotNull(done.authenticationResult?.accessToken)
            assertEquals(
                ZonedDateTime.now(ZoneOffset.UTC).year.toString(),
                claim.getValue("TIMESTAMP").substringAfterLast(' '),
            )
        }

    @Test
    fun `a device that doesn't know its password is refused`() =
        cognitoTest {
            val (username, device) = mfaDevice()
            val impostor = DeviceSrp(device.deviceKey, device.deviceGroupKey, "not the device password")
            val start = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD, deviceKey = device.deviceKey)

            val verifier = answerDeviceSrpAuth(username, impostor, start.session)
            assertRefused<NotAuthorizedException> {
                adminRespondToAuthChallenge(
                    cognito,
                    pool.id,
                    pool.clientId,
                    ChallengeNameType.DevicePasswordVerifier,
                    verifier.session,
                    impostor.passwordVerifier(checkNotNull(verifier.challengeParameters)),
                )
            }
        }

    /** An MFA user whose device of the TOTP sign-in was remembered. */
    private suspend fun mfaDevice(): Pair<String, DeviceSrp> {
        val (username, _, device) = rememberedDevice(pool)
        return username to device
    }

    private suspend fun answerDeviceSrpAuth(
        username: String,
        device: DeviceSrp,
        session: String?,
    ) = adminRespondToAuthChallenge(
        cognito,
        pool.id,
        pool.clientId,
        ChallengeNameType.DeviceSrpAuth,
        session,
        mapOf("USERNAME" to username, "DEVICE_KEY" to device.deviceKey, "SRP_A" to device.srpA),
    ).also { assertEquals(ChallengeNameType.DevicePasswordVerifier, it.challengeName) }
}
