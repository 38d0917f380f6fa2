// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * List the users of a user pool (ListUsers).
 *
 *     node actions/list-users.js --user-pool-id us-east-1_EXAMPLE
 */
import {
  ResourceNotFoundException,
  TooManyRequestsException,
  paginateListUsers,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.ListUsers]
/**
 * List every user of a user pool, page after page.
 *
 * Cognito answers with each user's name, attributes and status; it changes nothing. The
 * SDK's paginator sends ListUsersCommand again with each `PaginationToken` until the last
 * page.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").UserType[]>} One
 *   entry per user, with `Username`, `Attributes`, `UserStatus` (`UNCONFIRMED`,
 *   `CONFIRMED`, `FORCE_CHANGE_PASSWORD`...), `Enabled` and dates.
 */
export async function listUsers(client, { userPoolId }) {
  const users = [];
  try {
    for await (const page of paginateListUsers({ client }, { UserPoolId: userPoolId })) {
      users.push(...(page.Users ?? []));
    }
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no user pool ${userPoolId} in this account and Region: check the ID and Region.`,
      );
    } else if (err instanceof TooManyRequestsException) {
      console.error("Too many requests: wait a little, then try again.");
    }
    console.error(
      `Couldn't list the users of user pool ${userPoolId}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
  return users;
}
// snippet-end:[javascript.v3.cognito-idp.ListUsers]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "List the users of a user pool with their status.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
    },
    run: (client, args) => listUsers(client, { userPoolId: args["user-pool-id"] }),
  });
}
