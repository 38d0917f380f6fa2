// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * The bench the client libraries run on: one `cognito-emulator`, its control seam, the
 * administrator's calls that make a user pool (the libraries under test make only the calls
 * an app makes), and an authenticator app that computes TOTP codes for the emulator's clock.
 *
 * This folder is a package of its own (its own pinned libraries), so it starts the emulator
 * itself rather than importing the examples' helper from `javascript/lib/`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Secret, TOTP } from "otpauth";

const READY = /^cognito-emulator listening on (http:\/\/\S+), outbox /;
export const PASSWORD = "Correct-Horse-9!";

/** A running `cognito-emulator` (the console script on PATH, or `COGNITO_EMULATOR`). */
export class Emulator {
  /**
   * Start one on a free port with a private outbox; resolves once it listens.
   *
   * @returns {Promise<Emulator>}
   */
  static async start() {
    const command = process.env.COGNITO_EMULATOR || "cognito-emulator";
    const outbox = mkdtempSync(join(tmpdir(), "cognito-outbox-"));
    const child = spawn(command, ["--port", "0", "--outbox", outbox], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const url = await new Promise((resolve, reject) => {
      child.once("error", (err) => reject(new Error(`couldn't start ${command}: ${err.message}`)));
      child.once("exit", (code) => reject(new Error(`${command} stopped (status ${code})`)));
      createInterface({ input: child.stdout }).on("line", (line) => {
        const match = READY.exec(line);
        if (match) resolve(match[1]);
      });
    });
    child.stdout.resume();
    return new Emulator(url, async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(outbox, { recursive: true, force: true });
    });
  }

  /**
   * @param {string} url
   * @param {() => Promise<void>} stop
   */
  constructor(url, stop) {
    this.url = url;
    this.stop = stop;
  }

  /**
   * A Cognito operation, unsigned JSON over HTTP: the administrator's set-up, and checks of
   * what the libraries left behind. A Cognito error is thrown with its `name` and `message`.
   *
   * @param {string} operation Such as `CreateUserPool`.
   * @param {object} body
   * @returns {Promise<any>}
   */
  async call(operation, body) {
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) {
      throw Object.assign(new Error(answer.message), { name: answer.__type });
    }
    return answer;
  }

  /**
   * A user pool requiring TOTP MFA, tracking devices (remembered when the user says so), and
   * an app client without a secret allowing the SRP and password flows.
   *
   * @param {string} name
   * @returns {Promise<{userPoolId: string, clientId: string}>}
   */
  async mfaPool(name) {
    const { UserPool } = await this.call("CreateUserPool", {
      PoolName: name,
      AutoVerifiedAttributes: ["email"],
      DeviceConfiguration: {
        ChallengeRequiredOnNewDevice: true,
        DeviceOnlyRememberedOnUserPrompt: true,
      },
    });
    await this.call("SetUserPoolMfaConfig", {
      UserPoolId: UserPool.Id,
      MfaConfiguration: "ON",
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const { UserPoolClient } = await this.call("CreateUserPoolClient", {
      UserPoolId: UserPool.Id,
      ClientName: name,
      ExplicitAuthFlows: [
        "ALLOW_USER_SRP_AUTH",
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
      ],
    });
    return { userPoolId: UserPool.Id, clientId: UserPoolClient.ClientId };
  }

  /**
   * The newest code the emulator "sent" to a user, optionally for one trigger.
   *
   * @param {string} username
   * @param {string} [trigger] Such as `CustomMessage_ForgotPassword`.
   * @returns {Promise<{code: string, destination: string}>}
   */
  async latestMessage(username, trigger) {
    const query = new URLSearchParams({ username, ...(trigger ? { trigger } : {}) });
    const response = await fetch(`${this.url}/_emulator/messages?${query}`);
    const { messages } = await response.json();
    if (!messages.length) throw new Error(`no message to ${username} (${trigger ?? "any"})`);
    return messages[messages.length - 1];
  }

  /** @returns {Promise<number>} The emulator's time, epoch seconds. */
  async now() {
    const response = await fetch(`${this.url}/_emulator/clock`);
    return (await response.json()).now;
  }

  /**
   * Make time pass for the emulator, without sleeping.
   *
   * @param {number} seconds
   */
  async advance(seconds) {
    await fetch(`${this.url}/_emulator/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advance: seconds }),
    });
  }
}

/**
 * The user's authenticator app. Cognito takes a TOTP code once, and after it no code of an
 * earlier 30 s step; instead of waiting for the next step, this moves the emulator's clock.
 */
export class Authenticator {
  /** @param {Emulator} emulator */
  constructor(emulator) {
    this.emulator = emulator;
    /** @type {Map<string, number>} The last time step used, by secret. */
    this.lastStep = new Map();
  }

  /**
   * A code of `secret` that Cognito has not seen yet.
   *
   * @param {string} secret The base32 setup key.
   * @returns {Promise<string>}
   */
  async code(secret) {
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    let step = Math.floor((await this.emulator.now()) / totp.period);
    const last = this.lastStep.get(secret) ?? -1;
    if (step <= last) {
      await this.emulator.advance((last - step + 1) * totp.period);
      step = last + 1;
    }
    this.lastStep.set(secret, step);
    return totp.generate({ timestamp: step * totp.period * 1000 });
  }
}

/**
 * Node 20 has no `navigator`. The libraries name a remembered device after the browser
 * (`navigator.userAgent`); Amplify, when it can't, silently skips ConfirmDevice and so never
 * remembers the device. A browser-like `navigator` lets the tests see what a browser app does.
 */
export function pretendToBeABrowser() {
  if (typeof globalThis.navigator === "undefined") {
    Object.defineProperty(globalThis, "navigator", {
      value: { userAgent: "js-clients-test (Node.js)" },
      configurable: true,
    });
  }
}
