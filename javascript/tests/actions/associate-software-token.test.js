// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdminInitiateAuthCommand,
  NotAuthorizedException,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { associateSoftwareToken } from "../../actions/associate-software-token.js";
import {
  Authenticator,
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
  signIn,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const mfaPool = poolForFile(emulator, { mfa: "ON" });
const optionalPool = poolForFile(emulator, { mfa: "OPTIONAL" });

test("AssociateSoftwareToken during MFA_SETUP: a usable base32 secret and a new session", async () => {
  const user = await createConfirmedUser(emulator.client, mfaPool);
  const { Session } = await emulator.client.send(
    new AdminInitiateAuthCommand({
      UserPoolId: mfaPool.userPoolId,
      ClientId: mfaPool.clientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  const result = await associateSoftwareToken(emulator.client, { session: Session });
  assert.match(result.SecretCode ?? "", /^[A-Z2-7]{32}$/);
  assert.ok(result.Session && result.Session !== Session);
  // The secret is the one Cognito checks codes against.
  const code = await new Authenticator(emulator.seam).code(result.SecretCode ?? "");
  const verified = await emulator.client.send(
    new VerifySoftwareTokenCommand({ Session: result.Session, UserCode: code }),
  );
  assert.equal(verified.Status, "SUCCESS");
});

test("AssociateSoftwareToken for a signed-in user (access token): a secret, no session", async () => {
  const user = await createConfirmedUser(emulator.client, optionalPool);
  const { AccessToken } = await signIn(emulator.client, optionalPool, user);
  const result = await associateSoftwareToken(emulator.client, { accessToken: AccessToken });
  assert.match(result.SecretCode ?? "", /^[A-Z2-7]{32}$/);
  assert.equal(result.Session, undefined);
});

test("AssociateSoftwareToken with a made-up session: NotAuthorizedException, explained", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    associateSoftwareToken(emulator.client, { session: "x".repeat(40) }),
    NotAuthorizedException,
  );
  assert.match(errors.text(), /expired, revoked or already used: sign in again/);
});

test("AssociateSoftwareToken needs exactly one of session and access token", async () => {
  await assert.rejects(associateSoftwareToken(emulator.client, {}), TypeError);
  await assert.rejects(
    associateSoftwareToken(emulator.client, { session: "s", accessToken: "t" }),
    TypeError,
  );
});
