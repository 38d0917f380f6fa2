// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Create an app client in a user pool (CreateUserPoolClient).
 *
 *     node actions/create-user-pool-client.js --user-pool-id us-east-1_EXAMPLE \
 *         --client-name my-app --auth-flow ALLOW_USER_SRP_AUTH \
 *         --auth-flow ALLOW_REFRESH_TOKEN_AUTH
 */
import {
  CreateUserPoolClientCommand,
  InvalidParameterException,
  LimitExceededException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.CreateUserPoolClient]
/**
 * Create an app client in a user pool.
 *
 * Cognito returns the new client's ID, which apps pass to SignUp and InitiateAuth. With
 * `generateSecret`, Cognito also generates a client secret; SignUp, ConfirmSignUp,
 * ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword and the sign-in calls
 * (InitiateAuth, RespondToAuthChallenge and their Admin versions) must then carry a
 * `SECRET_HASH` computed with it, so keep such clients on a back end.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {string} params.clientName A name for the app client.
 * @param {boolean} [params.generateSecret] Whether Cognito generates a client secret.
 * @param {import("@aws-sdk/client-cognito-identity-provider").ExplicitAuthFlowsType[]} [params.explicitAuthFlows]
 *   The sign-in flows the client allows, such as
 *   `["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]`. Leave it out for Cognito's
 *   default (SRP, custom auth and refresh tokens).
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").UserPoolClientType>}
 *   The new client, with `ClientId` and, when generated, `ClientSecret`. Store the secret
 *   like a password.
 */
export async function createUserPoolClient(
  client,
  { userPoolId, clientName, generateSecret = false, explicitAuthFlows },
) {
  const command = new CreateUserPoolClientCommand({
    UserPoolId: userPoolId,
    ClientName: clientName,
    GenerateSecret: generateSecret,
    ExplicitAuthFlows: explicitAuthFlows,
  });
  try {
    const { UserPoolClient } = await client.send(command);
    return UserPoolClient ?? {};
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no user pool ${userPoolId} in this account and Region: check the ID and Region.`,
      );
    } else if (err instanceof InvalidParameterException) {
      console.error(
        "A setting is not valid: check the names of the auth flows (ALLOW_...) and don't mix " +
          "them with the legacy names (ADMIN_NO_SRP_AUTH...).",
      );
    } else if (err instanceof LimitExceededException) {
      console.error("The pool has reached its quota of app clients: delete unused ones.");
    }
    console.error(
      `Couldn't create app client ${clientName} in user pool ${userPoolId}. ` +
        `Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.CreateUserPoolClient]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Create an app client, the door sign-up and sign-in go through.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
      "client-name": { type: "string", required: true, metavar: "NAME", help: "a name" },
      "generate-secret": { type: "boolean", help: "give the client a secret (back ends)" },
      "auth-flow": {
        type: "string",
        multiple: true,
        metavar: "FLOW",
        help: "an allowed flow, such as ALLOW_USER_SRP_AUTH",
      },
    },
    run: (client, args) =>
      createUserPoolClient(client, {
        userPoolId: args["user-pool-id"],
        clientName: args["client-name"],
        generateSecret: Boolean(args["generate-secret"]),
        explicitAuthFlows: args["auth-flow"],
      }),
  });
}
