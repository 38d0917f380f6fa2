// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthenticationResultType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceConfigurationType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeviceSecretVerifierConfigType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExpiredCodeException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidPasswordException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NewDeviceMetadataType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SignUpResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolMfaType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UsernameExistsException
import aws.smithy.kotlin.runtime.SdkBaseException
import com.example.cognito.actions.adminDeleteUser
import com.example.cognito.actions.adminInitiateAuth
import com.example.cognito.actions.adminRespondToAuthChallenge
import com.example.cognito.actions.associateSoftwareToken
import com.example.cognito.actions.computeSecretHash
import com.example.cognito.actions.confirmDevice
import com.example.cognito.actions.confirmSignUp
import com.example.cognito.actions.createUserPool
import com.example.cognito.actions.createUserPoolClient
import com.example.cognito.actions.deleteUserPool
import com.example.cognito.actions.deleteUserPoolClient
import com.example.cognito.actions.describeUserPool
import com.example.cognito.actions.describeUserPoolClient
import com.example.cognito.actions.forgetDevice
import com.example.cognito.actions.getUserPoolMfaConfig
import com.example.cognito.actions.listDevices
import com.example.cognito.actions.listUsers
import com.example.cognito.actions.resendConfirmationCode
import com.example.cognito.actions.setUserPoolMfaConfig
import com.example.cognito.actions.signUp
import com.example.cognito.actions.updateDeviceStatus
import com.example.cognito.actions.verifySoftwareToken
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.runInterruptible
import kotlinx.coroutines.withContext
import java.io.FileDescriptor
import java.io.FileOutputStream
import java.io.PrintStream
import java.net.InetAddress
import java.nio.file.Path
import java.util.UUID
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import kotlin.system.exitProcess

/*
 * Guided scenario: sign a user up, set up an authenticator app, sign in with TOTP, remember the
 * device. It follows scenarios/SPECIFICATION.md (steps, markers, exit codes, clean-up):
 *
 *   1. where it runs: a local cognito-emulator with a new user pool (MFA required, authenticator
 *      apps, device tracking) and an app client, or your AWS account (--target aws, opt in);
 *   2. sign up, and confirm the sign-up with the code Cognito sends;
 *   3. list the pool's users;
 *   4. sign in: Cognito asks to set up MFA; the setup key and a QR code for the app;
 *   5. verify the app's first code and finish signing in;
 *   6. sign in again with password + the app's code;
 *   7. remember this device, sign in with it (no code), list and forget it;
 *   8. remove everything it created, also after an error, Ctrl-C or SIGTERM.
 */

const val PROG = "SignUpUserWithMfa"
private const val TOTAL_STEPS = 8

/** Wrong answers (codes, passwords, names) accepted before the scenario gives up. */
private const val MAX_TRIES = 5

/** Sign-ins started again after an expired session before the scenario gives up. */
private const val MAX_SIGN_INS = 3

/** The name an authenticator app shows above the code. Short: the QR code must fit a screen. */
const val ISSUER = "Cognito"

private val AUTH_FLOWS =
    listOf(
        ExplicitAuthFlowsType.AllowAdminUserPasswordAuth,
        ExplicitAuthFlowsType.AllowUserSrpAuth,
        ExplicitAuthFlowsType.AllowRefreshTokenAuth,
    )

private val DEVICE_NAME = "mfa scenario on ${runCatching { InetAddress.getLocalHost().hostName }.getOrDefault("this host")}".take(64)

/** What the clean-up list calls the QR code image (whose path is shown when it is written). */
private const val QR_IMAGE = "the QR code image"

/**
 * At most this many lines of QR code, so that the setup key, the code, the next step's header
 * and the prompt for the first code fit one 80x24 screen.
 */
private const val MAX_QR_LINES = 19

private val USAGE =
    """
    Usage: $PROG [--auto] [--target local|aws] [--endpoint URL]
           $PROG --target aws [--user-pool-id ID --client-id ID]    [--keep] [--help]

    Guided Amazon Cognito scenario: sign up, set up an authenticator app (TOTP), sign in
    with it, remember the device. Everything it creates is removed at the end.

      --auto               play the user: generated names, codes read and computed, no prompt
      --target local|aws   local: a local cognito-emulator (default); aws: your account
      --endpoint URL       with --target local: a cognito-emulator already serving at URL
      --user-pool-id ID    with --target aws: use this user pool (and --client-id)
      --client-id ID       with --target aws: use this app client (and --user-pool-id)
      --keep               keep the QR code image at the end (it holds the TOTP secret)
    """.trimIndent()

