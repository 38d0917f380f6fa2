// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Delete a user pool with all of its users (DeleteUserPool).
 *
 *     node actions/delete-user-pool.js --user-pool-id us-east-1_EXAMPLE
 */
import {
  DeleteUserPoolCommand,
  InvalidParameterException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.DeleteUserPool]
/**
 * Delete a user pool.
 *
 * Cognito deletes the pool with every user, group, app client and device in it: the pool is
 * no longer visible or usable, and its users can no longer sign in. You can't undo it
 * yourself (Cognito keeps the deleted pool inactive for 14 days, during which AWS Support
 * may restore it). Cognito refuses with `InvalidParameterException` while the pool's
 * deletion protection is `ACTIVE` or while it still has a domain.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @returns {Promise<void>}
 */
export async function deleteUserPool(client, { userPoolId }) {
  const command = new DeleteUserPoolCommand({ UserPoolId: userPoolId });
  try {
    await client.send(command);
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no user pool ${userPoolId} in this account and Region: ` +
          "it may be deleted already.",
      );
    } else if (err instanceof InvalidParameterException) {
      console.error(
        `User pool ${userPoolId} can't be deleted now: turn its deletion protection off ` +
          "(UpdateUserPool with DeletionProtection INACTIVE) or delete its domain first.",
      );
    }
    console.error(
      `Couldn't delete user pool ${userPoolId}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.DeleteUserPool]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Delete a user pool with all of its users and app clients (no undo).",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
    },
    run: (client, args) => deleteUserPool(client, { userPoolId: args["user-pool-id"] }),
    describe: (_, args) => `Deleted user pool ${args["user-pool-id"]}.`,
  });
}
