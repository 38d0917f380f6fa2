// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ListDevicesCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { updateDeviceStatus } from "../../actions/update-device-status.js";
import { captureErrors, poolForFile, setupEmulator, userWithDevice } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { devices: true });

/** @param {string} accessToken */
async function rememberedStatus(accessToken) {
  const { Devices } = await emulator.client.send(
    new ListDevicesCommand({ AccessToken: accessToken }),
  );
  return Devices?.[0]?.DeviceAttributes?.find(
    (attribute) => attribute.Name === "dev:device_remembered_status",
  )?.Value;
}

test("UpdateDeviceStatus stops remembering a device, then remembers it again", async () => {
  const { accessToken, deviceKey } = await userWithDevice(emulator.client, pool);
  await updateDeviceStatus(emulator.client, { accessToken, deviceKey, remembered: false });
  assert.equal(await rememberedStatus(accessToken), "not_remembered");
  await updateDeviceStatus(emulator.client, { accessToken, deviceKey, remembered: true });
  assert.equal(await rememberedStatus(accessToken), "remembered");
});

test("UpdateDeviceStatus of an untracked device: ResourceNotFoundException, explained", async (t) => {
  const { accessToken } = await userWithDevice(emulator.client, pool);
  const errors = captureErrors(t);
  const deviceKey = "us-east-1_00000000-0000-4000-8000-000000000000";
  await assert.rejects(
    updateDeviceStatus(emulator.client, { accessToken, deviceKey, remembered: true }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /isn't tracked for this user: confirm it first/);
});