/** The command line, parsed. */
data class Options(
    val auto: Boolean = false,
    val target: String = "local",
    val endpoint: String? = null,
    val userPoolId: String? = null,
    val clientId: String? = null,
    val keep: Boolean = false,
    val help: Boolean = false,
)

private class UsageError(
    message: String,
) : Exception(message)

private fun parseOptions(args: Array<String>): Options {
    var options = Options()
    val rest = ArrayDeque(args.toList())

    fun value(flag: String) = rest.removeFirstOrNull()?.takeUnless { it.startsWith("--") } ?: throw UsageError("$flag needs a value")
    while (rest.isNotEmpty()) {
        options =
            when (val arg = rest.removeFirst()) {
                "--help", "-h" -> options.copy(help = true)
                "--auto" -> options.copy(auto = true)
                "--keep" -> options.copy(keep = true)
                "--target" -> options.copy(target = value(arg))
                "--endpoint" -> options.copy(endpoint = value(arg))
                "--user-pool-id" -> options.copy(userPoolId = value(arg))
                "--client-id" -> options.copy(clientId = value(arg))
                else -> throw UsageError("unknown argument $arg")
            }
    }
    if (options.target !in setOf("local", "aws")) throw UsageError("--target is local or aws, not ${options.target}")
    if ((options.userPoolId == null) != (options.clientId == null)) {
        throw UsageError("give both --user-pool-id and --client-id, or neither")
    }
    if (options.userPoolId != null && options.target != "aws") throw UsageError("--user-pool-id and --client-id go with --target aws")
    if (options.endpoint != null && options.target != "local") throw UsageError("--endpoint goes with --target local")
    return options
}

/** Where the scenario reads and writes: the real terminal, or what a test gives it. */
class ScenarioIo(
    val out: PrintStream,
    val err: PrintStream,
    /** The person's answers; `null` when stdin is not a terminal. */
    val prompter: Prompter?,
    val environment: Map<String, String> = System.getenv(),
) {
    companion object {
        /** Standard output and error as UTF-8 (the QR code is drawn with block characters). */
        fun system(): ScenarioIo =
            ScenarioIo(
                PrintStream(FileOutputStream(FileDescriptor.out), true, Charsets.UTF_8),
                PrintStream(FileOutputStream(FileDescriptor.err), true, Charsets.UTF_8),
                System.console()?.let { TerminalPrompter(it) },
            )
    }
}

/** What the steps share: where to talk, who answers, and what exists so far. */
class Scenario(
    val console: Console,
    val cleanup: CleanupStack,
    val options: Options,
) {
    lateinit var player: Player
    lateinit var client: CognitoIdentityProviderClient

    /** The local backend's control seam; `null` on AWS. */
    var control: EmulatorControl? = null

    /** The Cognito operation being called, for the one-line reason when it fails. */
    var operation = ""
    var userPoolId = ""
    var clientId = ""
    var clientSecret: String? = null
    var username = ""
    var password = ""
    var totpSecret = ""
    var qrPath: Path? = null
    var tokens: AuthenticationResultType? = null
    var newDevice: NewDeviceMetadataType? = null
    private val totpCodes = TotpCodes()

    /** Announces a Cognito call (and remembers it for error messages). */
    fun call(
        operation: String,
        why: String,
        challenge: String? = null,
    ) {
        this.operation = operation
        console.call(operation, why, challenge)
    }

    /** `SECRET_HASH` for [user] when the app client has a secret, else `null`. */
    fun secretHash(user: String = username): String? = clientSecret?.let { computeSecretHash(user, clientId, it) }

    /** The time TOTP codes are computed for: the local backend's clock, or real time on AWS. */
    suspend fun now(): Double = control?.now() ?: (System.currentTimeMillis() / 1000.0)

    /** A TOTP code for [secret] not sent before: the current step's, else the next step's. */
    suspend fun totpCode(secret: String): String =
        totpCodes.next(secret, now()) ?: throw ScenarioAborted("no unused TOTP code left in this time window")
}

/** Cognito's answer when a challenge's session is too old (3 minutes) or used up. */
private fun sessionExpired(e: CognitoIdentityProviderException) =
    e is NotAuthorizedException && "session" in
        e.sdkErrorMetadata.errorMessage
            .orEmpty()
            .lowercase()

private fun CognitoIdentityProviderException.codeAndMessage() = "${sdkErrorMetadata.errorCode}: ${sdkErrorMetadata.errorMessage}"

