// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * The one test helper: the emulator, a client for it, its control seam, and small fixtures.
 *
 * `npm test` (tests/run.js) starts ONE cognito-emulator for the whole run and passes its URL
 * in `COGNITO_EMULATOR_URL`; a test file run on its own (`node --test tests/actions/x.test.js`)
 * starts its own. The SDK reaches it through `AWS_ENDPOINT_URL` with dummy credentials and no
 * AWS configuration file, as the examples' command lines do; nothing here talks to AWS.
 */
import { after, before } from "node:test";
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { devNull } from "node:os";
import { fileURLToPath } from "node:url";
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Secret, TOTP } from "otpauth";
import { ControlSeam, LOCAL_REGION, startLocalBackend } from "../../lib/local-backend.js";
import { newDeviceVerifier } from "../../scenarios/mfa-scenario/device-srp.js";

export const JAVASCRIPT_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** A password that meets Cognito's default policy. */
export const TEST_PASSWORD = "Correct-Horse-9";

/**
 * The environment that points the SDK (in this process and in example subprocesses) at the
 * emulator at `url`, and away from any AWS account.
 *
 * @param {string} url
 * @returns {NodeJS.ProcessEnv}
 */
export function emulatorEnvironment(url) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("AWS_")) delete env[name];
  }
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") {
    throw new Error(`tests talk only to loopback, not to ${url}`);
  }
  return {
    ...env,
    AWS_ENDPOINT_URL: url,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_CONFIG_FILE: devNull,
    AWS_SHARED_CREDENTIALS_FILE: devNull,
    AWS_MAX_ATTEMPTS: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

/**
 * @typedef {object} Emulator What a test file gets from {@link setupEmulator}, once its
 *   `before()` hook ran.
 * @property {string} url
 * @property {ControlSeam} seam
 * @property {CognitoIdentityProviderClient} client A client built from the default chain.
 * @property {NodeJS.ProcessEnv} env For example subprocesses.
 * @property {Promise<void>} ready Settles when the above are set.
 */

/** @type {string[]} User pools this file created, deleted in its `after()` hook. */
const createdPools = [];

/**
 * Use the run's emulator in this test file (or start one for the file when run alone).
 *
 * Call it once, at the top of the file: it registers `before()` and `after()` hooks. After
 * the file's tests, every pool made with {@link createPool} is deleted.
 *
 * @param {object} [options]
 * @param {boolean} [options.privateClock] The file moves the emulator's clock (expired codes,
 *   sessions, tokens): it gets an emulator of its own, so that the files running at the same
 *   time keep their time.
 * @returns {Emulator}
 */
export function setupEmulator({ privateClock = false } = {}) {
  const emulator = /** @type {Emulator} */ ({});
  /** @type {import("../../lib/local-backend.js").LocalBackend | undefined} */
  let ownBackend;
  // Node 20 runs top-level hooks as soon as they are registered: the hooks of the helpers
  // below (poolForFile) wait for this promise rather than for their turn.
  before(() => {
    emulator.ready = (async () => {
      let url = privateClock ? undefined : process.env.COGNITO_EMULATOR_URL;
      if (!url) {
        ownBackend = await startLocalBackend();
        url = ownBackend.url;
      }
      const env = emulatorEnvironment(url);
      for (const name of Object.keys(process.env)) {
        if (name.startsWith("AWS_")) delete process.env[name];
      }
      Object.assign(process.env, env);
      // The default provider chain, as in the examples: AWS_ENDPOINT_URL, AWS_REGION, keys.
      emulator.client = new CognitoIdentityProviderClient({});
      emulator.seam = new ControlSeam(url);
      emulator.url = url;
      emulator.env = env;
    })();
    return emulator.ready;
  });
  after(async () => {
    await emulator.ready;
    for (const userPoolId of createdPools.splice(0).reverse()) {
      await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId }));
    }
    emulator.client?.destroy();
    await ownBackend?.stop();
  });
  return emulator;
}

/** @param {string} prefix */
export function uniqueName(prefix) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * @typedef {object} Pool A user pool and an app client made for one test file.
 * @property {string} userPoolId
 * @property {string} clientId
 * @property {string} [clientSecret]
 */

