// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Create a user pool, the directory that holds an app's users (CreateUserPool).
 *
 *     node actions/create-user-pool.js --pool-name my-app-users --track-devices
 */
import {
  CreateUserPoolCommand,
  InvalidParameterException,
  LimitExceededException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.CreateUserPool]
/**
 * Create a user pool, the directory that holds your app's users.
 *
 * Cognito creates the pool with its default settings: the default password policy (at
 * least 8 characters with upper case, lower case, numbers and symbols), MFA off, and
 * self-service sign-up allowed. It sends no message and creates no app client; create one
 * with CreateUserPoolClient before users can sign up.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.poolName A name for the pool. Names need not be unique; Cognito
 *   gives the pool a unique ID such as `us-east-1_EXAMPLE`.
 * @param {boolean} [params.autoVerifyEmail] When true (the default), Cognito e-mails a
 *   confirmation code to every user who signs up, and confirming the sign-up with it also
 *   verifies the e-mail address.
 * @param {import("@aws-sdk/client-cognito-identity-provider").DeviceConfigurationType} [params.deviceConfiguration]
 *   How Cognito remembers the devices users sign in from, such as
 *   `{ ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true }`.
 *   Leave it out to not track devices.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").UserPoolType>}
 *   The new pool, with its `Id`, `Arn` and settings.
 */
export async function createUserPool(
  client,
  { poolName, autoVerifyEmail = true, deviceConfiguration },
) {
  const command = new CreateUserPoolCommand({
    PoolName: poolName,
    AutoVerifiedAttributes: autoVerifyEmail ? ["email"] : undefined,
    DeviceConfiguration: deviceConfiguration,
  });
  try {
    const { UserPool } = await client.send(command);
    return UserPool ?? {};
  } catch (err) {
    if (err instanceof LimitExceededException) {
      console.error(
        "The account has reached its quota of user pools: delete pools you no longer need, " +
          "or ask for a higher quota.",
      );
    } else if (err instanceof InvalidParameterException) {
      console.error(
        "A setting of the new pool is not valid: check the name (1 to 128 letters, digits, " +
          "spaces and _ + = , . @ -) and the device configuration.",
      );
    }
    console.error(`Couldn't create user pool ${poolName}. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.CreateUserPool]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Create a user pool that verifies e-mail addresses.",
    options: {
      "pool-name": { type: "string", required: true, metavar: "NAME", help: "the pool's name" },
      "no-email-verification": {
        type: "boolean",
        help: "don't e-mail confirmation codes at sign-up",
      },
      "track-devices": {
        type: "boolean",
        help: "remember the devices users sign in from (a challenge on a new device)",
      },
    },
    run: (client, args) =>
      createUserPool(client, {
        poolName: args["pool-name"],
        autoVerifyEmail: !args["no-email-verification"],
        deviceConfiguration: args["track-devices"]
          ? { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false }
          : undefined,
      }),
  });
}
