// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Get the configuration of a user pool (DescribeUserPool).
 *
 *     node actions/describe-user-pool.js --user-pool-id us-east-1_EXAMPLE
 */
import {
  DescribeUserPoolCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.DescribeUserPool]
/**
 * Get a user pool's configuration: policies, MFA, verified attributes, devices and more.
 *
 * Cognito answers with the pool's current settings; it changes nothing.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").UserPoolType>} The
 *   pool: `Id`, `Name`, `Policies`, `MfaConfiguration`, `AutoVerifiedAttributes`,
 *   `DeviceConfiguration`, `EstimatedNumberOfUsers` and its other settings.
 */
export async function describeUserPool(client, { userPoolId }) {
  const command = new DescribeUserPoolCommand({ UserPoolId: userPoolId });
  try {
    const { UserPool } = await client.send(command);
    return UserPool ?? {};
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no user pool ${userPoolId} in this account and Region: check the ID and Region.`,
      );
    }
    console.error(
      `Couldn't describe user pool ${userPoolId}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.DescribeUserPool]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Show the settings of a user pool.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
    },
    run: (client, args) => describeUserPool(client, { userPoolId: args["user-pool-id"] }),
  });
}
