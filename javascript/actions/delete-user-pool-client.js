// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Delete an app client (DeleteUserPoolClient).
 *
 *     node actions/delete-user-pool-client.js --user-pool-id us-east-1_EXAMPLE \
 *         --client-id 1example23456789
 */
import {
  DeleteUserPoolClientCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.DeleteUserPoolClient]
/**
 * Delete an app client.
 *
 * Cognito deletes the client at once: apps using its ID can no longer sign users up or in,
 * and tokens it issued can no longer be refreshed. The users stay in the pool.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {string} params.clientId The ID of the app client.
 * @returns {Promise<void>}
 */
export async function deleteUserPoolClient(client, { userPoolId, clientId }) {
  const command = new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId });
  try {
    await client.send(command);
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no app client ${clientId} in user pool ${userPoolId}: ` +
          "it may be deleted already.",
      );
    }
    console.error(
      `Couldn't delete app client ${clientId}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.DeleteUserPoolClient]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Delete an app client; the pool's users stay.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
    },
    run: (client, args) =>
      deleteUserPoolClient(client, {
        userPoolId: args["user-pool-id"],
        clientId: args["client-id"],
      }),
    describe: (_, args) => `Deleted app client ${args["client-id"]}.`,
  });
}
