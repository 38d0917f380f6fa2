// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Get whether a user pool requires MFA and which factors it allows (GetUserPoolMfaConfig).
 *
 *     node actions/get-user-pool-mfa-config.js --user-pool-id us-east-1_EXAMPLE
 */
import {
  GetUserPoolMfaConfigCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.GetUserPoolMfaConfig]
/**
 * Get whether a user pool requires MFA and which factors it allows.
 *
 * Cognito answers with the pool's current MFA settings; it changes nothing.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").GetUserPoolMfaConfigResponse>}
 *   `MfaConfiguration` (`ON`, `OPTIONAL` or `OFF`) and, for each configured factor,
 *   `SoftwareTokenMfaConfiguration`, `SmsMfaConfiguration` or `EmailMfaConfiguration`.
 */
export async function getUserPoolMfaConfig(client, { userPoolId }) {
  const command = new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId });
  try {
    const { $metadata, ...response } = await client.send(command);
    return response;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no user pool ${userPoolId} in this account and Region: check the ID and Region.`,
      );
    }
    console.error(
      `Couldn't get the MFA configuration of user pool ${userPoolId}. ` +
        `Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.GetUserPoolMfaConfig]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Show whether a user pool requires MFA and which factors it allows.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
    },
    run: (client, args) => getUserPoolMfaConfig(client, { userPoolId: args["user-pool-id"] }),
  });
}
