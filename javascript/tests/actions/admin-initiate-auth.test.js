// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  GetUserCommand,
  InvalidParameterException,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminInitiateAuth } from "../../actions/admin-initiate-auth.js";
import {
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const plainPool = poolForFile(emulator);
const mfaPool = poolForFile(emulator, { mfa: "ON" });
const srpOnlyPool = poolForFile(emulator, { flows: ["ALLOW_USER_SRP_AUTH"] });

test("AdminInitiateAuth signs a user in; the access token works", async () => {
  const user = await createConfirmedUser(emulator.client, plainPool);
  const result = await adminInitiateAuth(emulator.client, { ...plainPool, ...user });
  const tokens = result.AuthenticationResult;
  assert.ok(tokens?.IdToken && tokens.RefreshToken);
  const me = await emulator.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
  assert.equal(me.Username, user.username);
});

test("AdminInitiateAuth in a pool that requires MFA: the MFA_SETUP challenge", async () => {
  const user = await createConfirmedUser(emulator.client, mfaPool);
  const result = await adminInitiateAuth(emulator.client, { ...mfaPool, ...user });
  assert.equal(result.ChallengeName, "MFA_SETUP");
  assert.ok(result.Session);
  assert.equal(result.AuthenticationResult, undefined);
});

test("AdminInitiateAuth with a wrong password: NotAuthorizedException, explained", async (t) => {
  const user = await createConfirmedUser(emulator.client, plainPool);
  const errors = captureErrors(t);
  await assert.rejects(
    adminInitiateAuth(emulator.client, { ...plainPool, ...user, password: "Wrong-Pass-1" }),
    NotAuthorizedException,
  );
  assert.match(errors.text(), new RegExp(`Wrong user name or password for ${user.username}`));
});

test("AdminInitiateAuth through a client without the admin flow: advice to add it", async (t) => {
  const user = await createConfirmedUser(emulator.client, srpOnlyPool);
  const errors = captureErrors(t);
  await assert.rejects(
    adminInitiateAuth(emulator.client, { ...srpOnlyPool, ...user }),
    InvalidParameterException,
  );
  assert.match(errors.text(), /add ALLOW_ADMIN_USER_PASSWORD_AUTH/);
});
