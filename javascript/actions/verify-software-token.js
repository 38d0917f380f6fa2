// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Verify the first code of a new authenticator app (VerifySoftwareToken).
 *
 *     node actions/verify-software-token.js --session AYABeEXAMPLE --code 123456
 */
import {
  CodeMismatchException,
  EnableSoftwareTokenMFAException,
  NotAuthorizedException,
  SoftwareTokenMFANotFoundException,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.VerifySoftwareToken]
/**
 * Check the first code of the authenticator app set up with AssociateSoftwareToken.
 *
 * Cognito compares the code with the TOTP of the secret it handed out. When it matches, the
 * app is registered as the user's software token MFA and `Status` is `SUCCESS`; a wrong code
 * throws `EnableSoftwareTokenMFAException`. Verifying does not make TOTP the user's
 * preferred MFA method: call SetUserMFAPreference for that, unless the pool requires MFA,
 * in which case TOTP is used at the next sign-in anyway.
 *
 * During sign-in (`session`), Cognito returns a new `Session`: answer the `MFA_SETUP`
 * challenge with it (RespondToAuthChallenge) to receive the user's tokens.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params Exactly one of `session` and `accessToken`, and `userCode`.
 * @param {string} params.userCode The 6-digit code the authenticator app shows now. Never
 *   logged.
 * @param {string} [params.session] The `Session` that AssociateSoftwareToken returned.
 * @param {string} [params.accessToken] The access token of a signed-in user.
 * @param {string} [params.friendlyDeviceName] A name for the authenticator, such as
 *   `Ana's phone`.
 * @returns {Promise<{Status?: import("@aws-sdk/client-cognito-identity-provider").VerifySoftwareTokenResponseType, Session?: string}>}
 *   `Status` (`SUCCESS` or `ERROR`) and, when called with a session, the next `Session`.
 * @throws {TypeError} When neither or both of `session` and `accessToken` are given.
 */
export async function verifySoftwareToken(
  client,
  { userCode, session, accessToken, friendlyDeviceName },
) {
  if (!session === !accessToken) {
    throw new TypeError("Give exactly one of session or accessToken.");
  }
  const command = new VerifySoftwareTokenCommand({
    UserCode: userCode,
    ...(session ? { Session: session } : { AccessToken: accessToken }),
    FriendlyDeviceName: friendlyDeviceName,
  });
  try {
    const { Status, Session } = await client.send(command);
    return { Status, Session };
  } catch (err) {
    if (err instanceof EnableSoftwareTokenMFAException || err instanceof CodeMismatchException) {
      console.error(
        "The code doesn't match the secret: check the authenticator app entry and the " +
          "phone's clock, then send the current code.",
      );
    } else if (err instanceof NotAuthorizedException) {
      console.error(
        "The session or access token is expired, revoked or already used: sign in again.",
      );
    } else if (err instanceof SoftwareTokenMFANotFoundException) {
      console.error("No secret to verify: call AssociateSoftwareToken first.");
    }
    console.error(`Couldn't verify the software token. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.VerifySoftwareToken]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Verify an authenticator app's first code; Cognito registers the app as MFA.",
    options: {
      code: { type: "string", required: true, metavar: "CODE", help: "the app's 6-digit code" },
      session: {
        type: "string",
        metavar: "SESSION",
        help: "the Session from AssociateSoftwareToken",
      },
      "access-token": { type: "string", metavar: "TOKEN", help: "or: a signed-in user's token" },
      "device-name": { type: "string", metavar: "NAME", help: "a name for the authenticator" },
    },
    run: (client, args) =>
      verifySoftwareToken(client, {
        userCode: args.code,
        session: args.session,
        accessToken: args["access-token"],
        friendlyDeviceName: args["device-name"],
      }),
  });
}
