// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { ResourceNotFoundException } from "@aws-sdk/client-cognito-identity-provider";
import { describeUserPool } from "../../actions/describe-user-pool.js";
import { captureErrors, poolForFile, setupEmulator } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { devices: true });

test("DescribeUserPool returns the pool's settings", async () => {
  const result = await describeUserPool(emulator.client, { userPoolId: pool.userPoolId });
  assert.equal(result.Id, pool.userPoolId);
  assert.match(result.Name ?? "", /^js-test-/);
  assert.equal(result.DeviceConfiguration?.ChallengeRequiredOnNewDevice, true);
});

test("DescribeUserPool of a missing pool: ResourceNotFoundException, explained", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    describeUserPool(emulator.client, { userPoolId: "us-east-1_missing" }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /There is no user pool us-east-1_missing/);
  assert.match(errors.text(), /ResourceNotFoundException/);
});
