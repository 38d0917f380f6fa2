// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Compute the SECRET_HASH that Cognito asks for when an app client has a secret.
 *
 *     node actions/secret-hash.js --username ana --client-id 1example23456789
 *
 * The client secret is asked for (without echo) when `--client-secret` is left out.
 */
import { createHmac } from "node:crypto";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.SecretHash]
/**
 * Compute the `SECRET_HASH` of a user name for an app client that has a secret.
 *
 * Cognito recomputes the same value on its side and rejects the call with
 * `NotAuthorizedException` when the hash is missing or doesn't match. Pass it to SignUp,
 * ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword and, as
 * `SECRET_HASH`, in the parameters of InitiateAuth, AdminInitiateAuth,
 * RespondToAuthChallenge and AdminRespondToAuthChallenge.
 *
 * @param {object} params
 * @param {string} params.username The user name exactly as sent to Cognito in the same call.
 * @param {string} params.clientId The ID of the app client.
 * @param {string} params.clientSecret The app client's secret. Keep it on a trusted back end.
 * @returns {string} Base64 of HMAC-SHA256 with the client secret as key over
 *   `username + clientId`.
 */
export function computeSecretHash({ username, clientId, clientSecret }) {
  return createHmac("sha256", clientSecret)
    .update(username + clientId)
    .digest("base64");
}
// snippet-end:[javascript.v3.cognito-idp.SecretHash]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Print the SECRET_HASH of a user name for an app client with a secret.",
    options: {
      username: { type: "string", required: true, metavar: "NAME", help: "the user name" },
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
      "client-secret": {
        type: "string",
        secret: true,
        metavar: "SECRET",
        help: "the app client's secret",
      },
    },
    run: async (_, args) =>
      computeSecretHash({
        username: args.username,
        clientId: args["client-id"],
        clientSecret: args["client-secret"],
      }),
    describe: (hash) => hash,
  });
}
