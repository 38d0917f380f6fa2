// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Forget a device, such as one the user lost (ForgetDevice).
 *
 *     node actions/forget-device.js --access-token eyJEXAMPLE --device-key us-east-1_EXAMPLE
 */
import {
  ForgetDeviceCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.ForgetDevice]
/**
 * Forget a device, for example one the user lost or no longer trusts.
 *
 * Cognito deletes the device and its verifier: it no longer appears in ListDevices, its
 * `DEVICE_SRP_AUTH` sign-in stops working, and a sign-in from it asks for MFA again. The app
 * should delete the device key, group key and device password it stored.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.deviceKey The `DeviceKey` of the device.
 * @param {string} [params.accessToken] The access token of the signed-in user who owns the
 *   device. Never logged.
 * @returns {Promise<void>}
 */
export async function forgetDevice(client, { deviceKey, accessToken }) {
  const command = new ForgetDeviceCommand({ DeviceKey: deviceKey, AccessToken: accessToken });
  try {
    await client.send(command);
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(`Device ${deviceKey} isn't tracked (anymore) for this user.`);
    } else if (err instanceof NotAuthorizedException) {
      console.error("The access token is expired or revoked: sign in again.");
    }
    console.error(`Couldn't forget device ${deviceKey}. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.ForgetDevice]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Forget a device; a sign-in from it asks for MFA again.",
    options: {
      "access-token": { type: "string", required: true, metavar: "TOKEN", help: "access token" },
      "device-key": { type: "string", required: true, metavar: "KEY", help: "the DeviceKey" },
    },
    run: (client, args) =>
      forgetDevice(client, {
        accessToken: args["access-token"],
        deviceKey: args["device-key"],
      }),
    describe: (_, args) => `Forgot device ${args["device-key"]}.`,
  });
}
