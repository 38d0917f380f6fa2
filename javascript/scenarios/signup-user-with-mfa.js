// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Guided scenario: sign up, set up an authenticator app, sign in with TOTP, remember the
 * device.
 *
 *     node scenarios/signup-user-with-mfa.js [--auto] [--target local|aws] [--endpoint URL]
 *                                            [--user-pool-id ID --client-id ID] [--keep]
 *
 * It walks through the whole Amazon Cognito multi-factor journey, one Cognito call at a time,
 * with the functions of `actions/` (the steps and promises are in
 * ../../scenarios/SPECIFICATION.md):
 *
 * 1. the target: by default a local Cognito backend (`cognito-emulator`, started here) with a
 *    new user pool (MFA required, authenticator apps, device tracking) and an app client;
 * 2. sign up, and confirm the sign-up with the code Cognito sends;
 * 3. list the pool's users;
 * 4. sign in: Cognito asks to set up MFA; the scenario shows the setup key and a QR code;
 * 5. verify the app's first code and finish signing in;
 * 6. sign in again with password + the app's code;
 * 7. remember this device, sign in with password + device (no code), list and forget it;
 * 8. remove everything it created, also after an error, Ctrl-C or SIGTERM.
 *
 * `--auto` plays the user (no prompt). `--target aws` uses your AWS account instead (it asks
 * before creating anything, which may cost money, and deletes it at the end).
 */
import { hostname } from "node:os";
import { relative } from "node:path";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminDeleteUser } from "../actions/admin-delete-user.js";
import { adminInitiateAuth } from "../actions/admin-initiate-auth.js";
import { adminRespondToAuthChallenge } from "../actions/admin-respond-to-auth-challenge.js";
import { associateSoftwareToken } from "../actions/associate-software-token.js";
import { confirmDevice } from "../actions/confirm-device.js";
import { confirmSignUp } from "../actions/confirm-sign-up.js";
import { createUserPool } from "../actions/create-user-pool.js";
import { createUserPoolClient } from "../actions/create-user-pool-client.js";
import { deleteUserPool } from "../actions/delete-user-pool.js";
import { deleteUserPoolClient } from "../actions/delete-user-pool-client.js";
import { describeUserPool } from "../actions/describe-user-pool.js";
import { describeUserPoolClient } from "../actions/describe-user-pool-client.js";
import { forgetDevice } from "../actions/forget-device.js";
import { getUserPoolMfaConfig } from "../actions/get-user-pool-mfa-config.js";
import { listDevices } from "../actions/list-devices.js";
import { listUsers } from "../actions/list-users.js";
import { resendConfirmationCode } from "../actions/resend-confirmation-code.js";
import { computeSecretHash } from "../actions/secret-hash.js";
import { setUserPoolMfaConfig } from "../actions/set-user-pool-mfa-config.js";
import { signUp } from "../actions/sign-up.js";
import { updateDeviceStatus } from "../actions/update-device-status.js";
import { verifySoftwareToken } from "../actions/verify-software-token.js";
import { ControlSeam, localClient, startLocalBackend } from "../lib/local-backend.js";
import { Prompter } from "../lib/terminal.js";
import { CleanupStack } from "./mfa-scenario/cleanup.js";
import { Console, mask } from "./mfa-scenario/console.js";
import { DeviceProof, newDeviceVerifier } from "./mfa-scenario/device-srp.js";
import {
  AutoPlayer,
  InteractivePlayer,
  PASSWORD_RULES,
  ScenarioAborted,
  TotpCalculator,
} from "./mfa-scenario/players.js";
import {
  ISSUER,
  fittingQr,
  groupSetupKey,
  removeQrPng,
  writeQrPng,
} from "./mfa-scenario/totp-setup.js";

const PROG = "signup-user-with-mfa";
const TOTAL_STEPS = 8;
/** Wrong answers (codes, passwords, names) accepted before the scenario gives up. */
const MAX_TRIES = 5;
/** Sign-ins started again after an expired session before the scenario gives up. */
const MAX_SIGN_INS = 3;
const DEVICE_CONFIGURATION = {
  ChallengeRequiredOnNewDevice: true,
  DeviceOnlyRememberedOnUserPrompt: false,
};
/** @type {import("@aws-sdk/client-cognito-identity-provider").ExplicitAuthFlowsType[]} */
const AUTH_FLOWS = [
  "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  "ALLOW_USER_SRP_AUTH",
  "ALLOW_REFRESH_TOKEN_AUTH",
];
const DEVICE_NAME = `mfa scenario on ${hostname()}`.slice(0, 64);

/** A signal ended the run; the scenario cleans up, then exits 130 (SIGINT) or 143. */
class Interrupted extends Error {
  name = "Interrupted";
  /** @param {NodeJS.Signals} signal */
  constructor(signal) {
    super(signal === "SIGINT" ? "interrupted (Ctrl-C)" : `stopped by ${signal}`);
    this.signal = signal;
  }
}

