// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  InitiateAuthCommand,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity-provider";
import { respondToAuthChallenge } from "../../actions/respond-to-auth-challenge.js";
import {
  Authenticator,
  captureErrors,
  poolForFile,
  setupEmulator,
  userWithMfa,
} from "../helpers/emulator.js";

// The expired-session test moves the emulator's clock: this file has an emulator of its own.
const emulator = setupEmulator({ privateClock: true });
const pool = poolForFile(emulator, { mfa: "ON" });

/** @param {{username: string, password: string}} user */
function signIn(user) {
  return emulator.client.send(
    new InitiateAuthCommand({
      ClientId: pool.clientId,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
}

test("RespondToAuthChallenge answers SOFTWARE_TOKEN_MFA with the app's code", async () => {
  const authenticator = new Authenticator(emulator.seam);
  const user = await userWithMfa(emulator.client, pool, authenticator);
  const started = await signIn(user);
  assert.equal(started.ChallengeName, "SOFTWARE_TOKEN_MFA");
  const result = await respondToAuthChallenge(emulator.client, {
    clientId: pool.clientId,
    challengeName: "SOFTWARE_TOKEN_MFA",
    session: started.Session,
    challengeResponses: {
      USERNAME: user.username,
      SOFTWARE_TOKEN_MFA_CODE: await authenticator.code(user.secret),
    },
  });
  assert.ok(result.AuthenticationResult?.IdToken);
});

test("RespondToAuthChallenge after the session expired: NotAuthorizedException", async (t) => {
  const authenticator = new Authenticator(emulator.seam);
  const user = await userWithMfa(emulator.client, pool, authenticator);
  const started = await signIn(user);
  await emulator.seam.advanceClock(4 * 60); // a challenge session lives 3 minutes
  t.after(() => emulator.seam.setClockOffset(0));
  const errors = captureErrors(t);
  await assert.rejects(
    respondToAuthChallenge(emulator.client, {
      clientId: pool.clientId,
      challengeName: "SOFTWARE_TOKEN_MFA",
      session: started.Session,
      challengeResponses: {
        USERNAME: user.username,
        SOFTWARE_TOKEN_MFA_CODE: await authenticator.code(user.secret),
      },
    }),
    NotAuthorizedException,
  );
  assert.match(errors.text(), /the session may have expired/);
});
