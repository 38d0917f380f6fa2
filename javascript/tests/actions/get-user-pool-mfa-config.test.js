// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { ResourceNotFoundException } from "@aws-sdk/client-cognito-identity-provider";
import { getUserPoolMfaConfig } from "../../actions/get-user-pool-mfa-config.js";
import { captureErrors, poolForFile, setupEmulator } from "../helpers/emulator.js";

const emulator = setupEmulator();
const offPool = poolForFile(emulator);
const onPool = poolForFile(emulator, { mfa: "ON" });

test("GetUserPoolMfaConfig tells a pool without MFA from one that requires TOTP", async () => {
  const off = await getUserPoolMfaConfig(emulator.client, { userPoolId: offPool.userPoolId });
  assert.equal(off.MfaConfiguration, "OFF");
  const on = await getUserPoolMfaConfig(emulator.client, { userPoolId: onPool.userPoolId });
  assert.equal(on.MfaConfiguration, "ON");
  assert.equal(on.SoftwareTokenMfaConfiguration?.Enabled, true);
  assert.equal("$metadata" in on, false);
});

test("GetUserPoolMfaConfig of a missing pool: ResourceNotFoundException", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    getUserPoolMfaConfig(emulator.client, { userPoolId: "us-east-1_missing" }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /Couldn't get the MFA configuration of user pool us-east-1_missing/);
});