/**
 * What the steps share: where to talk, who answers, and what exists so far.
 *
 * @typedef {object} Scenario
 * @property {Console} console
 * @property {InteractivePlayer | AutoPlayer} player
 * @property {CleanupStack} cleanup
 * @property {boolean} keep
 * @property {"local" | "aws"} target
 * @property {string} [endpoint] An emulator already running (`--endpoint`).
 * @property {CognitoIdentityProviderClient} client
 * @property {ControlSeam} [seam] The local backend's control seam (local only).
 * @property {string} userPoolId
 * @property {string} clientId
 * @property {string} [clientSecret]
 * @property {string} username
 * @property {string} password
 * @property {string} totpSecret
 * @property {string} [qrPath]
 * @property {import("@aws-sdk/client-cognito-identity-provider").AuthenticationResultType} tokens
 */

/**
 * SECRET_HASH for the user, when the app client has a secret (else undefined).
 *
 * @param {Scenario} s
 */
function secretHash(s) {
  return s.clientSecret
    ? computeSecretHash({
        username: s.username,
        clientId: s.clientId,
        clientSecret: s.clientSecret,
      })
    : undefined;
}

/** @param {unknown} err */
function sessionExpired(err) {
  return (
    err instanceof CognitoIdentityProviderServiceException &&
    err.name === "NotAuthorizedException" &&
    /session/i.test(err.message)
  );
}

/** @param {unknown} err @param {...string} names */
function isCognitoError(err, ...names) {
  return err instanceof CognitoIdentityProviderServiceException && names.includes(err.name);
}

// snippet-start:[javascript.v3.cognito-idp.Scenario_SignUpUserWithMfa]
/**
 * Steps 1 to 7; step 8 (clean-up) runs in `main` whatever happens here.
 *
 * @param {Scenario} s
 * @param {{userPoolId?: string, clientId?: string}} existing `--user-pool-id/--client-id`.
 */
async function runScenario(s, existing) {
  await step1Target(s, existing);
  await step2SignUp(s);
  await step3ListUsers(s);
  for (let signIn = 1; ; signIn++) {
    const { session, firstCode } = await step4StartMfaSetup(s);
    if (await step5VerifyAuthenticator(s, session, firstCode)) break;
    if (signIn === MAX_SIGN_INS) {
      throw new ScenarioAborted("the sign-in session expired again and again");
    }
    s.console.problem(
      "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again. " +
        "Cognito hands out a new secret, so replace the entry in your authenticator app.",
    );
  }
  const newDevice = await step6SignInWithTotp(s);
  await step7RememberDevice(s, newDevice);
}

/**
 * @param {Scenario} s
 * @param {{userPoolId?: string, clientId?: string}} existing
 */
async function step1Target(s, existing) {
  s.console.step(1, "Where the scenario runs");
  if (s.target === "local") {
    let url = s.endpoint;
    if (!url) {
      s.console.say("Starting the local Cognito backend (cognito-emulator) on a free port.");
      const backend = await startLocalBackend();
      s.cleanup.push("the local backend (stopped) and its outbox folder", backend.stop);
      url = backend.url;
    }
    s.client = localClient(url);
    s.seam = new ControlSeam(url);
    s.console.ok(`Local Cognito backend at ${url}; codes it 'e-mails' go to its outbox.`);
    await createPoolAndClient(s);
    return;
  }
  s.client = new CognitoIdentityProviderClient({});
  if (existing.userPoolId && existing.clientId) {
    await useExistingPool(s, existing.userPoolId, existing.clientId);
    return;
  }
  const region = await s.client.config.region();
  s.console.say(
    `This creates, in your AWS account (Region ${region}): a user pool named mfa-scenario-* ` +
      "(MFA required, authenticator apps, device tracking) and an app client. Cognito may " +
      "charge for them (most use stays in the free tier). The scenario deletes both at the end.",
  );
  if (!(await s.player.confirm("Create them?"))) {
    throw new ScenarioAborted("nothing created: you chose not to create the user pool");
  }
  await createPoolAndClient(s);
}

