// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Get the user an access token belongs to (GetUser).
 *
 *     node actions/get-user.js --access-token eyJEXAMPLE
 */
import {
  GetUserCommand,
  NotAuthorizedException,
  PasswordResetRequiredException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.GetUser]
/**
 * Get the user an access token belongs to, as an app does for its signed-in user.
 *
 * Cognito checks the token (signature, expiry, not revoked by GlobalSignOut or
 * RevokeToken) and answers with the user's attributes and MFA settings; it changes nothing.
 * The call needs no AWS credentials: the access token is the authorization.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.accessToken The user's access token from a sign-in. Never logged.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").GetUserResponse>}
 *   `Username`, `UserAttributes`, `PreferredMfaSetting` and `UserMFASettingList`.
 */
export async function getUser(client, { accessToken }) {
  const command = new GetUserCommand({ AccessToken: accessToken });
  try {
    const { $metadata, ...response } = await client.send(command);
    return response;
  } catch (err) {
    if (err instanceof NotAuthorizedException) {
      console.error(
        "The access token is not valid, has expired or was revoked: sign in again, or get " +
          "new tokens with the refresh token.",
      );
    } else if (err instanceof UserNotFoundException) {
      console.error("The user of this access token no longer exists.");
    } else if (err instanceof PasswordResetRequiredException) {
      console.error("The user must reset the password first: start with ForgotPassword.");
    }
    console.error(
      `Couldn't get the user of the access token. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.GetUser]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Show the user an access token belongs to.",
    options: {
      "access-token": { type: "string", required: true, metavar: "TOKEN", help: "access token" },
    },
    run: (client, args) => getUser(client, { accessToken: args["access-token"] }),
  });
}
