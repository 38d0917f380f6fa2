// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdminGetUserCommand,
  CodeMismatchException,
  ExpiredCodeException,
} from "@aws-sdk/client-cognito-identity-provider";
import { confirmSignUp } from "../../actions/confirm-sign-up.js";
import { captureErrors, poolForFile, setupEmulator, signUpUser } from "../helpers/emulator.js";

// The expired-code test moves the emulator's clock: this file has an emulator of its own.
const emulator = setupEmulator({ privateClock: true });
const pool = poolForFile(emulator);

/** @param {string} username */
async function status(username) {
  const user = await emulator.client.send(
    new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }),
  );
  return user.UserStatus;
}

test("ConfirmSignUp with the delivered code confirms the user", async () => {
  const { username } = await signUpUser(emulator.client, pool);
  const code = /** @type {string} */ (await emulator.seam.latestCode(username, pool.userPoolId));
  await confirmSignUp(emulator.client, { clientId: pool.clientId, username, code });
  assert.equal(await status(username), "CONFIRMED");
});

test("ConfirmSignUp with a wrong code: CodeMismatchException, still unconfirmed", async (t) => {
  const { username } = await signUpUser(emulator.client, pool);
  const code = /** @type {string} */ (await emulator.seam.latestCode(username, pool.userPoolId));
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  const errors = captureErrors(t);
  await assert.rejects(
    confirmSignUp(emulator.client, { clientId: pool.clientId, username, code: wrong }),
    CodeMismatchException,
  );
  assert.match(errors.text(), /doesn't match the last code sent/);
  assert.equal(await status(username), "UNCONFIRMED");
});

test("ConfirmSignUp a day later: ExpiredCodeException, explained", async (t) => {
  const { username } = await signUpUser(emulator.client, pool);
  const code = /** @type {string} */ (await emulator.seam.latestCode(username, pool.userPoolId));
  await emulator.seam.advanceClock(25 * 3600); // codes live 24 hours
  t.after(() => emulator.seam.setClockOffset(0));
  const errors = captureErrors(t);
  await assert.rejects(
    confirmSignUp(emulator.client, { clientId: pool.clientId, username, code }),
    ExpiredCodeException,
  );
  assert.match(errors.text(), /has expired: ask for a new one/);
});
