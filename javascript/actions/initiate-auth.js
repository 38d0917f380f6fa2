// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Start a user's sign-in from an app (InitiateAuth, USER_PASSWORD_AUTH).
 *
 *     node actions/initiate-auth.js --client-id 1example23456789 --username ana
 *
 * The password is asked for (without echo) when `--password` is left out.
 */
import {
  InitiateAuthCommand,
  InvalidParameterException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  TooManyRequestsException,
  UserNotConfirmedException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.InitiateAuth]
/**
 * Start signing a user in with the `USER_PASSWORD_AUTH` flow.
 *
 * This is the public (unauthenticated) call an app makes: no AWS credentials are needed,
 * but the app client must allow `ALLOW_USER_PASSWORD_AUTH` (otherwise Cognito throws
 * `InvalidParameterException`). When the password is right, Cognito either signs the user
 * in at once (`AuthenticationResult` with the ID, access and refresh tokens) or asks for a
 * challenge: `MFA_SETUP` when the pool requires MFA and the user has no authenticator app
 * yet, `SOFTWARE_TOKEN_MFA` when the user must type the current code of their
 * authenticator app, `NEW_PASSWORD_REQUIRED` for a user an administrator created. Answer a
 * challenge with RespondToAuthChallenge, passing `Session`.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.clientId The ID of the app client.
 * @param {string} params.username The user name (or alias) of the user.
 * @param {string} params.password The user's password. It goes to Cognito over TLS and is
 *   never logged.
 * @param {string} [params.secretHash] The `SECRET_HASH`, needed only when the app client has
 *   a secret (see secret-hash.js).
 * @param {string} [params.deviceKey] The key of a device the user remembered earlier (see
 *   confirm-device.js): Cognito then answers with `DEVICE_SRP_AUTH` instead of MFA.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").InitiateAuthResponse>}
 *   `ChallengeName`, `Session` and `ChallengeParameters` when Cognito asks for a challenge,
 *   otherwise `AuthenticationResult`.
 */
export async function initiateAuth(
  client,
  { clientId, username, password, secretHash, deviceKey },
) {
  const command = new InitiateAuthCommand({
    ClientId: clientId,
    AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: {
      USERNAME: username,
      PASSWORD: password,
      ...(secretHash && { SECRET_HASH: secretHash }),
      ...(deviceKey && { DEVICE_KEY: deviceKey }),
    },
  });
  try {
    const { $metadata, ...response } = await client.send(command);
    return response;
  } catch (err) {
    if (err instanceof NotAuthorizedException) {
      console.error(
        `Wrong user name or password for ${username}, or the user is disabled, or the app ` +
          "client has a secret and the secret hash is missing or wrong.",
      );
    } else if (err instanceof InvalidParameterException) {
      console.error(
        "The app client doesn't allow this sign-in: add ALLOW_USER_PASSWORD_AUTH to its " +
          "ExplicitAuthFlows (UpdateUserPoolClient).",
      );
    } else if (err instanceof UserNotConfirmedException) {
      console.error(
        `User ${username} hasn't confirmed the sign-up yet: confirm it with the code ` +
          "Cognito sent (ConfirmSignUp) or send a new one (ResendConfirmationCode).",
      );
    } else if (err instanceof PasswordResetRequiredException) {
      console.error(`User ${username} must reset the password first: start with ForgotPassword.`);
    } else if (err instanceof UserNotFoundException) {
      console.error(`User ${username} doesn't exist in this user pool.`);
    } else if (err instanceof TooManyRequestsException) {
      console.error("Too many requests: wait a little, then try again.");
    }
    console.error(
      `Couldn't start sign-in for ${username}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.InitiateAuth]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Start a sign-in with user name and password (USER_PASSWORD_AUTH).",
    options: {
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
      username: { type: "string", required: true, metavar: "NAME", help: "the user name" },
      password: { type: "string", secret: true, metavar: "PASSWORD", help: "the password" },
      "secret-hash": {
        type: "string",
        metavar: "HASH",
        help: "SECRET_HASH, when the app client has a secret",
      },
      "device-key": { type: "string", metavar: "KEY", help: "a device remembered earlier" },
    },
    run: (client, args) =>
      initiateAuth(client, {
        clientId: args["client-id"],
        username: args.username,
        password: args.password,
        secretHash: args["secret-hash"],
        deviceKey: args["device-key"],
      }),
  });
}