/** @param {Scenario} s */
async function createPoolAndClient(s) {
  const { client } = s;
  const poolName = `mfa-scenario-${randomUUID().slice(0, 8)}`;
  s.console.call(
    "CreateUserPool",
    "a directory for the users, verifying e-mail addresses and tracking the devices they " +
      "sign in from.",
  );
  const pool = await createUserPool(client, {
    poolName,
    autoVerifyEmail: true,
    deviceConfiguration: DEVICE_CONFIGURATION,
  });
  const userPoolId = /** @type {string} */ (pool.Id);
  s.userPoolId = userPoolId;
  s.cleanup.push(
    `user pool ${userPoolId}`,
    () => deleteUserPool(client, { userPoolId }),
    "DeleteUserPool",
  );
  s.console.ok(`User pool ${poolName} created.`);
  s.console.show("User pool ID", userPoolId);

  s.console.call(
    "SetUserPoolMfaConfig",
    "makes MFA required (ON), with authenticator apps (software tokens), so every user must " +
      "set one up at first sign-in.",
  );
  await setUserPoolMfaConfig(client, {
    userPoolId,
    mfaConfiguration: "ON",
    softwareTokenEnabled: true,
  });
  s.console.ok("MFA required, by authenticator app (TOTP).");

  s.console.call(
    "CreateUserPoolClient",
    "the app client that sign-up and sign-in go through; no client secret, and the admin " +
      "password flow allowed.",
  );
  const app = await createUserPoolClient(client, {
    userPoolId,
    clientName: "mfa-scenario-app",
    explicitAuthFlows: AUTH_FLOWS,
  });
  const clientId = /** @type {string} */ (app.ClientId);
  s.clientId = clientId;
  s.cleanup.push(
    `app client ${clientId}`,
    () => deleteUserPoolClient(client, { userPoolId, clientId }),
    "DeleteUserPoolClient",
  );
  s.console.ok("App client created.");
  s.console.show("App client ID", clientId);
}

/** @param {Scenario} s */
async function step2SignUp(s) {
  s.console.step(2, "Sign up and confirm the sign-up");
  let username = await s.player.username();
  let password = await s.player.password();
  let email = await s.player.email(username);
  let result;
  for (let attempt = 1; !result; attempt++) {
    if (attempt > MAX_TRIES) throw new ScenarioAborted("sign-up refused too many times");
    s.console.call(
      "SignUp",
      "creates the user, unconfirmed, and has Cognito e-mail a confirmation code.",
    );
    try {
      s.username = username;
      result = await signUp(s.client, {
        clientId: s.clientId,
        username,
        password,
        email,
        secretHash: secretHash(s),
      });
    } catch (err) {
      const message = /** @type {Error} */ (err).message;
      if (isCognitoError(err, "UsernameExistsException")) {
        s.console.problem(`The user name ${username} is taken. Choose another one.`);
        username = await s.player.username();
      } else if (
        isCognitoError(err, "InvalidPasswordException") ||
        (isCognitoError(err, "InvalidParameterException") && /password/i.test(message))
      ) {
        s.console.problem(
          `Cognito refused the password: ${message.replace(/\.?$/, ".")} The pool's ` +
            `policy: ${PASSWORD_RULES}.`,
        );
        password = await s.player.password();
      } else if (isCognitoError(err, "InvalidParameterException") && /username/i.test(message)) {
        s.console.problem(
          `Cognito refused the user name: ${message} Use at most 128 letters, digits and ` +
            "symbols, without spaces.",
        );
        username = await s.player.username();
        email = await s.player.email(username);
      } else if (isCognitoError(err, "InvalidParameterException") && /email/i.test(message)) {
        s.console.problem(`Cognito refused the e-mail address: ${message}`);
        email = await s.player.email(username);
      } else {
        throw err;
      }
    }
  }
  const { client, userPoolId } = s;
  s.password = password;
  s.cleanup.push(
    `user ${username}`,
    () => adminDeleteUser(client, { userPoolId, username }),
    "AdminDeleteUser",
  );
  const delivery = result.CodeDeliveryDetails ?? {};
  s.console.ok(
    `Signed up ${username} (user sub ${result.UserSub}); Cognito sent a code by ` +
      `${delivery.DeliveryMedium ?? "e-mail"} to ${delivery.Destination}.`,
  );
  await confirmTheSignUp(s);
}

/**
 * On local, the newest code the backend delivered (shown); on AWS, null (e-mailed).
 *
 * @param {Scenario} s
 * @returns {Promise<string | null>}
 */
async function deliveredCode(s) {
  if (!s.seam) {
    s.console.say("Look for the e-mail from Cognito (no-reply@verificationemail.com).");
    return null;
  }
  const code = await s.seam.latestCode(s.username, s.userPoolId);
  if (!code) throw new ScenarioAborted("the local backend delivered no confirmation code");
  s.console.say(`The local backend 'e-mailed' the code to its outbox: ${code}`);
  return code;
}