/**
 * Create a user pool with an app client (deleted after the file's tests).
 *
 * @param {CognitoIdentityProviderClient} client
 * @param {object} [options]
 * @param {"ON" | "OPTIONAL" | "OFF"} [options.mfa] MFA with authenticator apps (default OFF).
 * @param {boolean} [options.devices] Track devices (a challenge on a new device).
 * @param {boolean} [options.secret] Give the app client a secret.
 * @param {import("@aws-sdk/client-cognito-identity-provider").ExplicitAuthFlowsType[]} [options.flows]
 * @returns {Promise<Pool>}
 */
export async function createPool(
  client,
  { mfa = "OFF", devices = false, secret = false, flows } = {},
) {
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: uniqueName("js-test"),
      AutoVerifiedAttributes: ["email"],
      DeviceConfiguration: devices
        ? { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false }
        : undefined,
    }),
  );
  const userPoolId = /** @type {string} */ (UserPool?.Id);
  createdPools.push(userPoolId);
  if (mfa !== "OFF") {
    await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: mfa,
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
  }
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: "js-test-app",
      GenerateSecret: secret,
      ExplicitAuthFlows: flows ?? [
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_USER_SRP_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
      ],
    }),
  );
  return {
    userPoolId,
    clientId: /** @type {string} */ (UserPoolClient?.ClientId),
    clientSecret: UserPoolClient?.ClientSecret,
  };
}

/**
 * A pool made once for the file, in `before()` (after {@link setupEmulator}'s).
 *
 * @param {Emulator} emulator
 * @param {Parameters<typeof createPool>[1]} [options]
 * @returns {Pool} Filled in once the hook ran: read it inside a test.
 */
export function poolForFile(emulator, options) {
  const pool = /** @type {Pool} */ ({});
  before(async () => {
    await emulator.ready;
    Object.assign(pool, await createPool(emulator.client, options));
  });
  return pool;
}

/**
 * A confirmed user with an e-mail address and {@link TEST_PASSWORD}.
 *
 * @param {CognitoIdentityProviderClient} client
 * @param {Pool} pool
 * @returns {Promise<{username: string, password: string}>}
 */
export async function createConfirmedUser(client, pool) {
  const username = uniqueName("user");
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: username,
      MessageAction: "SUPPRESS",
      UserAttributes: [
        { Name: "email", Value: `${username}@example.com` },
        { Name: "email_verified", Value: "true" },
      ],
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: pool.userPoolId,
      Username: username,
      Password: TEST_PASSWORD,
      Permanent: true,
    }),
  );
  return { username, password: TEST_PASSWORD };
}

/**
 * Sign a user in with ADMIN_USER_PASSWORD_AUTH in a pool without MFA; the tokens.
 *
 * @param {CognitoIdentityProviderClient} client
 * @param {Pool} pool
 * @param {{username: string, password: string}} user
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").AuthenticationResultType>}
 */
export async function signIn(client, pool, { username, password }) {
  const response = await client.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  if (!response.AuthenticationResult?.AccessToken) {
    throw new Error(`signIn: expected tokens, got challenge ${response.ChallengeName}`);
  }
  return response.AuthenticationResult;
}

/**
 * A user signed in from a new device that is confirmed (remembered) already.
 *
 * @param {CognitoIdentityProviderClient} client
 * @param {Pool} pool A pool that tracks devices.
 * @returns {Promise<{accessToken: string, deviceKey: string}>}
 */
export async function userWithDevice(client, pool) {
  const user = await createConfirmedUser(client, pool);
  const tokens = await signIn(client, pool, user);
  const { DeviceKey, DeviceGroupKey } = tokens.NewDeviceMetadata ?? {};
  if (!DeviceKey || !DeviceGroupKey) throw new Error("userWithDevice: the pool tracks no devices");
  const { verifierConfig } = await newDeviceVerifier(DeviceKey, DeviceGroupKey);
  await client.send(
    new ConfirmDeviceCommand({
      AccessToken: tokens.AccessToken,
      DeviceKey,
      DeviceSecretVerifierConfig: verifierConfig,
    }),
  );
  return { accessToken: /** @type {string} */ (tokens.AccessToken), deviceKey: DeviceKey };
}

/**
 * Sign a user up through the app client (Cognito delivers a code to the emulator's outbox).
 *
 * @param {CognitoIdentityProviderClient} client
 * @param {Pool} pool
 * @returns {Promise<{username: string, password: string}>}
 */
