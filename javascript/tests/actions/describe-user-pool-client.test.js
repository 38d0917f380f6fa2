// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { ResourceNotFoundException } from "@aws-sdk/client-cognito-identity-provider";
import { describeUserPoolClient } from "../../actions/describe-user-pool-client.js";
import { captureErrors, poolForFile, setupEmulator } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { secret: true });

test("DescribeUserPoolClient returns the client's flows and secret", async () => {
  const described = await describeUserPoolClient(emulator.client, pool);
  assert.equal(described.ClientId, pool.clientId);
  assert.equal(described.ClientSecret, pool.clientSecret);
  assert.ok(described.ExplicitAuthFlows?.includes("ALLOW_ADMIN_USER_PASSWORD_AUTH"));
});

test("DescribeUserPoolClient of a missing client: ResourceNotFoundException", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    describeUserPoolClient(emulator.client, {
      userPoolId: pool.userPoolId,
      clientId: "1missing1client1id1example",
    }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /There is no app client 1missing1client1id1example/);
});