/** @param {Scenario} s */
async function confirmTheSignUp(s) {
  let shown = await deliveredCode(s);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const answer = await s.player.confirmationCode(shown);
    if (["r", "resend"].includes(answer.toLowerCase())) {
      s.console.call("ResendConfirmationCode", "has Cognito send a new code to the same address.");
      await resendConfirmationCode(s.client, {
        clientId: s.clientId,
        username: s.username,
        secretHash: secretHash(s),
      });
      shown = await deliveredCode(s);
      continue;
    }
    s.console.call(
      "ConfirmSignUp",
      "proves the user owns the e-mail address; the user becomes CONFIRMED and can sign in.",
    );
    try {
      await confirmSignUp(s.client, {
        clientId: s.clientId,
        username: s.username,
        code: answer,
        secretHash: secretHash(s),
      });
    } catch (err) {
      const message = /** @type {Error} */ (err).message;
      if (isCognitoError(err, "CodeMismatchException")) {
        s.console.problem(`Wrong code: ${message} Type it again, or r for a new one.`);
        continue;
      }
      if (isCognitoError(err, "ExpiredCodeException")) {
        s.console.problem(`That code has expired: ${message} Type r for a new one.`);
        continue;
      }
      throw err;
    }
    s.console.ok(`${s.username} is confirmed.`);
    return;
  }
  throw new ScenarioAborted("too many wrong confirmation codes");
}

/** @param {Scenario} s */
async function step3ListUsers(s) {
  s.console.step(3, "List the users of the pool");
  s.console.call("ListUsers", "reads the pool's users, to see the new one and its status.");
  const users = await listUsers(s.client, { userPoolId: s.userPoolId });
  for (const user of users.slice(0, 20)) {
    const email = user.Attributes?.find((attribute) => attribute.Name === "email")?.Value ?? "";
    const marker = user.Username === s.username ? "   <- new" : "";
    s.console.write(`     ${user.Username}  ${user.UserStatus}  ${email}${marker}`);
  }
  if (users.length > 20) s.console.write(`     ... and ${users.length - 20} more`);
  if (!users.some((user) => user.Username === s.username)) {
    throw new ScenarioAborted(`ListUsers doesn't show ${s.username}`);
  }
}

/**
 * AdminInitiateAuth with the user's password: the challenge Cognito asks for must be
 * `challenge` (the pool's settings decide which).
 *
 * @param {Scenario} s
 * @param {string} challenge The challenge this step expects.
 * @param {string} why The call line's sentence.
 * @param {string} [deviceKey] A remembered device's key.
 */
async function signInExpecting(s, challenge, why, deviceKey) {
  s.console.call("AdminInitiateAuth", why);
  const response = await adminInitiateAuth(s.client, {
    userPoolId: s.userPoolId,
    clientId: s.clientId,
    username: s.username,
    password: s.password,
    secretHash: secretHash(s),
    deviceKey,
  });
  if (response.ChallengeName !== challenge) {
    throw new ScenarioAborted(
      `expected the ${challenge} challenge, Cognito answered ${response.ChallengeName}`,
    );
  }
  return response;
}

/**
 * Ends with the prompt for the app's first code, right under the setup key and QR code, so
 * that the three fit on one 80x24 screen.
 *
 * @param {Scenario} s
 * @returns {Promise<{session: string, firstCode: string}>} The session to verify the
 *   authenticator with, and the app's first code.
 */
async function step4StartMfaSetup(s) {
  s.console.step(4, "Sign in: Cognito asks to set up an authenticator app");
  const response = await signInExpecting(
    s,
    "MFA_SETUP",
    "signs in with the password; the pool requires MFA and the user has none yet, so " +
      "Cognito answers with the MFA_SETUP challenge.",
  );
  s.console.ok(`Challenge MFA_SETUP, session ${mask(response.Session)}`);
  s.console.call(
    "AssociateSoftwareToken",
    "asks Cognito for a new TOTP secret for the user; the authenticator app derives its " +
      "codes from it.",
  );
  const associated = await associateSoftwareToken(s.client, { session: response.Session });
  s.totpSecret = /** @type {string} */ (associated.SecretCode);
  await showAuthenticatorSetup(s);
  const firstCode = await s.player.totpCode(s.totpSecret);
  return { session: /** @type {string} */ (associated.Session ?? response.Session), firstCode };
}

/**
 * The QR code image's path first, then the account, the QR code and the setup key right
 * under it: the code prompt comes next, on the same screen.
 *
 * @param {Scenario} s
 */
async function showAuthenticatorSetup(s) {
  // At most 21 lines, so that the key, the QR code and the code prompt fit on one screen.
  const { uri, label, lines } = fittingQr(s.totpSecret, s.username);
  s.console.say(
    "Add an account to your authenticator app: scan the QR code below, or type the setup " +
      "key under it (time-based, 6 digits, every 30 seconds).",
  );
  if (s.qrPath) {
    // A second set-up after an expired session: the old image holds an old secret.
    s.cleanup.discard(`the QR code image ${s.qrPath}`);
    removeQrPng(s.qrPath);
  }
  const path = (s.qrPath = await writeQrPng(uri));
  if (s.keep) {
    s.console.write("     QR code image (kept: --keep; it holds the secret):");
  } else {
    s.cleanup.push(`the QR code image ${path}`, () => removeQrPng(path));
    s.console.write("     QR code image (only you can read it; removed at the end):");
  }
  s.console.write(path);
  s.console.show("Account", `${ISSUER}:${label}`);
  for (const line of lines) s.console.write(line);
  s.console.show("Setup key", groupSetupKey(s.totpSecret));
}

