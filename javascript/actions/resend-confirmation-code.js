// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Send an unconfirmed user a new confirmation code (ResendConfirmationCode).
 *
 *     node actions/resend-confirmation-code.js --client-id 1example23456789 --username ana
 */
import {
  CodeDeliveryFailureException,
  InvalidParameterException,
  LimitExceededException,
  NotAuthorizedException,
  ResendConfirmationCodeCommand,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.ResendConfirmationCode]
/**
 * Ask Cognito to send an unconfirmed user a new confirmation code.
 *
 * Cognito sends a new code to the user's e-mail address (or phone), the same way as at
 * sign-up. Only the newest code confirms the sign-up from then on. The call needs no AWS
 * credentials.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.clientId The ID of the app client the user signed up through.
 * @param {string} params.username The user name of the user.
 * @param {string} [params.secretHash] The `SECRET_HASH`, needed only when the app client has
 *   a secret (see secret-hash.js).
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").CodeDeliveryDetailsType>}
 *   `DeliveryMedium` (`EMAIL` or `SMS`), `Destination` (masked, such as `a***@e***`) and
 *   `AttributeName`.
 */
export async function resendConfirmationCode(client, { clientId, username, secretHash }) {
  const command = new ResendConfirmationCodeCommand({
    ClientId: clientId,
    Username: username,
    SecretHash: secretHash,
  });
  try {
    const { CodeDeliveryDetails } = await client.send(command);
    return CodeDeliveryDetails ?? {};
  } catch (err) {
    if (err instanceof UserNotFoundException) {
      console.error(`There is no user ${username}: check the user name, or sign up first.`);
    } else if (err instanceof InvalidParameterException) {
      console.error(
        `User ${username} may be confirmed already, or has no e-mail address to send a code to.`,
      );
    } else if (err instanceof NotAuthorizedException) {
      console.error("The app client refused: pass the secret hash if the client has a secret.");
    } else if (err instanceof LimitExceededException) {
      console.error(`Too many codes sent to ${username}: wait a while, then try again.`);
    } else if (err instanceof CodeDeliveryFailureException) {
      console.error(`Cognito couldn't deliver the code to ${username}.`);
    }
    console.error(
      `Couldn't resend a confirmation code to ${username}. ` +
        `Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.ResendConfirmationCode]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Have Cognito send a new confirmation code to an unconfirmed user.",
    options: {
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
      username: { type: "string", required: true, metavar: "NAME", help: "the user name" },
      "secret-hash": {
        type: "string",
        metavar: "HASH",
        help: "SECRET_HASH, when the app client has a secret",
      },
    },
    run: (client, args) =>
      resendConfirmationCode(client, {
        clientId: args["client-id"],
        username: args.username,
        secretHash: args["secret-hash"],
      }),
  });
}
