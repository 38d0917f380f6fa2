// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * The local Cognito backend: starting `cognito-emulator` and talking to its control seam.
 *
 * The emulator is the project's Python console script (on PATH, or the program named by the
 * environment variable `COGNITO_EMULATOR`). It prints one line when ready:
 * `cognito-emulator listening on http://127.0.0.1:PORT, outbox DIR`. The control seam
 * (`/_emulator/...`, see scenarios/SPECIFICATION.md) gives the codes it "e-mailed" and moves
 * its clock. Used by the guided scenario and by the tests.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";

const READY = /^cognito-emulator listening on (http:\/\/\S+), outbox (.+)$/;
export const LOCAL_REGION = "us-east-1";

/**
 * @typedef {object} LocalBackend A running `cognito-emulator`.
 * @property {string} url Its endpoint, such as `http://127.0.0.1:40123`.
 * @property {string} outbox The private folder it delivers messages to.
 * @property {() => Promise<void>} stop Stop it (SIGTERM) and remove the outbox folder.
 */

/**
 * Start `cognito-emulator --port 0 --outbox <a new private folder>`; resolve once it listens.
 *
 * @param {object} [options]
 * @param {string} [options.command] The program (default: `COGNITO_EMULATOR`, else
 *   `cognito-emulator` on PATH).
 * @param {number} [options.timeoutMs] How long to wait for the ready line.
 * @returns {Promise<LocalBackend>}
 */
export async function startLocalBackend({
  command = process.env.COGNITO_EMULATOR || "cognito-emulator",
  timeoutMs = 60_000,
} = {}) {
  const outbox = mkdtempSync(join(tmpdir(), "cognito-outbox-")); // created 0700
  const child = spawn(command, ["--port", "0", "--outbox", outbox], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const removeOutbox = () => rmSync(outbox, { recursive: true, force: true });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    removeOutbox();
  };
  try {
    const url = await new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      const timer = setTimeout(() => {
        reject(new Error(`${command} printed no ready line within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const done = (/** @type {() => void} */ settle) => {
        clearTimeout(timer);
        settle();
      };
      lines.on("line", (line) => {
        const match = READY.exec(line);
        if (match) done(() => resolve(match[1]));
      });
      child.once("error", (err) => {
        const hint =
          /** @type {NodeJS.ErrnoException} */ (err).code === "ENOENT"
            ? `${command} not found: install the project's Python package ` +
              "(pip install -e . in the repository root) or set COGNITO_EMULATOR"
            : `couldn't start ${command}: ${err.message}`;
        done(() => reject(new Error(hint)));
      });
      child.once("exit", (code) => {
        const why = stderr.trim().split("\n").pop() || `exit status ${code}`;
        done(() => reject(new Error(`${command} stopped before it was ready: ${why}`)));
      });
    });
    child.stdout.resume(); // keep draining whatever it prints later
    return { url, outbox, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * A Cognito client for the local backend at `url` that reads no AWS configuration: dummy
 * credentials, the Region and the endpoint are given explicitly, so it can never reach an
 * AWS account, whatever profile or configuration file the machine has.
 *
 * @param {string} url The backend's endpoint.
 * @returns {CognitoIdentityProviderClient}
 */
export function localClient(url) {
  return new CognitoIdentityProviderClient({
    endpoint: url,
    region: LOCAL_REGION,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    maxAttempts: 1,
  });
}

/**
 * @typedef {object} DeliveredMessage A message the emulator "sent".
 * @property {string} username
 * @property {string} user_pool_id
 * @property {string} destination
 * @property {string} trigger Such as `CustomMessage_SignUp`.
 * @property {string} code
 * @property {string} sent_at
 */

/** The emulator's control seam: delivered codes, its clock, reset. */
export class ControlSeam {
  /** @param {string} url The emulator's endpoint. */
  constructor(url) {
    this.url = url.replace(/\/$/, "");
  }

  /**
   * @param {string} path
   * @param {object} [body] Sent as JSON with POST.
   */
  async #request(path, body) {
    const response = await fetch(`${this.url}/_emulator/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`control seam ${path}: HTTP ${response.status} ${await response.text()}`);
    }
    return response.json();
  }

  /**
   * The messages delivered so far, oldest first.
   *
   * @param {{username?: string, userPoolId?: string, trigger?: string}} [filter]
   * @returns {Promise<DeliveredMessage[]>}
   */
  async messages({ username, userPoolId, trigger } = {}) {
    const query = new URLSearchParams();
    if (username) query.set("username", username);
    if (userPoolId) query.set("user_pool_id", userPoolId);
    if (trigger) query.set("trigger", trigger);
    const { messages } = await this.#request(`messages?${query}`);
    return messages;
  }

  /**
   * The newest code delivered to a user, or `null`.
   *
   * @param {string} username
   * @param {string} [userPoolId]
   * @returns {Promise<string | null>}
   */
  async latestCode(username, userPoolId) {
    const messages = await this.messages({ username, userPoolId });
    return messages.length ? messages[messages.length - 1].code : null;
  }

  /** @returns {Promise<{now: number, offset: number}>} The emulator's time (epoch seconds). */
  clock() {
    return this.#request("clock");
  }

  /**
   * Make time pass for the emulator (an expired code, session or token) without sleeping.
   *
   * @param {number} seconds
   * @returns {Promise<{now: number, offset: number}>}
   */
  advanceClock(seconds) {
    return this.#request("clock", { advance: seconds });
  }

  /**
   * Put the emulator's clock `seconds` ahead of real time (0: back to real time).
   *
   * @param {number} seconds
   * @returns {Promise<{now: number, offset: number}>}
   */
  setClockOffset(seconds) {
    return this.#request("clock", { offset: seconds });
  }

  /** Forget every pool, user, session and message. */
  reset() {
    return this.#request("reset", {});
  }
}
