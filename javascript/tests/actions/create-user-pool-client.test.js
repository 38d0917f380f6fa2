// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { ResourceNotFoundException } from "@aws-sdk/client-cognito-identity-provider";
import { createUserPoolClient } from "../../actions/create-user-pool-client.js";
import { captureErrors, poolForFile, setupEmulator } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("CreateUserPoolClient creates a client with the given flows and a secret", async () => {
  const flows = /** @type {const} */ (["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
  const created = await createUserPoolClient(emulator.client, {
    userPoolId: pool.userPoolId,
    clientName: "js-app",
    generateSecret: true,
    explicitAuthFlows: [...flows],
  });
  assert.ok(created.ClientId);
  assert.equal(created.ClientName, "js-app");
  assert.ok((created.ClientSecret ?? "").length >= 32);
  assert.deepEqual([...(created.ExplicitAuthFlows ?? [])].sort(), [...flows].sort());
});

test("CreateUserPoolClient without a secret has none", async () => {
  const created = await createUserPoolClient(emulator.client, {
    userPoolId: pool.userPoolId,
    clientName: "js-public-app",
  });
  assert.equal(created.ClientSecret, undefined);
});

test("CreateUserPoolClient in a missing pool: ResourceNotFoundException, explained", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    createUserPoolClient(emulator.client, {
      userPoolId: "us-east-1_missing",
      clientName: "js-app",
    }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /There is no user pool us-east-1_missing/);
});
