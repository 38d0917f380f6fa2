// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { GetUserCommand, NotAuthorizedException } from "@aws-sdk/client-cognito-identity-provider";
import { globalSignOut } from "../../actions/global-sign-out.js";
import {
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
  signIn,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("GlobalSignOut revokes the access token; signing out again is refused", async (t) => {
  const user = await createConfirmedUser(emulator.client, pool);
  const accessToken = /** @type {string} */ (
    (await signIn(emulator.client, pool, user)).AccessToken
  );
  await emulator.client.send(new GetUserCommand({ AccessToken: accessToken })); // still valid
  await globalSignOut(emulator.client, { accessToken });
  await assert.rejects(
    emulator.client.send(new GetUserCommand({ AccessToken: accessToken })),
    NotAuthorizedException,
  );

  const errors = captureErrors(t);
  await assert.rejects(globalSignOut(emulator.client, { accessToken }), NotAuthorizedException);
  assert.match(errors.text(), /AdminUserGlobalSignOut/);
});