// snippet-start:[kotlin.cognito-idp.Scenario_SignUpUserWithMfa]

/** Steps 1 to 7; step 8 (clean-up) runs in [run] whatever happens here. */
suspend fun runSteps(s: Scenario) {
    step1Target(s)
    step2SignUp(s)
    step3ListUsers(s)
    var verified = false
    var signIns = 0
    while (!verified && signIns++ < MAX_SIGN_INS) {
        val session = step4StartMfaSetup(s)
        verified = step5VerifyAuthenticator(s, session)
        if (verified) break
        s.console.problem(
            "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again. Cognito hands out a new " +
                "secret, so replace the entry in your authenticator app.",
        )
    }
    if (!verified) throw ScenarioAborted("the sign-in session expired again and again")
    step6SignInWithTotp(s)
    step7RememberDevice(s)
}

suspend fun step1Target(s: Scenario) {
    s.console.step(1, "Where the scenario runs")
    if (s.options.target == "local") {
        val url =
            s.options.endpoint ?: run {
                s.console.say("Starting a local Cognito backend (cognito-emulator) on a free loopback port.")
                val backend = runInterruptible(Dispatchers.IO) { LocalBackend.start() }
                s.cleanup.push("the local backend (stopped) and its outbox folder") { backend.close() }
                backend.url
            }
        s.client = localClient(url)
        s.control = EmulatorControl(url)
        s.console.ok("Local Cognito backend at $url; the codes it 'e-mails' stay in its outbox.")
        createPoolAndClient(s)
        return
    }
    s.client = CognitoIdentityProviderClient.fromEnvironment()
    val region = s.client.config.region ?: throw ScenarioAborted("no AWS Region: set AWS_REGION or a region in your profile")
    if (s.options.userPoolId != null && s.options.clientId != null) {
        useExistingPool(s, s.options.userPoolId, s.options.clientId)
        return
    }
    s.console.say(
        "This creates, in your AWS account (Region $region): a user pool named mfa-scenario-* (MFA required, " +
            "authenticator apps, device tracking) and an app client. Cognito may charge for them (most use stays in " +
            "the free tier). The scenario deletes both at the end.",
    )
    if (!s.player.confirm("Create them?")) throw ScenarioAborted("nothing created: you chose not to create the user pool")
    createPoolAndClient(s)
}

suspend fun createPoolAndClient(s: Scenario) {
    val name = "mfa-scenario-${UUID.randomUUID().toString().take(8)}"
    s.call("CreateUserPool", "a directory for the users, verifying e-mail addresses and tracking the devices they sign in from.")
    val devices =
        DeviceConfigurationType {
            challengeRequiredOnNewDevice = true
            deviceOnlyRememberedOnUserPrompt = false
        }
    val poolId = checkNotNull(createUserPool(s.client, name, autoVerifyEmail = true, deviceConfiguration = devices).id)
    val client = s.client
    s.userPoolId = poolId
    s.cleanup.push("user pool $poolId", "DeleteUserPool") { deleteUserPool(client, poolId) }
    s.console.ok("User pool $name created.")
    s.console.show("User pool ID", poolId)

    s.call(
        "SetUserPoolMfaConfig",
        "makes MFA required (ON), with authenticator apps (software tokens), so every user must set one up at first sign-in.",
    )
    setUserPoolMfaConfig(s.client, poolId, UserPoolMfaType.On, softwareTokenEnabled = true)
    s.console.ok("MFA required, by authenticator app (TOTP).")

    s.call(
        "CreateUserPoolClient",
        "the app client that sign-up and sign-in go through; no client secret, and the admin password flow allowed.",
    )
    val appId = checkNotNull(createUserPoolClient(s.client, poolId, "mfa-scenario-app", explicitAuthFlows = AUTH_FLOWS).clientId)
    s.clientId = appId
    s.cleanup.push("app client $appId", "DeleteUserPoolClient") { deleteUserPoolClient(client, poolId, appId) }
    s.console.ok("App client created.")
    s.console.show("App client ID", appId)
}

