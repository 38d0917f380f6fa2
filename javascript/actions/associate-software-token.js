// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Start linking an authenticator app to a user for TOTP MFA (AssociateSoftwareToken).
 *
 *     node actions/associate-software-token.js --session AYABeEXAMPLE
 *
 * It prints the secret in full: that is the value the user types into an authenticator app.
 */
import {
  AssociateSoftwareTokenCommand,
  ConcurrentModificationException,
  NotAuthorizedException,
  SoftwareTokenMFANotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.AssociateSoftwareToken]
/**
 * Ask Cognito for a new TOTP secret to put into the user's authenticator app.
 *
 * Cognito generates a secret key for the user and returns it as `SecretCode` (base32). Show
 * it to the user, usually as a QR code of
 * `otpauth://totp/<issuer>:<username>?secret=<SecretCode>&issuer=<issuer>`, so their
 * authenticator app (Google Authenticator, Authy, 1Password...) can produce codes. Nothing
 * is enabled yet: the user proves the app works by sending its first code to
 * VerifySoftwareToken. Treat `SecretCode` like a password: never log or store it.
 *
 * Pass `session` while signing in, when Cognito answered with the `MFA_SETUP` challenge (the
 * pool requires MFA and the user has none yet); Cognito then returns a new `Session` to pass
 * on to VerifySoftwareToken. Pass `accessToken` to add an app for a user who is signed in.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params Exactly one of `session` and `accessToken`.
 * @param {string} [params.session] The `Session` of an `MFA_SETUP` challenge.
 * @param {string} [params.accessToken] The access token of a signed-in user.
 * @returns {Promise<{SecretCode?: string, Session?: string}>} `SecretCode` and, when called
 *   with a session, the next `Session`.
 * @throws {TypeError} When neither or both of `session` and `accessToken` are given.
 */
export async function associateSoftwareToken(client, { session, accessToken }) {
  if (!session === !accessToken) {
    throw new TypeError("Give exactly one of session or accessToken.");
  }
  const command = new AssociateSoftwareTokenCommand(
    session ? { Session: session } : { AccessToken: accessToken },
  );
  try {
    const { SecretCode, Session } = await client.send(command);
    return { SecretCode, Session };
  } catch (err) {
    if (err instanceof NotAuthorizedException) {
      console.error(
        "The session or access token is expired, revoked or already used: sign in again.",
      );
    } else if (err instanceof SoftwareTokenMFANotFoundException) {
      console.error("This user pool doesn't allow TOTP MFA: enable software token MFA.");
    } else if (err instanceof ConcurrentModificationException) {
      console.error("Another request is changing this user's MFA: try again.");
    }
    console.error(`Couldn't associate a software token. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.AssociateSoftwareToken]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Get a TOTP secret for an authenticator app from Cognito.",
    options: {
      session: {
        type: "string",
        metavar: "SESSION",
        help: "the Session of an MFA_SETUP challenge",
      },
      "access-token": { type: "string", metavar: "TOKEN", help: "or: a signed-in user's token" },
    },
    run: (client, args) =>
      associateSoftwareToken(client, {
        session: args.session,
        accessToken: args["access-token"],
      }),
    note: "SecretCode is shown in full: type it into your authenticator app, then keep it private.",
  });
}
