// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdminInitiateAuthCommand,
  CodeMismatchException,
  GetUserCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminRespondToAuthChallenge } from "../../actions/admin-respond-to-auth-challenge.js";
import {
  Authenticator,
  captureErrors,
  poolForFile,
  setupEmulator,
  userSettingUpMfa,
  userWithMfa,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { mfa: "ON" });

/** @param {{username: string, password: string}} user */
function adminSignIn(user) {
  return emulator.client.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
}

test("AdminRespondToAuthChallenge finishes MFA_SETUP with tokens", async () => {
  const user = await userSettingUpMfa(emulator.client, pool);
  const { Session } = await emulator.client.send(
    new VerifySoftwareTokenCommand({
      Session: user.session,
      UserCode: await new Authenticator(emulator.seam).code(user.secret),
    }),
  );
  const result = await adminRespondToAuthChallenge(emulator.client, {
    ...pool,
    challengeName: "MFA_SETUP",
    session: Session,
    challengeResponses: { USERNAME: user.username },
  });
  const me = await emulator.client.send(
    new GetUserCommand({ AccessToken: result.AuthenticationResult?.AccessToken }),
  );
  assert.equal(me.Username, user.username);
});

test("AdminRespondToAuthChallenge answers SOFTWARE_TOKEN_MFA with the app's code", async () => {
  const authenticator = new Authenticator(emulator.seam);
  const user = await userWithMfa(emulator.client, pool, authenticator);
  const started = await adminSignIn(user);
  assert.equal(started.ChallengeName, "SOFTWARE_TOKEN_MFA");
  const result = await adminRespondToAuthChallenge(emulator.client, {
    ...pool,
    challengeName: "SOFTWARE_TOKEN_MFA",
    session: started.Session,
    challengeResponses: {
      USERNAME: user.username,
      SOFTWARE_TOKEN_MFA_CODE: await authenticator.code(user.secret),
    },
  });
  assert.ok(result.AuthenticationResult?.AccessToken);
  assert.ok(result.AuthenticationResult?.RefreshToken);
});

test("AdminRespondToAuthChallenge with a wrong code: CodeMismatchException", async (t) => {
  const authenticator = new Authenticator(emulator.seam);
  const user = await userWithMfa(emulator.client, pool, authenticator);
  const started = await adminSignIn(user);
  const code = await authenticator.code(user.secret);
  const errors = captureErrors(t);
  await assert.rejects(
    adminRespondToAuthChallenge(emulator.client, {
      ...pool,
      challengeName: "SOFTWARE_TOKEN_MFA",
      session: started.Session,
      challengeResponses: {
        USERNAME: user.username,
        SOFTWARE_TOKEN_MFA_CODE: String((Number(code) + 500_000) % 1_000_000).padStart(6, "0"),
      },
    }),
    CodeMismatchException,
  );
  assert.match(errors.text(), new RegExp(`The code for ${user.username} is wrong`));
});
