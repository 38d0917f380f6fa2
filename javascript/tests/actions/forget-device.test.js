// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ListDevicesCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { forgetDevice } from "../../actions/forget-device.js";
import { captureErrors, poolForFile, setupEmulator, userWithDevice } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { devices: true });

test("ForgetDevice forgets the device; forgetting it again: ResourceNotFoundException", async (t) => {
  const { accessToken, deviceKey } = await userWithDevice(emulator.client, pool);
  await forgetDevice(emulator.client, { accessToken, deviceKey });
  const { Devices } = await emulator.client.send(
    new ListDevicesCommand({ AccessToken: accessToken }),
  );
  assert.deepEqual(Devices, []);

  const errors = captureErrors(t);
  await assert.rejects(
    forgetDevice(emulator.client, { accessToken, deviceKey }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /isn't tracked \(anymore\)/);
});
