// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { UserNotFoundException } from "@aws-sdk/client-cognito-identity-provider";
import { adminGetUser } from "../../actions/admin-get-user.js";
import {
  captureErrors,
  createConfirmedUser,
  missingName,
  poolForFile,
  setupEmulator,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("AdminGetUser returns the user's status and attributes", async () => {
  const { username } = await createConfirmedUser(emulator.client, pool);
  const user = await adminGetUser(emulator.client, { userPoolId: pool.userPoolId, username });
  assert.equal(user.Username, username);
  assert.equal(user.UserStatus, "CONFIRMED");
  assert.equal(user.Enabled, true);
  const email = user.UserAttributes?.find((attribute) => attribute.Name === "email")?.Value;
  assert.equal(email, `${username}@example.com`);
});

test("AdminGetUser of a missing user: UserNotFoundException, explained", async (t) => {
  const errors = captureErrors(t);
  const username = missingName();
  await assert.rejects(
    adminGetUser(emulator.client, { userPoolId: pool.userPoolId, username }),
    UserNotFoundException,
  );
  assert.match(errors.text(), new RegExp(`User ${username} is not in user pool`));
});
