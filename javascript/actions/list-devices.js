// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * List the devices Cognito tracks for the signed-in user (ListDevices).
 *
 *     node actions/list-devices.js --access-token eyJEXAMPLE
 */
import {
  ListDevicesCommand,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.ListDevices]
/**
 * List every device Cognito tracks for the signed-in user, page by page.
 *
 * Cognito answers with the devices confirmed with ConfirmDevice, remembered or not. Each has
 * a `DeviceKey`, dates, and `DeviceAttributes` such as `device_name`, `last_ip_used` and
 * `dev:device_remembered_status` (`remembered` or `not_remembered`). It changes nothing.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.accessToken The access token of the signed-in user. Never logged.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").DeviceType[]>} The
 *   devices, each with `DeviceKey`, `DeviceAttributes` and dates.
 */
export async function listDevices(client, { accessToken }) {
  /** @type {import("@aws-sdk/client-cognito-identity-provider").DeviceType[]} */
  const devices = [];
  /** @type {string | undefined} */
  let paginationToken;
  try {
    do {
      const command = new ListDevicesCommand({
        AccessToken: accessToken,
        Limit: 60,
        PaginationToken: paginationToken,
      });
      const response = await client.send(command);
      devices.push(...(response.Devices ?? []));
      paginationToken = response.PaginationToken;
    } while (paginationToken);
  } catch (err) {
    if (err instanceof NotAuthorizedException) {
      console.error("The access token is expired or revoked: sign in again.");
    }
    console.error(`Couldn't list devices. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
  return devices;
}
// snippet-end:[javascript.v3.cognito-idp.ListDevices]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "List the signed-in user's tracked devices.",
    options: {
      "access-token": { type: "string", required: true, metavar: "TOKEN", help: "access token" },
    },
    run: (client, args) => listDevices(client, { accessToken: args["access-token"] }),
  });
}
