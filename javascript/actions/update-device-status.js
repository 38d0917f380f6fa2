// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Remember a device, or stop remembering it (UpdateDeviceStatus).
 *
 *     node actions/update-device-status.js --access-token eyJEXAMPLE \
 *         --device-key us-east-1_EXAMPLE --remembered
 */
import {
  NotAuthorizedException,
  ResourceNotFoundException,
  UpdateDeviceStatusCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.UpdateDeviceStatus]
/**
 * Set whether Cognito remembers a confirmed device.
 *
 * Cognito changes the device's `dev:device_remembered_status` attribute to `remembered` or
 * `not_remembered`. In a pool that lets remembered devices skip MFA, a sign-in with the
 * `DEVICE_KEY` of a remembered device is not asked for the authenticator code; a
 * not-remembered device stays tracked (listed by ListDevices) but gets no such shortcut.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.accessToken The access token of the signed-in user who owns the
 *   device. Never logged.
 * @param {string} params.deviceKey The `DeviceKey` of the device.
 * @param {boolean} params.remembered True to remember the device, false to stop
 *   remembering it.
 * @returns {Promise<void>}
 */
export async function updateDeviceStatus(client, { accessToken, deviceKey, remembered }) {
  const status = remembered ? "remembered" : "not_remembered";
  const command = new UpdateDeviceStatusCommand({
    AccessToken: accessToken,
    DeviceKey: deviceKey,
    DeviceRememberedStatus: status,
  });
  try {
    await client.send(command);
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(`Device ${deviceKey} isn't tracked for this user: confirm it first.`);
    } else if (err instanceof NotAuthorizedException) {
      console.error("The access token is expired or revoked: sign in again.");
    }
    console.error(
      `Couldn't set device ${deviceKey} to ${status}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.UpdateDeviceStatus]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Remember a device (--remembered), or stop remembering it (without).",
    options: {
      "access-token": { type: "string", required: true, metavar: "TOKEN", help: "access token" },
      "device-key": { type: "string", required: true, metavar: "KEY", help: "the DeviceKey" },
      remembered: { type: "boolean", help: "remember the device" },
    },
    run: (client, args) =>
      updateDeviceStatus(client, {
        accessToken: args["access-token"],
        deviceKey: args["device-key"],
        remembered: Boolean(args.remembered),
      }),
    describe: (_, args) =>
      `Device ${args["device-key"]} is now ${args.remembered ? "remembered" : "not_remembered"}.`,
  });
}