/**
 * Verify the app's first code and answer MFA_SETUP; false when the session expired.
 *
 * @param {Scenario} s
 * @param {string} session
 * @param {string} firstCode The code step 4 asked for; a refused one is asked again here.
 * @returns {Promise<boolean>}
 */
async function step5VerifyAuthenticator(s, session, firstCode) {
  s.console.step(5, "Verify the authenticator app and finish signing in");
  let verified;
  for (let attempt = 0; !verified; attempt++) {
    if (attempt === MAX_TRIES) throw new ScenarioAborted("too many wrong authenticator codes");
    const code = attempt ? await s.player.totpCode(s.totpSecret) : firstCode;
    s.console.call(
      "VerifySoftwareToken",
      "checks the app's code against the secret, which proves the app is set up; Cognito " +
        "registers it as the user's MFA.",
    );
    try {
      verified = await verifySoftwareToken(s.client, {
        userCode: code,
        session,
        friendlyDeviceName: "authenticator app",
      });
    } catch (err) {
      if (isCognitoError(err, "EnableSoftwareTokenMFAException", "CodeMismatchException")) {
        s.console.problem(
          `Cognito refused the code (${/** @type {Error} */ (err).message}). Check the ` +
            "account in the app and the phone's clock, then type the current code.",
        );
        continue;
      }
      if (sessionExpired(err)) return false;
      throw err;
    }
  }
  s.console.ok(`Status ${verified.Status}.`);
  s.console.call(
    "AdminRespondToAuthChallenge (MFA_SETUP)",
    "tells Cognito the set-up is done; it answers with the user's tokens.",
  );
  try {
    const result = await adminRespondToAuthChallenge(s.client, {
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      challengeName: "MFA_SETUP",
      session: verified.Session ?? session,
      challengeResponses: { USERNAME: s.username },
      secretHash: secretHash(s),
    });
    showTokens(s, result);
  } catch (err) {
    if (sessionExpired(err)) return false;
    throw err;
  }
  return true;
}

/**
 * @param {Scenario} s
 * @param {{AuthenticationResult?: import("@aws-sdk/client-cognito-identity-provider").AuthenticationResultType, ChallengeName?: string}} result
 */
function showTokens(s, result) {
  const tokens = result.AuthenticationResult;
  if (!tokens?.AccessToken) {
    throw new ScenarioAborted(`expected tokens, Cognito answered ${result.ChallengeName}`);
  }
  s.console.ok("Signed in. Tokens (masked):");
  for (const name of /** @type {const} */ (["IdToken", "AccessToken", "RefreshToken"])) {
    s.console.show(name, mask(tokens[name]));
  }
  s.tokens = tokens;
}

/**
 * @param {Scenario} s
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").NewDeviceMetadataType>}
 */
async function step6SignInWithTotp(s) {
  s.console.step(6, "Sign in with password + authenticator code");
  for (let signIn = 0; signIn < MAX_SIGN_INS; signIn++) {
    const response = await signInExpecting(
      s,
      "SOFTWARE_TOKEN_MFA",
      "signs in with the password; the user has an authenticator now, so Cognito asks for " +
        "its code (SOFTWARE_TOKEN_MFA).",
    );
    s.console.ok(`Challenge SOFTWARE_TOKEN_MFA, session ${mask(response.Session)}`);
    const result = await answerTotpChallenge(s, /** @type {string} */ (response.Session));
    if (result) {
      showTokens(s, result);
      return result.AuthenticationResult?.NewDeviceMetadata ?? {};
    }
    s.console.problem(
      "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again.",
    );
  }
  throw new ScenarioAborted("the sign-in session expired again and again");
}

/**
 * Send the app's code until Cognito accepts it; null when the session expired.
 *
 * @param {Scenario} s
 * @param {string} session
 */
async function answerTotpChallenge(s, session) {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const code = await s.player.totpCode(s.totpSecret);
    s.console.call(
      "AdminRespondToAuthChallenge (SOFTWARE_TOKEN_MFA)",
      "sends the app's current code, the second factor.",
    );
    try {
      return await adminRespondToAuthChallenge(s.client, {
        userPoolId: s.userPoolId,
        clientId: s.clientId,
        challengeName: "SOFTWARE_TOKEN_MFA",
        session,
        challengeResponses: { USERNAME: s.username, SOFTWARE_TOKEN_MFA_CODE: code },
        secretHash: secretHash(s),
      });
    } catch (err) {
      if (isCognitoError(err, "CodeMismatchException")) {
        s.console.problem(
          `Cognito refused the code (${/** @type {Error} */ (err).message}). Type the code ` +
            "the app shows now.",
        );
        continue;
      }
      if (sessionExpired(err)) return null;
      throw err;
    }
  }
  throw new ScenarioAborted("too many wrong authenticator codes");
}

