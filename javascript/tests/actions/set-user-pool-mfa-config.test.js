// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  GetUserPoolMfaConfigCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { setUserPoolMfaConfig } from "../../actions/set-user-pool-mfa-config.js";
import { captureErrors, poolForFile, setupEmulator } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("SetUserPoolMfaConfig requires MFA with authenticator apps, then turns it off", async () => {
  const on = await setUserPoolMfaConfig(emulator.client, { userPoolId: pool.userPoolId });
  assert.equal(on.MfaConfiguration, "ON");
  let current = await emulator.client.send(
    new GetUserPoolMfaConfigCommand({ UserPoolId: pool.userPoolId }),
  );
  assert.equal(current.MfaConfiguration, "ON");
  assert.equal(current.SoftwareTokenMfaConfiguration?.Enabled, true);

  await setUserPoolMfaConfig(emulator.client, {
    userPoolId: pool.userPoolId,
    mfaConfiguration: "OFF",
  });
  current = await emulator.client.send(
    new GetUserPoolMfaConfigCommand({ UserPoolId: pool.userPoolId }),
  );
  assert.equal(current.MfaConfiguration, "OFF");
});

test("SetUserPoolMfaConfig of a missing pool: ResourceNotFoundException", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    setUserPoolMfaConfig(emulator.client, { userPoolId: "us-east-1_missing" }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /There is no user pool us-east-1_missing/);
});
