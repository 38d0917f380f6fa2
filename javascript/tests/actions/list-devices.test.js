// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { NotAuthorizedException } from "@aws-sdk/client-cognito-identity-provider";
import { listDevices } from "../../actions/list-devices.js";
import { captureErrors, poolForFile, setupEmulator, userWithDevice } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { devices: true });

test("ListDevices lists the remembered device with its attributes", async () => {
  const { accessToken, deviceKey } = await userWithDevice(emulator.client, pool);
  const devices = await listDevices(emulator.client, { accessToken });
  assert.deepEqual(
    devices.map((device) => device.DeviceKey),
    [deviceKey],
  );
  const status = devices[0].DeviceAttributes?.find(
    (attribute) => attribute.Name === "dev:device_remembered_status",
  )?.Value;
  assert.equal(status, "remembered");
});

test("ListDevices with a token that isn't one: NotAuthorizedException, explained", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    listDevices(emulator.client, { accessToken: "not.a.token" }),
    NotAuthorizedException,
  );
  assert.match(errors.text(), /Couldn't list devices. Here's why: NotAuthorizedException/);
});