suspend fun step2SignUp(s: Scenario) {
    s.console.step(2, "Sign up and confirm the sign-up")
    var username = s.player.username()
    var password = s.player.password()
    var email = s.player.email(username)
    var result: SignUpResponse? = null
    var tries = 0
    while (result == null && tries++ < MAX_TRIES) {
        s.call("SignUp", "creates the user, unconfirmed, and has Cognito e-mail a confirmation code.")
        try {
            result = signUp(s.client, s.clientId, username, password, email, s.secretHash(username))
        } catch (e: CognitoIdentityProviderException) {
            val message = e.sdkErrorMetadata.errorMessage.orEmpty()
            when {
                e is UsernameExistsException -> {
                    s.console.problem("The user name $username is taken. Choose another one.")
                    username = s.player.username()
                }

                e is InvalidPasswordException || (e is InvalidParameterException && "password" in message.lowercase()) -> {
                    s.console.problem("Cognito refused the password: $message. The pool's policy: $PASSWORD_RULES.")
                    password = s.player.password()
                }

                e is InvalidParameterException && "username" in message.lowercase() -> {
                    s.console.problem("Cognito refused the user name: $message. Use letters, digits and symbols, no spaces.")
                    username = s.player.username()
                    email = s.player.email(username)
                }

                e is InvalidParameterException && "email" in message.lowercase() -> {
                    s.console.problem("Cognito refused the e-mail address: $message")
                    email = s.player.email(username)
                }

                else -> {
                    throw e
                }
            }
        }
    }
    val signedUp = result ?: throw ScenarioAborted("sign-up refused too many times")
    val client = s.client
    val poolId = s.userPoolId
    s.username = username
    s.password = password
    s.cleanup.push("user $username", "AdminDeleteUser") { adminDeleteUser(client, poolId, username) }
    val delivery = signedUp.codeDeliveryDetails
    s.console.ok(
        "Signed up $username (user sub ${signedUp.userSub}); Cognito sent a code by " +
            "${delivery?.deliveryMedium?.value ?: "e-mail"} to ${delivery?.destination}.",
    )
    confirmTheSignUp(s)
}

/** On local, the newest code the backend delivered (shown); on AWS, `null` (it was e-mailed). */
suspend fun deliveredCode(s: Scenario): String? {
    val control = s.control
    if (control == null) {
        s.console.say("Look for the e-mail from Cognito (no-reply@verificationemail.com).")
        return null
    }
    val code = control.latestCode(s.username, s.userPoolId) ?: throw ScenarioAborted("the local backend delivered no code")
    s.console.write("The local backend 'e-mailed' the code to its outbox: $code")
    return code
}

suspend fun confirmTheSignUp(s: Scenario) {
    var shown = deliveredCode(s)
    repeat(MAX_TRIES) {
        val answer = s.player.confirmationCode(shown)
        if (answer.lowercase() in setOf("r", "resend")) {
            s.call("ResendConfirmationCode", "has Cognito send a new code to the same address.")
            resendConfirmationCode(s.client, s.clientId, s.username, s.secretHash())
            shown = deliveredCode(s)
            return@repeat
        }
        s.call("ConfirmSignUp", "proves the user owns the e-mail address; the user becomes CONFIRMED and can sign in.")
        try {
            confirmSignUp(s.client, s.clientId, s.username, answer, s.secretHash())
            s.console.ok("${s.username} is confirmed.")
            return
        } catch (e: CodeMismatchException) {
            s.console.problem("Wrong code: ${e.sdkErrorMetadata.errorMessage} Type it again, or r for a new one.")
        } catch (e: ExpiredCodeException) {
            s.console.problem("That code has expired: ${e.sdkErrorMetadata.errorMessage} Type r for a new one.")
        }
    }
    throw ScenarioAborted("too many wrong confirmation codes")
}

suspend fun step3ListUsers(s: Scenario) {
    s.console.step(3, "List the users of the pool")
    s.call("ListUsers", "reads the pool's users, to see the new one and its status.")
    val users = listUsers(s.client, s.userPoolId)
    for (user in users.take(20)) {
        val email =
            user.attributes
                .orEmpty()
                .firstOrNull { it.name == "email" }
                ?.value
                .orEmpty()
        val marker = if (user.username == s.username) "   <- new" else ""
        s.console.write("     ${user.username}  ${user.userStatus?.value}  $email$marker")
    }
    if (users.size > 20) s.console.write("     ... and ${users.size - 20} more")
    if (users.none { it.username == s.username }) throw ScenarioAborted("ListUsers doesn't show ${s.username}")
}

