// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Get the settings of an app client (DescribeUserPoolClient).
 *
 *     node actions/describe-user-pool-client.js --user-pool-id us-east-1_EXAMPLE \
 *         --client-id 1example23456789
 */
import {
  DescribeUserPoolClientCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.DescribeUserPoolClient]
/**
 * Get an app client's settings: allowed auth flows, token validity, secret and more.
 *
 * Cognito answers with the client's current settings; it changes nothing. The answer
 * includes the `ClientSecret` when the client has one, so treat it like a password.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {string} params.clientId The ID of the app client.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").UserPoolClientType>}
 *   The client: `ClientId`, `ClientName`, `ExplicitAuthFlows`, `ClientSecret` (if any) and
 *   its other settings.
 */
export async function describeUserPoolClient(client, { userPoolId, clientId }) {
  const command = new DescribeUserPoolClientCommand({
    UserPoolId: userPoolId,
    ClientId: clientId,
  });
  try {
    const { UserPoolClient } = await client.send(command);
    return UserPoolClient ?? {};
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no app client ${clientId} in user pool ${userPoolId}: ` +
          "check both IDs and the Region.",
      );
    }
    console.error(
      `Couldn't describe app client ${clientId}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.DescribeUserPoolClient]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Show the settings of an app client (its secret masked).",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
    },
    run: (client, args) =>
      describeUserPoolClient(client, {
        userPoolId: args["user-pool-id"],
        clientId: args["client-id"],
      }),
  });
}