export async function signUpUser(client, pool) {
  const username = uniqueName("user");
  await client.send(
    new SignUpCommand({
      ClientId: pool.clientId,
      Username: username,
      Password: TEST_PASSWORD,
      UserAttributes: [{ Name: "email", Value: `${username}@example.com` }],
    }),
  );
  return { username, password: TEST_PASSWORD };
}

/**
 * A user of a pool that requires MFA, in the middle of signing in: Cognito asked for
 * MFA_SETUP and handed out a TOTP secret (AssociateSoftwareToken).
 *
 * @param {CognitoIdentityProviderClient} client
 * @param {Pool} pool A pool with MFA `ON`.
 * @returns {Promise<{username: string, password: string, secret: string, session: string}>}
 */
export async function userSettingUpMfa(client, pool) {
  const user = await createConfirmedUser(client, pool);
  const started = await client.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  if (started.ChallengeName !== "MFA_SETUP") {
    throw new Error(`userSettingUpMfa: expected MFA_SETUP, got ${started.ChallengeName}`);
  }
  const { SecretCode, Session } = await client.send(
    new AssociateSoftwareTokenCommand({ Session: started.Session }),
  );
  return {
    ...user,
    secret: /** @type {string} */ (SecretCode),
    session: /** @type {string} */ (Session),
  };
}

/**
 * A user of a pool that requires MFA whose authenticator app is verified: the next sign-in
 * asks for SOFTWARE_TOKEN_MFA.
 *
 * @param {CognitoIdentityProviderClient} client
 * @param {Pool} pool A pool with MFA `ON`.
 * @param {Authenticator} authenticator Computes the codes (and remembers the used ones).
 * @returns {Promise<{username: string, password: string, secret: string}>}
 */
export async function userWithMfa(client, pool, authenticator) {
  const user = await userSettingUpMfa(client, pool);
  const { Status } = await client.send(
    new VerifySoftwareTokenCommand({
      Session: user.session,
      UserCode: await authenticator.code(user.secret),
    }),
  );
  if (Status !== "SUCCESS") throw new Error(`userWithMfa: VerifySoftwareToken said ${Status}`);
  return { username: user.username, password: user.password, secret: user.secret };
}

/** A random name that is not a user, a pool or a device of anything. */
export function missingName() {
  return `missing-${randomBytes(6).toString("hex")}`;
}

/**
 * TOTP codes for the emulator's time, never the same code twice for one secret.
 *
 * Cognito accepts the current 30 s step and one step of drift and may refuse a code used
 * already, so the second code a test needs is the next step's.
 */
export class Authenticator {
  /** @param {ControlSeam} seam */
  constructor(seam) {
    this.seam = seam;
    /** @type {Set<string>} */
    this.used = new Set();
  }

  /**
   * The next unused code of `secret` for the emulator's current time.
   *
   * @param {string} secret The base32 `SecretCode` of AssociateSoftwareToken.
   * @returns {Promise<string>}
   */
  async code(secret) {
    const { now } = await this.seam.clock();
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    for (const at of [now, now + totp.period]) {
      const code = totp.generate({ timestamp: at * 1000 });
      if (!this.used.has(`${secret}:${code}`)) {
        this.used.add(`${secret}:${code}`);
        return code;
      }
    }
    throw new Error("no unused TOTP code left in this time window");
  }
}

/**
 * Capture what the examples print with `console.error` during one test (and keep it out of
 * the test report).
 *
 * @param {import("node:test").TestContext} t
 * @returns {{ text: () => string }}
 */
export function captureErrors(t) {
  /** @type {string[]} */
  const lines = [];
  t.mock.method(console, "error", (/** @type {unknown[]} */ ...args) => {
    lines.push(args.join(" "));
  });
  return { text: () => lines.join("\n") };
}

/**
 * Run a JavaScript file of this package with node, as a reader would.
 *
 * @param {string} file Relative to javascript/, such as `actions/sign-up.js`.
 * @param {string[]} args
 * @param {{env?: NodeJS.ProcessEnv, input?: string, timeoutMs?: number}} [options]
 * @returns {Promise<{status: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string}>}
 */
export function runNode(file, args, { env, input, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: JAVASCRIPT_DIR,
      env: env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}