/** Signs in until Cognito asks to set up MFA, and gets the secret; returns the session to verify with. */
suspend fun step4StartMfaSetup(s: Scenario): String {
    s.console.step(4, "Sign in: Cognito asks to set up an authenticator app")
    val session =
        signInExpecting(
            s,
            ChallengeNameType.MfaSetup,
            "signs in with the password; the pool requires MFA and the user has none yet, so Cognito answers with the " +
                "MFA_SETUP challenge.",
        )
    s.call(
        "AssociateSoftwareToken",
        "asks Cognito for a new TOTP secret for the user; the authenticator app derives its codes from it.",
    )
    val associated = associateSoftwareToken(s.client, session = session)
    s.totpSecret = checkNotNull(associated.secretCode)
    showAuthenticatorSetup(s)
    return associated.session ?: session
}

/** Signs in with the password (and a remembered device's [deviceKey]); Cognito must ask for [expected]. */
suspend fun signInExpecting(
    s: Scenario,
    expected: ChallengeNameType,
    why: String,
    deviceKey: String? = null,
): String {
    s.call("AdminInitiateAuth", why)
    val response = adminInitiateAuth(s.client, s.userPoolId, s.clientId, s.username, s.password, s.secretHash(), deviceKey)
    if (response.challengeName != expected) {
        val answer = response.challengeName?.value ?: "with tokens"
        throw ScenarioAborted("expected the ${expected.value} challenge, Cognito answered $answer")
    }
    s.console.ok("Challenge ${expected.value}, session ${mask(response.session)}")
    return checkNotNull(response.session)
}

/** Answers [challenge] with [answers], `USERNAME` and, when the app client has a secret, `SECRET_HASH`. */
suspend fun answerChallenge(
    s: Scenario,
    challenge: ChallengeNameType,
    session: String?,
    why: String,
    answers: Map<String, String>,
): AdminRespondToAuthChallengeResponse {
    s.call("AdminRespondToAuthChallenge", why, challenge.value)
    val responses = mapOf("USERNAME" to s.username) + answers + listOfNotNull(s.secretHash()?.let { "SECRET_HASH" to it })
    return adminRespondToAuthChallenge(s.client, s.userPoolId, s.clientId, challenge, session, responses)
}

fun showAuthenticatorSetup(s: Scenario) {
    val qr = fittingQrCode(s.totpSecret, s.username)
    s.console.say(
        "Add an account to your authenticator app: scan this QR code, or type the setup key (time-based, 6 digits, " +
            "every 30 seconds).",
    )
    s.console.show("Account", "$ISSUER:${s.username}")
    s.qrPath?.let { old ->
        // A second set-up after an expired session: the old image holds a secret no longer used.
        s.cleanup.discard(QR_IMAGE)
        QrCode.removePng(old)
    }
    val path = qr.writePng()
    s.qrPath = path
    if (s.options.keep) {
        s.console.write("     QR code image (kept: --keep; it holds the secret):")
    } else {
        s.cleanup.push(QR_IMAGE) { QrCode.removePng(path) }
        s.console.write("     QR code image (only you can read it; removed at the end):")
    }
    s.console.write(path.toString())
    s.console.say("Open that image to scan the code again later. The setup key and the code:")
    s.console.show("Setup key", Totp.groupSetupKey(s.totpSecret))
    qr.lines().forEach { s.console.write(it) }
}

/** The QR code of the otpauth:// URI, its account name shortened when needed to fit one screen. */
fun fittingQrCode(
    secret: String,
    username: String,
): QrCode {
    var label = username
    while (true) {
        val qr = QrCode(Totp.otpauthUri(secret, label, ISSUER))
        if ((qr.size + 1) / 2 <= MAX_QR_LINES || label.length <= 1) return qr
        label = label.dropLast(2) + "~" // the account name is only what the app displays
    }
}

/** Verifies the app's first code and answers MFA_SETUP; `false` when the session expired. */
suspend fun step5VerifyAuthenticator(
    s: Scenario,
    session: String,
): Boolean {
    s.console.step(5, "Verify the authenticator app and finish signing in")
    var verifiedSession: String? = null
    var tries = 0
    while (verifiedSession == null && tries++ < MAX_TRIES) {
        val code = s.player.totpCode(s.totpSecret)
        s.call(
            "VerifySoftwareToken",
            "checks the app's code against the secret, which proves the app is set up; Cognito registers it as the " +
                "user's MFA.",
        )
        try {
            val verified = verifySoftwareToken(s.client, code, session = session, friendlyDeviceName = "authenticator app")
            s.console.ok("Status ${verified.status?.value}.")
            verifiedSession = verified.session ?: session
        } catch (e: CognitoIdentityProviderException) {
            if (sessionExpired(e)) return false
            if (e !is EnableSoftwareTokenMfaException && e !is CodeMismatchException) throw e
            s.console.problem(
                "Cognito refused the code (${e.sdkErrorMetadata.errorMessage}). Check the account in the app and the " +
                    "phone's clock, then type the current code.",
            )
        }
    }
    val next = verifiedSession ?: throw ScenarioAborted("too many wrong authenticator codes")
    val result =
        try {
            val why = "tells Cognito the set-up is done; it answers with the user's tokens."
            answerChallenge(s, ChallengeNameType.MfaSetup, next, why, emptyMap())
        } catch (e: CognitoIdentityProviderException) {
            if (sessionExpired(e)) return false
            throw e
        }
    showTokens(s, result.authenticationResult, result.challengeName)
    return true
}

