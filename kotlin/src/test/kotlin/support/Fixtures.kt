// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.support

import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminCreateUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminSetUserPasswordRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AttributeType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthenticationResultType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceConfigurationType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceSecretVerifierConfigType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.MessageActionType
import com.example.cognito.actions.adminInitiateAuth
import com.example.cognito.actions.adminRespondToAuthChallenge
import com.example.cognito.actions.associateSoftwareToken
import com.example.cognito.actions.confirmDevice
import com.example.cognito.actions.createUserPool
import com.example.cognito.actions.createUserPoolClient
import com.example.cognito.actions.deleteUserPool
import com.example.cognito.actions.setUserPoolMfaConfig
import com.example.cognito.actions.verifySoftwareToken
import com.example.cognito.scenario.DeviceSrp
import com.example.cognito.scenario.TotpCodes
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.util.UUID

/** A device key shaped like Cognito's that no device has. */
const val UNKNOWN_DEVICE = "us-east-1_00000000-0000-0000-0000-000000000000"

/** A password that meets Cognito's default policy. */
const val TEST_PASSWORD = "Corr3ct-Horse!"

/** Every sign-in flow the examples use. */
val ALL_FLOWS =
    listOf(
        ExplicitAuthFlowsType.AllowAdminUserPasswordAuth,
        ExplicitAuthFlowsType.AllowUserPasswordAuth,
        ExplicitAuthFlowsType.AllowUserSrpAuth,
        ExplicitAuthFlowsType.AllowRefreshTokenAuth,
    )

/** A name no other test uses: `prefix-1a2b3c4d`. */
fun uniqueName(prefix: String): String = "$prefix-${UUID.randomUUID().toString().take(8)}"

/** Runs a test body that calls suspend functions (the test method itself returns Unit). */
fun cognitoTest(body: suspend () -> Unit): Unit = runBlocking { body() }

/** A user pool and an app client made for one test class. */
data class TestPool(
    val id: String,
    val clientId: String,
    val clientSecret: String?,
    val mfa: Boolean,
)

/** A signed-in user with an authenticator app: the TOTP secret and the last tokens. */
data class MfaUser(
    val username: String,
    val secret: String,
    val tokens: AuthenticationResultType,
)

/**
 * Creates a pool (MFA ON with authenticator apps when [mfa]; tracking and remembering devices
 * when [devices]) and an app client allowing [ALL_FLOWS], with a secret when [secret].
 */
suspend fun EmulatorTest.newPool(
    mfa: Boolean = false,
    devices: Boolean = false,
    secret: Boolean = false,
): TestPool {
    val deviceConfiguration =
        if (devices) {
            DeviceConfigurationType {
                challengeRequiredOnNewDevice = true
                deviceOnlyRememberedOnUserPrompt = false
            }
        } else {
            null
        }
    val pool = createUserPool(cognito, uniqueName("test-pool"), deviceConfiguration = deviceConfiguration)
    val poolId = checkNotNull(pool.id)
    if (mfa) setUserPoolMfaConfig(cognito, poolId)
    val app = createUserPoolClient(cognito, poolId, "test-app", generateSecret = secret, explicitAuthFlows = ALL_FLOWS)
    return TestPool(poolId, checkNotNull(app.clientId), app.clientSecret, mfa)
}

/** Deletes a pool made by [newPool] (in @AfterAll). */
fun EmulatorTest.removePool(pool: TestPool) = cognitoTest { deleteUserPool(cognito, pool.id) }

/** A confirmed user with [TEST_PASSWORD], made by an administrator (no code needed). */
suspend fun EmulatorTest.confirmedUser(
    pool: TestPool,
    username: String = uniqueName("user"),
): String {
    cognito.adminCreateUser(
        AdminCreateUserRequest {
            userPoolId = pool.id
            this.username = username
            messageAction = MessageActionType.Suppress
            userAttributes =
                listOf(
                    AttributeType {
                        name = "email"
                        value = "$username@example.com"
                    },
                )
        },
    )
    cognito.adminSetUserPassword(
        AdminSetUserPasswordRequest {
            userPoolId = pool.id
            this.username = username
            password = TEST_PASSWORD
            permanent = true
        },
    )
    return username
}

/** The run's TOTP codes, at the emulator's time: never the same code twice. */
private val totpCodes = TotpCodes()

/** A code for [secret] that Cognito accepts now (the emulator's clock moves on when needed). */
suspend fun EmulatorTest.totpCode(secret: String): String =
    totpCodes.next(secret, emulator.control.now())
        ?: checkNotNull(totpCodes.next(secret, emulator.control.advanceClock(30))) { "no unused TOTP code" }

