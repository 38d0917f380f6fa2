// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Answer a sign-in challenge from a trusted back end (AdminRespondToAuthChallenge).
 *
 *     node actions/admin-respond-to-auth-challenge.js --user-pool-id us-east-1_EXAMPLE \
 *         --client-id 1example23456789 --challenge-name SOFTWARE_TOKEN_MFA \
 *         --session AYABeEXAMPLE --response USERNAME=ana \
 *         --response SOFTWARE_TOKEN_MFA_CODE=123456
 */
import {
  AdminRespondToAuthChallengeCommand,
  CodeMismatchException,
  ExpiredCodeException,
  InvalidPasswordException,
  NotAuthorizedException,
  TooManyRequestsException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, keyValues, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.AdminRespondToAuthChallenge]
/**
 * Answer, from a trusted back end, the challenge that AdminInitiateAuth asked for.
 *
 * The call is signed with AWS credentials allowed `cognito-idp:AdminRespondToAuthChallenge`.
 * The answers Cognito expects depend on the challenge, and always include `USERNAME`:
 *
 * - `SOFTWARE_TOKEN_MFA`: `SOFTWARE_TOKEN_MFA_CODE`, the 6-digit code the user's
 *   authenticator app shows now. A wrong code throws `CodeMismatchException`.
 * - `MFA_SETUP`: nothing more, once VerifySoftwareToken has accepted the first code of the
 *   new authenticator app; pass the `Session` that VerifySoftwareToken returned.
 * - `DEVICE_SRP_AUTH`: `DEVICE_KEY` and `SRP_A`; then `DEVICE_PASSWORD_VERIFIER`: the SRP
 *   proof of the device password, computed on the device.
 * - `NEW_PASSWORD_REQUIRED`: `NEW_PASSWORD`.
 *
 * Cognito answers with `AuthenticationResult` (ID, access and refresh tokens, and
 * `NewDeviceMetadata` when the pool tracks devices) or with the next challenge and a new
 * `Session`. A session is single use and lasts three minutes by default.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client with administrator credentials.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {string} params.clientId The ID of the app client.
 * @param {import("@aws-sdk/client-cognito-identity-provider").ChallengeNameType} params.challengeName
 *   The `ChallengeName` Cognito returned, such as `SOFTWARE_TOKEN_MFA`.
 * @param {string} [params.session] The `Session` Cognito returned with the challenge.
 * @param {Record<string, string>} params.challengeResponses The answers, such as
 *   `{ USERNAME: "ana", SOFTWARE_TOKEN_MFA_CODE: "123456" }`. Never logged.
 * @param {string} [params.secretHash] The `SECRET_HASH`, needed only when the app client has
 *   a secret; it is added to the answers as `SECRET_HASH`.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").AdminRespondToAuthChallengeResponse>}
 *   `AuthenticationResult`, or the next `ChallengeName` with `Session` and
 *   `ChallengeParameters`.
 */
export async function adminRespondToAuthChallenge(
  client,
  { userPoolId, clientId, challengeName, session, challengeResponses, secretHash },
) {
  const command = new AdminRespondToAuthChallengeCommand({
    UserPoolId: userPoolId,
    ClientId: clientId,
    ChallengeName: challengeName,
    Session: session || undefined,
    ChallengeResponses: { ...challengeResponses, ...(secretHash && { SECRET_HASH: secretHash }) },
  });
  const username = challengeResponses.USERNAME;
  try {
    const { $metadata, ...response } = await client.send(command);
    return response;
  } catch (err) {
    if (err instanceof CodeMismatchException) {
      console.error(`The code for ${username} is wrong: ask for the current code again.`);
    } else if (err instanceof ExpiredCodeException) {
      console.error(`The code for ${username} has expired: ask for a fresh one.`);
    } else if (err instanceof NotAuthorizedException) {
      console.error(
        `Cognito refused the answer for ${username}: the session may have expired or been ` +
          "used already (sign in again), or the SRP proof is wrong.",
      );
    } else if (err instanceof UserNotFoundException) {
      console.error(`User ${username} is not in user pool ${userPoolId}.`);
    } else if (err instanceof InvalidPasswordException) {
      console.error(`The new password for ${username} doesn't meet the pool's policy.`);
    } else if (err instanceof TooManyRequestsException) {
      console.error("Too many requests: wait a little, then try again.");
    }
    console.error(
      `Couldn't answer challenge ${challengeName} for ${username}. ` +
        `Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.AdminRespondToAuthChallenge]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Answer a sign-in challenge as an administrator, such as SOFTWARE_TOKEN_MFA.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
      "challenge-name": {
        type: "string",
        required: true,
        metavar: "NAME",
        help: "the challenge, such as SOFTWARE_TOKEN_MFA",
      },
      session: { type: "string", metavar: "SESSION", help: "the Session of the challenge" },
      response: {
        type: "string",
        multiple: true,
        required: true,
        metavar: "KEY=VALUE",
        help: "an answer, such as USERNAME=ana",
      },
      "secret-hash": {
        type: "string",
        metavar: "HASH",
        help: "SECRET_HASH, when the app client has a secret",
      },
    },
    run: (client, args) =>
      adminRespondToAuthChallenge(client, {
        userPoolId: args["user-pool-id"],
        clientId: args["client-id"],
        challengeName: args["challenge-name"],
        session: args.session,
        challengeResponses: keyValues(args.response, "--response"),
        secretHash: args["secret-hash"],
      }),
  });
}