fun showTokens(
    s: Scenario,
    tokens: AuthenticationResultType?,
    challenge: ChallengeNameType?,
): AuthenticationResultType {
    if (tokens?.accessToken == null) throw ScenarioAborted("expected tokens, Cognito answered ${challenge?.value}")
    s.console.ok("Signed in. Tokens (masked):")
    s.console.show("IdToken", mask(tokens.idToken))
    s.console.show("AccessToken", mask(tokens.accessToken))
    s.console.show("RefreshToken", mask(tokens.refreshToken))
    s.tokens = tokens
    return tokens
}

suspend fun step6SignInWithTotp(s: Scenario) {
    s.console.step(6, "Sign in with password + authenticator code")
    repeat(MAX_SIGN_INS) {
        val session =
            signInExpecting(
                s,
                ChallengeNameType.SoftwareTokenMfa,
                "signs in with the password; the user has an authenticator now, so Cognito asks for its code " +
                    "(SOFTWARE_TOKEN_MFA).",
            )
        val tokens = answerTotpChallenge(s, session)
        if (tokens != null) {
            s.newDevice = showTokens(s, tokens, null).newDeviceMetadata
            return
        }
        s.console.problem("The sign-in session expired (Cognito keeps one for 3 minutes): signing in again.")
    }
    throw ScenarioAborted("the sign-in session expired again and again")
}

/** Sends the app's code until Cognito accepts it; `null` when the session expired. */
suspend fun answerTotpChallenge(
    s: Scenario,
    session: String,
): AuthenticationResultType? {
    repeat(MAX_TRIES) {
        val code = s.player.totpCode(s.totpSecret)
        try {
            val why = "sends the app's current code, the second factor."
            val result = answerChallenge(s, ChallengeNameType.SoftwareTokenMfa, session, why, mapOf("SOFTWARE_TOKEN_MFA_CODE" to code))
            return result.authenticationResult ?: throw ScenarioAborted("expected tokens, Cognito answered ${result.challengeName?.value}")
        } catch (e: CognitoIdentityProviderException) {
            if (sessionExpired(e)) return null
            if (e !is CodeMismatchException) throw e
            s.console.problem("Cognito refused the code (${e.sdkErrorMetadata.errorMessage}). Type the code the app shows now.")
        }
    }
    throw ScenarioAborted("too many wrong authenticator codes")
}

