// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { NotAuthorizedException } from "@aws-sdk/client-cognito-identity-provider";
import { getUser } from "../../actions/get-user.js";
import {
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
  signIn,
} from "../helpers/emulator.js";

const emulator = setupEmulator({ privateClock: true });
const pool = poolForFile(emulator);

test("GetUser returns the user of the access token", async () => {
  const user = await createConfirmedUser(emulator.client, pool);
  const { AccessToken } = await signIn(emulator.client, pool, user);
  const me = await getUser(emulator.client, { accessToken: /** @type {string} */ (AccessToken) });
  assert.equal(me.Username, user.username);
  const email = me.UserAttributes?.find((attribute) => attribute.Name === "email")?.Value;
  assert.equal(email, `${user.username}@example.com`);
});

test("GetUser with an expired access token: NotAuthorizedException, explained", async (t) => {
  const user = await createConfirmedUser(emulator.client, pool);
  const { AccessToken } = await signIn(emulator.client, pool, user);
  await emulator.seam.advanceClock(2 * 3600); // access tokens live 1 hour
  t.after(() => emulator.seam.setClockOffset(0));
  const errors = captureErrors(t);
  await assert.rejects(
    getUser(emulator.client, { accessToken: /** @type {string} */ (AccessToken) }),
    NotAuthorizedException,
  );
  assert.match(errors.text(), /has expired or was revoked: sign in again/);
});
