// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Start a user's sign-in from a trusted back end (AdminInitiateAuth,
 * ADMIN_USER_PASSWORD_AUTH).
 *
 *     node actions/admin-initiate-auth.js --user-pool-id us-east-1_EXAMPLE \
 *         --client-id 1example23456789 --username ana
 *
 * The password is asked for (without echo) when `--password` is left out.
 */
import {
  AdminInitiateAuthCommand,
  InvalidParameterException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  TooManyRequestsException,
  UserNotConfirmedException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.AdminInitiateAuth]
/**
 * Start signing a user in from a trusted back end with `ADMIN_USER_PASSWORD_AUTH`.
 *
 * The call is signed with AWS credentials allowed `cognito-idp:AdminInitiateAuth`, and the
 * app client must allow `ALLOW_ADMIN_USER_PASSWORD_AUTH` (otherwise Cognito throws
 * `InvalidParameterException`). When the password is right, Cognito either signs the user
 * in at once (`AuthenticationResult` with the ID, access and refresh tokens) or asks for a
 * challenge: `MFA_SETUP` when the pool requires MFA and the user has no authenticator app
 * yet, `SOFTWARE_TOKEN_MFA` when the user must type the current code of their
 * authenticator app, `DEVICE_SRP_AUTH` when a remembered device's key was passed. Answer a
 * challenge with AdminRespondToAuthChallenge, passing `Session`.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client with administrator credentials.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {string} params.clientId The ID of the app client.
 * @param {string} params.username The user name (or alias) of the user.
 * @param {string} params.password The user's password. It goes to Cognito over TLS and is
 *   never logged.
 * @param {string} [params.secretHash] The `SECRET_HASH`, needed only when the app client has
 *   a secret (see secret-hash.js).
 * @param {string} [params.deviceKey] The key of a device the user remembered earlier (see
 *   confirm-device.js): Cognito then asks the device to prove itself instead of MFA.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").AdminInitiateAuthResponse>}
 *   `ChallengeName`, `Session` and `ChallengeParameters` when Cognito asks for a challenge,
 *   otherwise `AuthenticationResult`.
 */
export async function adminInitiateAuth(
  client,
  { userPoolId, clientId, username, password, secretHash, deviceKey },
) {
  const command = new AdminInitiateAuthCommand({
    UserPoolId: userPoolId,
    ClientId: clientId,
    AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
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
        "The app client doesn't allow this sign-in: add ALLOW_ADMIN_USER_PASSWORD_AUTH to " +
          "its ExplicitAuthFlows (UpdateUserPoolClient).",
      );
    } else if (err instanceof UserNotConfirmedException) {
      console.error(
        `User ${username} hasn't confirmed the sign-up yet: confirm it first ` +
          "(ConfirmSignUp or AdminConfirmSignUp).",
      );
    } else if (err instanceof PasswordResetRequiredException) {
      console.error(`User ${username} must reset the password first: start with ForgotPassword.`);
    } else if (err instanceof UserNotFoundException) {
      console.error(`User ${username} is not in user pool ${userPoolId}.`);
    } else if (err instanceof TooManyRequestsException) {
      console.error("Too many requests: wait a little, then try again.");
    }
    console.error(
      `Couldn't start sign-in for ${username}. Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.AdminInitiateAuth]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Start a sign-in as an administrator (ADMIN_USER_PASSWORD_AUTH).",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
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
      adminInitiateAuth(client, {
        userPoolId: args["user-pool-id"],
        clientId: args["client-id"],
        username: args.username,
        password: args.password,
        secretHash: args["secret-hash"],
        deviceKey: args["device-key"],
      }),
  });
}
