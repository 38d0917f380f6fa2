// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Sign a user out of every device and app (GlobalSignOut).
 *
 *     node actions/global-sign-out.js --access-token eyJEXAMPLE
 */
import {
  GlobalSignOutCommand,
  NotAuthorizedException,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.GlobalSignOut]
/**
 * Sign the user out of every device and app.
 *
 * Cognito revokes every refresh token of the user and the access and ID tokens issued from
 * them: calls such as GetUser with one of those access tokens then fail with
 * `NotAuthorizedException`, and refreshing is refused, so every session must sign in again.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.accessToken The access token of the signed-in user. Never logged.
 * @returns {Promise<void>}
 */
export async function globalSignOut(client, { accessToken }) {
  const command = new GlobalSignOutCommand({ AccessToken: accessToken });
  try {
    await client.send(command);
  } catch (err) {
    if (err instanceof NotAuthorizedException) {
      console.error(
        "The access token is expired or revoked: get a fresh one (sign in, or refresh the " +
          "tokens) and try again, or sign the user out with AdminUserGlobalSignOut.",
      );
    } else if (err instanceof TooManyRequestsException) {
      console.error("Too many requests: wait a little, then try again.");
    }
    console.error(`Couldn't sign the user out. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.GlobalSignOut]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Sign the user out everywhere: Cognito revokes all of the user's tokens.",
    options: {
      "access-token": { type: "string", required: true, metavar: "TOKEN", help: "access token" },
    },
    run: (client, args) => globalSignOut(client, { accessToken: args["access-token"] }),
    describe: () => "Signed the user out of every device.",
  });
}
