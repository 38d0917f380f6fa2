// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Sign a new user up with a user name, password and e-mail address (SignUp).
 *
 *     node actions/sign-up.js --client-id 1example23456789 --username ana \
 *         --email ana@example.com
 *
 * The password is asked for (without echo) when `--password` is left out.
 */
import {
  InvalidParameterException,
  InvalidPasswordException,
  SignUpCommand,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.SignUp]
/**
 * Sign a user up to a user pool through one of its app clients.
 *
 * Cognito creates the user, unconfirmed, and sends a confirmation code to the e-mail
 * address (when the pool verifies e-mail addresses). The user proves the address is theirs
 * by passing the code to ConfirmSignUp; only then can they sign in.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.clientId The ID of the app client.
 * @param {string} params.username The new user's name.
 * @param {string} params.password The password; it must meet the pool's password policy.
 * @param {string} params.email The e-mail address the confirmation code goes to.
 * @param {string} [params.secretHash] The `SECRET_HASH`, needed only when the app client has
 *   a secret (see secret-hash.js).
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").SignUpResponse>}
 *   Whether the user is confirmed already, the user's unique ID (`sub`) and where the code
 *   went (masked, such as `a***@e***`).
 */
export async function signUp(client, { clientId, username, password, email, secretHash }) {
  const command = new SignUpCommand({
    ClientId: clientId,
    Username: username,
    Password: password,
    SecretHash: secretHash,
    UserAttributes: [{ Name: "email", Value: email }],
  });
  try {
    const { $metadata, ...response } = await client.send(command);
    return response;
  } catch (err) {
    if (err instanceof UsernameExistsException) {
      console.error(`The user name ${username} is taken: choose another one.`);
    } else if (err instanceof InvalidPasswordException) {
      console.error("The password doesn't meet the pool's password policy.");
    } else if (err instanceof InvalidParameterException) {
      console.error("Cognito refused a parameter, such as a malformed e-mail address.");
    }
    console.error(`Couldn't sign up ${username}. Here's why: ${err.name}: ${err.message}`);
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.SignUp]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Sign a user up; Cognito e-mails a confirmation code (ConfirmSignUp).",
    options: {
      "client-id": { type: "string", required: true, metavar: "ID", help: "the app client" },
      username: { type: "string", required: true, metavar: "NAME", help: "the new user name" },
      email: { type: "string", required: true, metavar: "ADDRESS", help: "the e-mail address" },
      password: { type: "string", secret: true, metavar: "PASSWORD", help: "the password" },
      "secret-hash": {
        type: "string",
        metavar: "HASH",
        help: "SECRET_HASH, when the app client has a secret",
      },
    },
    run: (client, args) =>
      signUp(client, {
        clientId: args["client-id"],
        username: args.username,
        password: args.password,
        email: args.email,
        secretHash: args["secret-hash"],
      }),
  });
}