/**
 * @param {Scenario} s
 * @param {import("@aws-sdk/client-cognito-identity-provider").NewDeviceMetadataType} newDevice
 */
async function step7RememberDevice(s, newDevice) {
  s.console.step(7, "Remember the device, sign in with it, list and forget it");
  const { DeviceKey: key, DeviceGroupKey: groupKey } = newDevice;
  if (!key || !groupKey) {
    throw new ScenarioAborted("Cognito sent no NewDeviceMetadata: the pool doesn't track devices");
  }
  s.console.say(
    `Cognito started tracking the device of this sign-in: ${key}. Remembering it lets later ` +
      "sign-ins from it skip the authenticator code.",
  );
  const { device, verifierConfig } = await newDeviceVerifier(key, groupKey);
  let accessToken = /** @type {string} */ (s.tokens.AccessToken);
  s.console.call(
    "ConfirmDevice",
    "registers the device with an SRP verifier of a random device password; the password " +
      "itself never leaves this program.",
  );
  const confirmed = await confirmDevice(s.client, {
    accessToken,
    deviceKey: key,
    deviceSecretVerifierConfig: verifierConfig,
    deviceName: DEVICE_NAME,
  });
  if (confirmed.UserConfirmationNecessary) {
    s.console.call(
      "UpdateDeviceStatus",
      "the pool remembers devices only when asked: marks this one remembered.",
    );
    await updateDeviceStatus(s.client, { accessToken, deviceKey: key, remembered: true });
  }
  s.console.ok(`Device remembered as '${DEVICE_NAME}'.`);

  const response = await signInExpecting(
    s,
    "DEVICE_SRP_AUTH",
    "signs in with the password and the remembered device's key; Cognito asks the device to " +
      "prove itself (DEVICE_SRP_AUTH) instead of asking for a code.",
    key,
  );
  const proof = new DeviceProof(device);
  s.console.call(
    "AdminRespondToAuthChallenge (DEVICE_SRP_AUTH)",
    "sends SRP_A, the device's public value for this sign-in.",
  );
  const challenge = await adminRespondToAuthChallenge(s.client, {
    userPoolId: s.userPoolId,
    clientId: s.clientId,
    challengeName: "DEVICE_SRP_AUTH",
    session: response.Session,
    challengeResponses: { USERNAME: s.username, DEVICE_KEY: key, SRP_A: await proof.srpA() },
    secretHash: secretHash(s),
  });
  if (challenge.ChallengeName !== "DEVICE_PASSWORD_VERIFIER") {
    throw new ScenarioAborted(
      "expected the DEVICE_PASSWORD_VERIFIER challenge, Cognito answered " +
        challenge.ChallengeName,
    );
  }
  s.console.call(
    "AdminRespondToAuthChallenge (DEVICE_PASSWORD_VERIFIER)",
    "proves the device knows its password, without sending the password.",
  );
  const result = await adminRespondToAuthChallenge(s.client, {
    userPoolId: s.userPoolId,
    clientId: s.clientId,
    challengeName: "DEVICE_PASSWORD_VERIFIER",
    session: challenge.Session,
    challengeResponses: await proof.passwordVerifier(challenge.ChallengeParameters ?? {}),
    secretHash: secretHash(s),
  });
  showTokens(s, result);
  s.console.ok("Signed in with password + remembered device: no authenticator code asked.");
  accessToken = /** @type {string} */ (s.tokens.AccessToken);

  s.console.call("ListDevices", "lists the user's tracked devices.");
  for (const listed of await listDevices(s.client, { accessToken })) {
    const attributes = Object.fromEntries(
      (listed.DeviceAttributes ?? []).map((attribute) => [attribute.Name, attribute.Value]),
    );
    s.console.write(`     ${listed.DeviceKey}  ${attributes["dev:device_remembered_status"]}`);
    s.console.write(`       named '${attributes.device_name ?? ""}'`);
  }
  s.console.call(
    "ForgetDevice",
    "forgets the device: the next sign-in from it asks for the authenticator code again.",
  );
  await forgetDevice(s.client, { deviceKey: key, accessToken });
  s.console.ok(`Device ${key} forgotten.`);
}
// snippet-end:[javascript.v3.cognito-idp.Scenario_SignUpUserWithMfa]

/**
 * `--target aws --user-pool-id ID --client-id ID`: check the pool instead of creating one.
 *
 * @param {Scenario} s
 * @param {string} userPoolId
 * @param {string} clientId
 */
