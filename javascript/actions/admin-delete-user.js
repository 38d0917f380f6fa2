// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Delete a user as an administrator (AdminDeleteUser).
 *
 *     node actions/admin-delete-user.js --user-pool-id us-east-1_EXAMPLE --username ana
 */
import {
  AdminDeleteUserCommand,
  ResourceNotFoundException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.AdminDeleteUser]
/**
 * Delete a user of a user pool from a trusted back end.
 *
 * Cognito deletes the user at once, with their attributes, devices and MFA settings; this
 * can't be undone, and the user can no longer sign in. Cognito sends no message. The call
 * is signed with AWS credentials allowed `cognito-idp:AdminDeleteUser`.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client with administrator credentials.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {string} params.username The user name (or alias) of the user.
 * @returns {Promise<void>}
 */
export async function adminDeleteUser(client, { userPoolId, username }) {
  const command = new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username });
  try {
    await client.send(command);
  } catch (err) {
    if (err instanceof UserNotFoundException) {
      console.error(
        `User ${username} is not in user pool ${userPoolId}: it may be deleted already.`,
      );
    } else if (err instanceof ResourceNotFoundException) {
      console.error(`There is no user pool ${userPoolId}: check the ID and Region.`);
    }
    console.error(`Couldn't delete user ${username}. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.AdminDeleteUser]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Delete a user (no undo); Cognito sends no message.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
      username: { type: "string", required: true, metavar: "NAME", help: "the user name" },
    },
    run: (client, args) =>
      adminDeleteUser(client, { userPoolId: args["user-pool-id"], username: args.username }),
    describe: (_, args) => `Deleted user ${args.username}.`,
  });
}
