// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdminGetUserCommand,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminDeleteUser } from "../../actions/admin-delete-user.js";
import {
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("AdminDeleteUser deletes the user; again: UserNotFoundException", async (t) => {
  const { username } = await createConfirmedUser(emulator.client, pool);
  await adminDeleteUser(emulator.client, { userPoolId: pool.userPoolId, username });
  await assert.rejects(
    emulator.client.send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }),
    ),
    UserNotFoundException,
  );

  const errors = captureErrors(t);
  await assert.rejects(
    adminDeleteUser(emulator.client, { userPoolId: pool.userPoolId, username }),
    UserNotFoundException,
  );
  assert.match(errors.text(), /it may be deleted already/);
});
