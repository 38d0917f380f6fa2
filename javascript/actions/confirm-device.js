// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Remember the device a user signed in from (ConfirmDevice).
 *
 *     node actions/confirm-device.js --access-token eyJEXAMPLE --device-key us-east-1_EXAMPLE \
 *         --password-verifier BASE64 --salt BASE64 --device-name "Ana's laptop"
 *
 * The verifier and salt come from the device's SRP maths (see the scenario's device-srp.js).
 */
import {
  ConfirmDeviceCommand,
  DeviceKeyExistsException,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.ConfirmDevice]
/**
 * Confirm a new device that Cognito started tracking at sign-in.
 *
 * When the user pool tracks devices, a sign-in returns `NewDeviceMetadata` with a
 * `DeviceKey` and a `DeviceGroupKey` in `AuthenticationResult`. The app then makes up a
 * random device password, derives an SRP verifier from it and sends only the verifier, so
 * Cognito can later check the device with the `DEVICE_SRP_AUTH` flow without ever learning
 * the password. `AuthenticationHelper.generateHashDevice` of amazon-cognito-identity-js
 * computes it (`getVerifierDevices()` and `getSaltDevices()`, hex, sent as base64). The app
 * keeps the device key, group key and password in safe storage: later device sign-ins need
 * them, and Cognito cannot give the password back.
 *
 * Cognito answers `UserConfirmationNecessary`: when true (the pool remembers devices only
 * on the user's request), the device is tracked but not remembered until UpdateDeviceStatus
 * sets it to `remembered`; when false, it is remembered already. A remembered device can
 * skip MFA at later sign-ins, if the pool is configured that way.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.accessToken The access token of the sign-in that created the
 *   device. Never logged.
 * @param {string} params.deviceKey The `DeviceKey` of `NewDeviceMetadata`.
 * @param {{PasswordVerifier: string, Salt: string}} params.deviceSecretVerifierConfig The
 *   SRP verifier of the device password and its salt, both base64.
 * @param {string} [params.deviceName] A name the user recognizes, such as `Ana's laptop`.
 * @returns {Promise<{UserConfirmationNecessary: boolean}>} Whether the user must still choose
 *   to remember the device (UpdateDeviceStatus).
 */
export async function confirmDevice(
  client,
  { accessToken, deviceKey, deviceSecretVerifierConfig, deviceName },
) {
  const command = new ConfirmDeviceCommand({
    AccessToken: accessToken,
    DeviceKey: deviceKey,
    DeviceSecretVerifierConfig: deviceSecretVerifierConfig,
    DeviceName: deviceName,
  });
  try {
    const { UserConfirmationNecessary } = await client.send(command);
    return { UserConfirmationNecessary: Boolean(UserConfirmationNecessary) };
  } catch (err) {
    if (err instanceof NotAuthorizedException) {
      console.error("The access token is expired or revoked: sign in again.");
    } else if (err instanceof ResourceNotFoundException) {
      console.error(
        `Cognito doesn't know device ${deviceKey}: use the DeviceKey of NewDeviceMetadata.`,
      );
    } else if (err instanceof DeviceKeyExistsException) {
      console.error(`Device ${deviceKey} is confirmed already.`);
    } else if (err instanceof InvalidParameterException) {
      console.error("Check the device key and the PasswordVerifier and Salt (base64).");
    }
    console.error(`Couldn't confirm device ${deviceKey}. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.ConfirmDevice]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Confirm (remember) a new device with the SRP verifier of its password.",
    options: {
      "access-token": { type: "string", required: true, metavar: "TOKEN", help: "access token" },
      "device-key": { type: "string", required: true, metavar: "KEY", help: "the DeviceKey" },
      "password-verifier": {
        type: "string",
        required: true,
        metavar: "BASE64",
        help: "SRP verifier of the device password",
      },
      salt: { type: "string", required: true, metavar: "BASE64", help: "the verifier's salt" },
      "device-name": { type: "string", metavar: "NAME", help: "a name for the device" },
    },
    run: (client, args) =>
      confirmDevice(client, {
        accessToken: args["access-token"],
        deviceKey: args["device-key"],
        deviceSecretVerifierConfig: {
          PasswordVerifier: args["password-verifier"],
          Salt: args.salt,
        },
        deviceName: args["device-name"],
      }),
  });
}