suspend fun step7RememberDevice(s: Scenario) {
    s.console.step(7, "Remember the device, sign in with it, list and forget it")
    val metadata = s.newDevice ?: throw ScenarioAborted("Cognito sent no NewDeviceMetadata: the pool doesn't track devices")
    val key = checkNotNull(metadata.deviceKey)
    s.console.say(
        "Cognito started tracking the device of this sign-in: $key. Remembering it lets later sign-ins from it skip " +
            "the authenticator code.",
    )
    val (device, verifier) = DeviceSrp.newDevice(key, checkNotNull(metadata.deviceGroupKey))
    var accessToken = checkNotNull(s.tokens?.accessToken)
    s.call(
        "ConfirmDevice",
        "registers the device with an SRP verifier of a random device password; the password itself never leaves " +
            "this program.",
    )
    val config =
        DeviceSecretVerifierConfigType {
            passwordVerifier = verifier.passwordVerifier
            salt = verifier.salt
        }
    val confirmed = confirmDevice(s.client, accessToken, key, config, DEVICE_NAME)
    if (confirmed.userConfirmationNecessary) {
        s.call("UpdateDeviceStatus", "the pool remembers devices only when asked: marks this one remembered.")
        updateDeviceStatus(s.client, accessToken, key, remembered = true)
    }
    s.console.ok("Device remembered as '$DEVICE_NAME'.")

    val session =
        signInExpecting(
            s,
            ChallengeNameType.DeviceSrpAuth,
            "signs in with the password and the remembered device's key; Cognito asks the device to prove itself " +
                "(DEVICE_SRP_AUTH) instead of asking for a code.",
            deviceKey = key,
        )
    val why = "sends SRP_A, the device's public value for this sign-in."
    val challenge = answerChallenge(s, ChallengeNameType.DeviceSrpAuth, session, why, mapOf("DEVICE_KEY" to key, "SRP_A" to device.srpA))
    if (challenge.challengeName != ChallengeNameType.DevicePasswordVerifier) {
        throw ScenarioAborted("expected the DEVICE_PASSWORD_VERIFIER challenge, Cognito answered ${challenge.challengeName?.value}")
    }
    val result =
        answerChallenge(
            s,
            ChallengeNameType.DevicePasswordVerifier,
            challenge.session,
            "proves the device knows its password, without sending the password.",
            device.passwordVerifier(checkNotNull(challenge.challengeParameters)),
        )
    accessToken = checkNotNull(showTokens(s, result.authenticationResult, result.challengeName).accessToken)
    s.console.ok("Signed in with password + remembered device: no authenticator code asked.")

    s.call("ListDevices", "lists the user's tracked devices.")
    for (listed in listDevices(s.client, accessToken)) {
        val attributes = listed.deviceAttributes.orEmpty().associate { it.name to it.value }
        s.console.write("     ${listed.deviceKey}  ${attributes["dev:device_remembered_status"].orEmpty()}")
        s.console.write("       named '${attributes["device_name"].orEmpty().take(60)}'")
    }
    s.call("ForgetDevice", "forgets the device: the next sign-in from it asks for the authenticator code again.")
    forgetDevice(s.client, accessToken, key)
    s.console.ok("Device $key forgotten.")
}
// snippet-end:[kotlin.cognito-idp.Scenario_SignUpUserWithMfa]

/** With `--user-pool-id` and `--client-id` on AWS: checks that the pool fits the scenario. */
suspend fun useExistingPool(
    s: Scenario,
    poolId: String,
    clientId: String,
) {
    s.call("DescribeUserPool", "checks that the given pool requires TOTP MFA, tracks devices and allows the admin flow.")
    val pool = describeUserPool(s.client, poolId)
    s.operation = "GetUserPoolMfaConfig"
    val mfa = getUserPoolMfaConfig(s.client, poolId)
    s.operation = "DescribeUserPoolClient"
    val app = describeUserPoolClient(s.client, poolId, clientId)
    if (mfa.mfaConfiguration != UserPoolMfaType.On || mfa.softwareTokenMfaConfiguration?.enabled != true) {
        throw ScenarioAborted("user pool $poolId must require MFA (ON) with software tokens")
    }
    if (pool.deviceConfiguration == null) throw ScenarioAborted("user pool $poolId doesn't track devices (DeviceConfiguration)")
    if (ExplicitAuthFlowsType.AllowAdminUserPasswordAuth !in app.explicitAuthFlows.orEmpty()) {
        throw ScenarioAborted("app client $clientId must allow ALLOW_ADMIN_USER_PASSWORD_AUTH")
    }
    s.userPoolId = poolId
    s.clientId = clientId
    s.clientSecret = app.clientSecret
    s.console.ok(
        "Using user pool $poolId and app client $clientId" +
            if (s.clientSecret != null) " (with a secret: calls carry a SECRET_HASH)." else ".",
    )
}

/** Step 8: removes what the scenario created and says so; `false` if something couldn't be removed. */
suspend fun step8CleanUp(s: Scenario): Boolean {
    s.console.step(TOTAL_STEPS, "Clean up")
    if (s.cleanup.size == 0) {
        s.console.say("Nothing to remove: the scenario created nothing.")
        return true
    }
    val removals =
        s.cleanup.close(
            before = { what, operation -> if (operation != null) s.call(operation, "removes $what.") },
            after = { removal ->
                if (removal.error == null) {
                    s.console.ok("Removed ${removal.what}.")
                } else {
                    s.console.problem("Couldn't remove ${removal.what}: ${removal.error}")
                }
            },
        )
    s.qrPath?.takeIf { s.options.keep }?.let {
        s.console.write("     Kept (--keep):")
        s.console.write(it.toString())
    }
    return removals.all { it.error == null }
}

/**
 * Runs the scenario; returns the exit status (0, 1, 2, 130 or 143).
 *
 * @param handleSignals Whether SIGINT and SIGTERM stop the scenario (which then cleans up);
 *   tests that run it in their own JVM pass `false`.
 */