async function useExistingPool(s, userPoolId, clientId) {
  s.console.call(
    "DescribeUserPool",
    "with GetUserPoolMfaConfig and DescribeUserPoolClient, checks that the given pool " +
      "requires TOTP MFA and tracks devices.",
  );
  const pool = await describeUserPool(s.client, { userPoolId });
  const mfa = await getUserPoolMfaConfig(s.client, { userPoolId });
  const app = await describeUserPoolClient(s.client, { userPoolId, clientId });
  if (mfa.MfaConfiguration !== "ON" || !mfa.SoftwareTokenMfaConfiguration?.Enabled) {
    throw new ScenarioAborted(`user pool ${userPoolId} must require MFA (ON) with software tokens`);
  }
  if (!pool.DeviceConfiguration) {
    throw new ScenarioAborted(
      `user pool ${userPoolId} doesn't track devices (DeviceConfiguration)`,
    );
  }
  if (!app.ExplicitAuthFlows?.includes("ALLOW_ADMIN_USER_PASSWORD_AUTH")) {
    throw new ScenarioAborted(`app client ${clientId} must allow ALLOW_ADMIN_USER_PASSWORD_AUTH`);
  }
  s.userPoolId = userPoolId;
  s.clientId = clientId;
  s.clientSecret = app.ClientSecret;
  s.console.ok(
    `Using user pool ${userPoolId} and app client ${clientId}` +
      (s.clientSecret ? " (with a secret: calls carry a SECRET_HASH)." : "."),
  );
}

/**
 * Step 8: remove what the scenario created and say so.
 *
 * @param {Scenario} s
 * @returns {Promise<boolean>} False if something couldn't be removed.
 */
async function step8CleanUp(s) {
  s.console.step(TOTAL_STEPS, "Clean up");
  if (!s.cleanup.size) {
    s.console.say("Nothing to remove: the scenario created nothing.");
    return true;
  }
  // A signal stops the steps' calls, never the clean-up's.
  s.console.beforeCall = () => {};
  const removals = await s.cleanup.close(
    (what, operation) => {
      if (operation) s.console.call(operation, `removes ${what}.`);
    },
    (removal) => {
      if (removal.error) s.console.problem(`Couldn't remove ${removal.what}: ${removal.error}`);
      else s.console.ok(`Removed ${removal.what}.`);
    },
  );
  const allRemoved = removals.every((removal) => !removal.error);
  if (s.keep && s.qrPath) {
    s.console.write("     Kept (--keep):");
    s.console.write(s.qrPath);
  }
  return allRemoved;
}

const USAGE = `usage: node scenarios/signup-user-with-mfa.js [--auto] [--target local|aws]
       [--endpoint URL] [--user-pool-id ID --client-id ID] [--keep]

Guided Amazon Cognito scenario: sign up, set up an authenticator app, sign in with
TOTP, remember the device.

options:
  --auto                 play the user: generated names, codes read and computed
  --target local|aws     local: a cognito-emulator started here (default); aws: your
                         account through the SDK's default chain (asks first)
  --endpoint URL         with --target local: a cognito-emulator already running
  --user-pool-id ID      with --target aws: use this user pool (with --client-id)
  --client-id ID         with --target aws: use this app client
  --keep                 keep the QR code image at the end (it holds the TOTP secret)
  --help                 show this help and exit`;

/**
 * @param {string[]} argv
 * @returns {{auto: boolean, target: "local" | "aws", endpoint?: string, userPoolId?: string,
 *   clientId?: string, keep: boolean, help: boolean}}
 */
