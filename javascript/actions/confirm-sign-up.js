// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Confirm a sign-up with the code Cognito e-mailed (ConfirmSignUp).
 *
 *     node actions/confirm-sign-up.js --client-id 1example23456789 --username ana \
 *         --code 123456
 */
import {
  CodeMismatchException,
  ConfirmSignUpCommand,
  ExpiredCodeException,
  LimitExceededException,
  NotAuthorizedException,
  TooManyFailedAttemptsException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.ConfirmSignUp]
/**
 * Confirm a user's sign-up with the confirmation code Cognito sent by e-mail.
 *
 * When the code matches the last one Cognito sent, Cognito changes the user's status from
 * `UNCONFIRMED` to `CONFIRMED` and marks the e-mail address verified; the user can then sign
 * in. A code is valid for 24 hours. The call needs no AWS credentials.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.clientId The ID of the app client the user signed up through.
 * @param {string} params.username The user name of the user.
 * @param {string} params.code The code from the message. It is never logged.
 * @param {string} [params.secretHash] The `SECRET_HASH`, needed only when the app client has
 *   a secret (see secret-hash.js).
 * @returns {Promise<void>}
 */
export async function confirmSignUp(client, { clientId, username, code, secretHash }) {
  const command = new ConfirmSignUpCommand({
    ClientId: clientId,
    Username: username,
    ConfirmationCode: code,
    SecretHash: secretHash,
  });
  try {
    await client.send(command);
  } catch (err) {
    if (err instanceof CodeMismatchException) {
      console.error(
        `The code doesn't match the last code sent to ${username}: check it, or ask for a ` +
          "new one (ResendConfirmationCode).",
      );
    } else if (err instanceof ExpiredCodeException) {
      console.error(
        `The code for ${username} has expired: ask for a new one (ResendConfirmationCode).`,
      );
    } else if (err instanceof NotAuthorizedException) {
      console.error(
        `User ${username} can't be confirmed: it may be confirmed already, or the app ` +
          "client has a secret and the secret hash is missing or wrong.",
      );
    } else if (err instanceof UserNotFoundException) {
      console.error(`There is no user ${username}: check the user name, or sign up first.`);
    } else if (
      err instanceof TooManyFailedAttemptsException ||
      err instanceof LimitExceededException
    ) {
      console.error(`Too many attempts for ${username}: wait a while, then try again.`);
    }
    console.error(
      `Couldn't confirm the sign-up of ${username}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.ConfirmSignUp]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Confirm a sign-up with the code Cognito sent; the user becomes CONFIRMED.",
    options: {
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
      username: { type: "string", required: true, metavar: "NAME", help: "the user name" },
      code: { type: "string", required: true, metavar: "CODE", help: "the confirmation code" },
      "secret-hash": {
        type: "string",
        metavar: "HASH",
        help: "SECRET_HASH, when the app client has a secret",
      },
    },
    run: (client, args) =>
      confirmSignUp(client, {
        clientId: args["client-id"],
        username: args.username,
        code: args.code,
        secretHash: args["secret-hash"],
      }),
    describe: (_, args) => `Confirmed the sign-up of ${args.username}.`,
  });
}
