// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Get a user's attributes, status and MFA settings as an administrator (AdminGetUser).
 *
 *     node actions/admin-get-user.js --user-pool-id us-east-1_EXAMPLE --username ana
 */
import {
  AdminGetUserCommand,
  ResourceNotFoundException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.AdminGetUser]
/**
 * Get a user of a user pool, with its attributes, status and MFA settings.
 *
 * Cognito answers with the user's current state; it changes nothing. The call is signed
 * with AWS credentials allowed `cognito-idp:AdminGetUser`.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client with administrator credentials.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {string} params.username The user name (or alias) of the user.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").AdminGetUserResponse>}
 *   `Username`, `UserAttributes`, `UserStatus`, `Enabled`, `PreferredMfaSetting` and
 *   `UserMFASettingList`.
 */
export async function adminGetUser(client, { userPoolId, username }) {
  const command = new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username });
  try {
    const { $metadata, ...response } = await client.send(command);
    return response;
  } catch (err) {
    if (err instanceof UserNotFoundException) {
      console.error(`User ${username} is not in user pool ${userPoolId}.`);
    } else if (err instanceof ResourceNotFoundException) {
      console.error(`There is no user pool ${userPoolId}: check the ID and Region.`);
    }
    console.error(`Couldn't get user ${username}. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.AdminGetUser]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Show a user's attributes, status and MFA settings.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
      username: { type: "string", required: true, metavar: "NAME", help: "the user name" },
    },
    run: (client, args) =>
      adminGetUser(client, { userPoolId: args["user-pool-id"], username: args.username }),
  });
}