function parseArguments(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      auto: { type: "boolean", default: false },
      target: { type: "string", default: "local" },
      endpoint: { type: "string" },
      "user-pool-id": { type: "string" },
      "client-id": { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const target = /** @type {string} */ (values.target);
  if (target !== "local" && target !== "aws") {
    throw new Error(`--target must be local or aws, not ${target}`);
  }
  if (!values["user-pool-id"] !== !values["client-id"]) {
    throw new Error("give both --user-pool-id and --client-id, or neither");
  }
  if (values["user-pool-id"] && target !== "aws") {
    throw new Error("--user-pool-id and --client-id go with --target aws");
  }
  if (values.endpoint) {
    if (target !== "local") throw new Error("--endpoint goes with --target local");
    if (!/^https?:\/\/[^/\s]+\/?$/.test(values.endpoint)) {
      throw new Error(
        `--endpoint takes a URL such as http://127.0.0.1:9229, not ${values.endpoint}`,
      );
    }
  }
  return {
    auto: Boolean(values.auto),
    target,
    endpoint: values.endpoint,
    userPoolId: values["user-pool-id"],
    clientId: values["client-id"],
    keep: Boolean(values.keep),
    help: Boolean(values.help),
  };
}

/**
 * Run the scenario; resolve with the exit status.
 *
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
async function main(argv) {
  /** @param {string} message */
  const fail = (message) => process.stderr.write(`${PROG}: ${message}\n`);
  let args;
  try {
    args = parseArguments(argv);
  } catch (err) {
    fail(`${/** @type {Error} */ (err).message} (--help shows the options)`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (!args.auto && !process.stdin.isTTY) {
    const script = relative(process.cwd(), process.argv[1]) || process.argv[1];
    fail(`stdin is not a terminal: run it in a terminal, or run node ${script} --auto`);
    return 2;
  }
  if (args.target === "aws" && args.auto) {
    fail("--auto runs only on --target local (on AWS the code comes by e-mail)");
    return 2;
  }
  if (args.target === "aws" && process.env.CI) {
    fail("--target aws never runs in CI (CI is set)");
    return 2;
  }
  // The pinned SDK supports this Node.js; its notice about future SDK versions is not news
  // for the reader of this transcript.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  // The scenario explains Cognito's errors itself: the action functions' own lines go quiet.
  console.error = () => {};

  const output = new Console(process.stdout, TOTAL_STEPS);
  const prompter = args.auto ? null : new Prompter();
  /** @type {Scenario} */
  const s = /** @type {any} */ ({
    console: output,
    cleanup: new CleanupStack(),
    keep: args.keep,
    target: args.target,
    endpoint: args.endpoint,
  });
  // Codes for the backend's time: on local, the emulator's clock; on AWS, this machine's.
  const totp = new TotpCalculator(async () =>
    s.seam ? (await s.seam.clock()).now * 1000 : Date.now(),
  );
  s.player = prompter
    ? new InteractivePlayer(output, prompter, totp)
    : new AutoPlayer(output, totp);

  /** @type {Interrupted | null} */
  let interruption = null;
  /** @type {(reason: Interrupted) => void} */
  let interrupt = () => {};
  const interrupted = new Promise((_, reject) => (interrupt = reject));
  interrupted.catch(() => {}); // handled through the race below
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    if (interruption) return; // a second Ctrl-C can't cut the clean-up short
    interruption = new Interrupted(signal);
    prompter?.close();
    interrupt(interruption);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // No Cognito call starts after a signal: the in-flight one finishes, its resource is on
  // the clean-up list, and the run stops at the next call line.
  output.beforeCall = () => {
    if (interruption) throw interruption;
  };

  output.say(
    "Amazon Cognito: sign up, set up an authenticator app, sign in with TOTP, remember the " +
      "device." +
      (args.auto ? "" : " Ctrl-C stops and cleans up."),
  );
  let status = 0;
  let reason = "";
  const run = runScenario(s, args);
  try {
    await Promise.race([run, interrupted]);
  } catch (err) {
    if (err instanceof Interrupted) {
      status = err.signal === "SIGINT" ? 130 : 143;
      // Let a call already sent finish, so that what it created is on the clean-up list.
      await Promise.race([run.catch(() => {}), new Promise((done) => setTimeout(done, 10_000))]);
    } else {
      status = 1;
    }
    reason = describeFailure(err, output.lastOperation);
    output.write(); // a signal may come in the middle of a prompt's line
    output.problem(`Stopping: ${reason}.`);
  }
  const cleaned = await step8CleanUp(s);
  prompter?.close();
  s.client?.destroy();
  // Set by the signal handler, which TypeScript's flow analysis does not see.
  const late = /** @type {Interrupted | null} */ (interruption);
  if (late && !status) {
    // A signal during the clean-up of a run that went right: it finished removing, but the
    // run still ends as the user asked, and does not say "Done".
    status = late.signal === "SIGINT" ? 130 : 143;
    reason = `${late.message} while cleaning up`;
  }
  if (!cleaned && !status) {
    status = 1;
    reason = "some resources couldn't be removed (listed above)";
  }
  if (status) {
    fail(reason);
    return status;
  }
  output.write();
  // The last line, whole (the specification's `Done: ` marker): no wider than 80 columns.
  output.write("Done: sign-up, TOTP set-up and sign-in, and a remembered device all worked.");
  return 0;
}

/**
 * The one-line reason a run stopped.
 *
 * @param {unknown} err
 * @param {string} operation The last Cognito operation called.
 */
function describeFailure(err, operation) {
  if (err instanceof Interrupted || err instanceof ScenarioAborted) return err.message;
  if (err instanceof CognitoIdentityProviderServiceException) {
    return `${operation} failed: ${err.name}: ${err.message}`;
  }
  const error = /** @type {Error} */ (err);
  return `${operation ? `${operation} failed: ` : ""}${error.message ?? String(err)}`;
}

process.exit(await main(process.argv.slice(2)));