fun run(
    args: Array<String>,
    io: ScenarioIo = ScenarioIo.system(),
    handleSignals: Boolean = true,
): Int {
    val options =
        try {
            parseOptions(args)
        } catch (e: UsageError) {
            io.err.println(USAGE)
            io.err.println("$PROG: error: ${e.message}")
            return 2
        }
    if (options.help) {
        io.out.println(USAGE)
        return 0
    }
    val launcher = io.environment["SCENARIO_LAUNCHER"] ?: "java ... $PROG"
    val refusal =
        when {
            options.target == "aws" && options.auto -> "--auto runs only on --target local (on AWS the code comes by e-mail)."
            options.target == "aws" && !io.environment["CI"].isNullOrEmpty() -> "--target aws never runs in CI (CI is set)."
            !options.auto && io.prompter == null -> "stdin is not a terminal: run it in a terminal, or pass --auto ($launcher --auto)."
            else -> null
        }
    if (refusal != null) {
        io.err.println("$PROG: $refusal")
        return 2
    }
    val console = Console(io.out, TOTAL_STEPS)
    val s = Scenario(console, CleanupStack(), options)
    s.player =
        if (options.auto) {
            AutoPlayer(console) { s.totpCode(it) }
        } else {
            InteractivePlayer(console, checkNotNull(io.prompter)) { s.totpCode(it) }
        }
    console.say(
        "Amazon Cognito: sign up, set up an authenticator app, sign in with TOTP, remember the device." +
            if (options.auto) "" else " Ctrl-C stops and cleans up.",
    )
    return runBlocking {
        val signal = AtomicInteger(0)
        val cleaningUp = AtomicBoolean(false)
        var failure: Throwable? = null
        val steps =
            launch {
                try {
                    runSteps(s)
                } catch (e: Throwable) {
                    failure = e
                }
            }
        val restoreSignals =
            if (handleSignals) {
                onSignals { status ->
                    // During clean-up a signal doesn't stop it: the scenario stops for it after.
                    if (signal.compareAndSet(0, status) && !cleaningUp.get()) steps.cancel()
                }
            } else {
                {}
            }
        steps.join()
        var (status, reason) = outcome(failure, signal.get(), s.operation)
        cleaningUp.set(true)
        if (status != 0) {
            console.write() // Ctrl-C may come in the middle of a prompt's line
            console.problem("Stopping: ${reason.trimEnd('.')}.")
        }
        val cleaned = withContext(NonCancellable) { step8CleanUp(s) }
        if (status == 0 && signal.get() != 0) {
            status = signal.get() // a signal came during the clean-up: the run still stops for it
            reason = outcome(CancellationException(), status, "").second
        }
        runCatching { s.client.close() }
        restoreSignals()
        when {
            status != 0 -> {
                io.err.println("$PROG: $reason")
                status
            }

            !cleaned -> {
                io.err.println("$PROG: some resources couldn't be removed (listed above)")
                1
            }

            else -> {
                console.write()
                console.write("Done: sign-up, TOTP set-up and sign-in, and a remembered device all worked.")
                0
            }
        }
    }
}

/** The exit status and the one-line reason of how the steps ended ([failure] `null`: all ran). */
private fun outcome(
    failure: Throwable?,
    signal: Int,
    operation: String,
): Pair<Int, String> {
    val call = if (operation.isEmpty()) "" else "$operation failed: "
    // An SdkBaseException: no Region or credentials, or no endpoint listening (one line too).
    return when (failure) {
        null -> 0 to ""
        is CancellationException -> if (signal == 143) 143 to "stopped (SIGTERM)" else 130 to "interrupted (Ctrl-C)"
        is ScenarioAborted, is LocalBackendException -> 1 to failure.message.orEmpty()
        is CognitoIdentityProviderException -> 1 to "$call${failure.codeAndMessage()}"
        is SdkBaseException -> 1 to "$call${failure.message?.lineSequence()?.first()}"
        else -> 1 to "unexpected ${failure::class.simpleName}: ${failure.message}"
    }
}

/** `SignUpUserWithMfa [--auto] [--target local|aws] ...`: see [USAGE]. */
fun main(args: Array<String>) {
    // The scenario explains Cognito's errors itself: the action functions' log lines stay quiet
    // (slf4j-simple reads this when it makes their loggers, at their first call).
    System.setProperty("org.slf4j.simpleLogger.log.com.example.cognito.actions", "off")
    exitProcess(run(args))
}
