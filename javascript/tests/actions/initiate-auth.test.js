// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  GetUserCommand,
  InvalidParameterException,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity-provider";
import { initiateAuth } from "../../actions/initiate-auth.js";
import {
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const plainPool = poolForFile(emulator);
const mfaPool = poolForFile(emulator, { mfa: "ON" });
const adminOnlyPool = poolForFile(emulator, { flows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] });

test("InitiateAuth signs a user in with USER_PASSWORD_AUTH; the access token works", async () => {
  const user = await createConfirmedUser(emulator.client, plainPool);
  const result = await initiateAuth(emulator.client, { clientId: plainPool.clientId, ...user });
  const accessToken = result.AuthenticationResult?.AccessToken;
  const me = await emulator.client.send(new GetUserCommand({ AccessToken: accessToken }));
  assert.equal(me.Username, user.username);
});

test("InitiateAuth in a pool that requires MFA: the MFA_SETUP challenge", async () => {
  const user = await createConfirmedUser(emulator.client, mfaPool);
  const result = await initiateAuth(emulator.client, { clientId: mfaPool.clientId, ...user });
  assert.equal(result.ChallengeName, "MFA_SETUP");
  assert.ok(result.Session);
});

test("InitiateAuth with a wrong password: NotAuthorizedException, explained", async (t) => {
  const user = await createConfirmedUser(emulator.client, plainPool);
  const errors = captureErrors(t);
  await assert.rejects(
    initiateAuth(emulator.client, {
      clientId: plainPool.clientId,
      username: user.username,
      password: "Wrong-Pass-1",
    }),
    NotAuthorizedException,
  );
  assert.match(errors.text(), /Wrong user name or password/);
});

test("InitiateAuth through a client without the flow: advice to add it", async (t) => {
  const user = await createConfirmedUser(emulator.client, adminOnlyPool);
  const errors = captureErrors(t);
  await assert.rejects(
    initiateAuth(emulator.client, { clientId: adminOnlyPool.clientId, ...user }),
    InvalidParameterException,
  );
  assert.match(errors.text(), /add ALLOW_USER_PASSWORD_AUTH/);
});