/**
 * A confirmed user signed in with the password (and, in an MFA pool, an authenticator code):
 * the tokens, with `newDeviceMetadata` when the pool tracks devices.
 */
suspend fun EmulatorTest.signedInUser(pool: TestPool): Pair<String, AuthenticationResultType> {
    val username = if (pool.mfa) mfaUser(pool).username else confirmedUser(pool)
    val response = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)
    if (pool.mfa) {
        val secret = mfaSecrets.getValue(username)
        val answer = mapOf("USERNAME" to username, "SOFTWARE_TOKEN_MFA_CODE" to totpCode(secret))
        val session = response.session
        val done = adminRespondToAuthChallenge(cognito, pool.id, pool.clientId, ChallengeNameType.SoftwareTokenMfa, session, answer)
        return username to checkNotNull(done.authenticationResult)
    }
    return username to checkNotNull(response.authenticationResult) { "expected tokens, got ${response.challengeName}" }
}

/** The TOTP secrets of the users [mfaUser] made. */
private val mfaSecrets = mutableMapOf<String, String>()

/** A device of [pool] confirmed (remembered) for a new user: the user, tokens and the device. */
suspend fun EmulatorTest.rememberedDevice(pool: TestPool): Triple<String, AuthenticationResultType, DeviceSrp> {
    val (username, tokens) = signedInUser(pool)
    val metadata = checkNotNull(tokens.newDeviceMetadata) { "the pool doesn't track devices" }
    val (device, verifier) = DeviceSrp.newDevice(checkNotNull(metadata.deviceKey), checkNotNull(metadata.deviceGroupKey))
    confirmDevice(
        cognito,
        checkNotNull(tokens.accessToken),
        device.deviceKey,
        DeviceSecretVerifierConfigType {
            passwordVerifier = verifier.passwordVerifier
            salt = verifier.salt
        },
        "test device",
    )
    return Triple(username, tokens, device)
}

/** A user of an MFA pool halfway through MFA_SETUP: the secret for the app, and the session to verify with. */
data class MfaSetup(
    val username: String,
    val secret: String,
    val session: String,
)

/** Signs a new confirmed user in to an MFA pool and asks Cognito for their TOTP secret. */
suspend fun EmulatorTest.startMfaSetup(pool: TestPool): MfaSetup {
    val username = confirmedUser(pool)
    val start = adminInitiateAuth(cognito, pool.id, pool.clientId, username, TEST_PASSWORD)
    check(start.challengeName == ChallengeNameType.MfaSetup) { "expected MFA_SETUP, got ${start.challengeName}" }
    val associated = associateSoftwareToken(cognito, session = start.session)
    return MfaSetup(username, checkNotNull(associated.secretCode), checkNotNull(associated.session))
}

/** A confirmed user of an MFA pool who set up an authenticator app and is signed in. */
suspend fun EmulatorTest.mfaUser(pool: TestPool): MfaUser {
    val (username, secret, session) = startMfaSetup(pool)
    val verified = verifySoftwareToken(cognito, totpCode(secret), session = session)
    val done =
        adminRespondToAuthChallenge(
            cognito,
            pool.id,
            pool.clientId,
            ChallengeNameType.MfaSetup,
            verified.session,
            mapOf("USERNAME" to username),
        )
    mfaSecrets[username] = secret
    return MfaUser(username, secret, checkNotNull(done.authenticationResult))
}

/**
 * Runs [block], which must fail with Cognito's [T]; checks that the example logged the error
 * code and message before rethrowing it, and returns the error.
 */
inline fun <reified T : CognitoIdentityProviderException> assertRefused(block: () -> Unit): T {
    val log = ByteArrayOutputStream()
    val stderr = System.err
    System.setErr(PrintStream(log, true, Charsets.UTF_8))
    val error =
        try {
            block()
            null
        } catch (e: CognitoIdentityProviderException) {
            e
        } finally {
            System.setErr(stderr)
        }
    if (error !is T) return fail("expected ${T::class.simpleName}, got ${error ?: "no error"}")
    val logged = log.toString(Charsets.UTF_8)
    val expected = "Here's why: ${error.sdkErrorMetadata.errorCode}: ${error.sdkErrorMetadata.errorMessage}"
    assertTrue(expected in logged) { "the example didn't log '$expected'; it logged: $logged" }
    return error
}
