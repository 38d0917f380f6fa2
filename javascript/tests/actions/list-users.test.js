// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { ResourceNotFoundException } from "@aws-sdk/client-cognito-identity-provider";
import { listUsers } from "../../actions/list-users.js";
import {
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("ListUsers lists every user of the pool with its status", async () => {
  const ana = await createConfirmedUser(emulator.client, pool);
  const bo = await createConfirmedUser(emulator.client, pool);
  const users = await listUsers(emulator.client, { userPoolId: pool.userPoolId });
  const names = users.map((user) => user.Username).sort();
  assert.deepEqual(names, [ana.username, bo.username].sort());
  assert.ok(users.every((user) => user.UserStatus === "CONFIRMED"));
  const email = users
    .find((user) => user.Username === ana.username)
    ?.Attributes?.find((attribute) => attribute.Name === "email")?.Value;
  assert.equal(email, `${ana.username}@example.com`);
});

test("ListUsers of a missing pool: ResourceNotFoundException, explained", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    listUsers(emulator.client, { userPoolId: "us-east-1_missing" }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /There is no user pool us-east-1_missing/);
});
