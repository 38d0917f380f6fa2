// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { NotAuthorizedException, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { computeSecretHash } from "../../actions/secret-hash.js";
import { TEST_PASSWORD, poolForFile, setupEmulator, uniqueName } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { secret: true });

/** @param {string} username @param {string | undefined} secretHash */
function signUpCommand(username, secretHash) {
  return new SignUpCommand({
    ClientId: pool.clientId,
    Username: username,
    Password: TEST_PASSWORD,
    SecretHash: secretHash,
    UserAttributes: [{ Name: "email", Value: `${username}@example.com` }],
  });
}

test("computeSecretHash gives the SECRET_HASH Cognito accepts for that user", async () => {
  const username = uniqueName("hash");
  const secretHash = computeSecretHash({
    username,
    clientId: pool.clientId,
    clientSecret: /** @type {string} */ (pool.clientSecret),
  });
  const result = await emulator.client.send(signUpCommand(username, secretHash));
  assert.ok(result.UserSub);
});

test("a SECRET_HASH of another user name is refused: NotAuthorizedException", async () => {
  const secretHash = computeSecretHash({
    username: "someone-else",
    clientId: pool.clientId,
    clientSecret: /** @type {string} */ (pool.clientSecret),
  });
  await assert.rejects(
    emulator.client.send(signUpCommand(uniqueName("hash"), secretHash)),
    NotAuthorizedException,
  );
});

test("computeSecretHash is base64 HMAC-SHA256 of user name + client ID (RFC 4231 key)", () => {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
  const hash = computeSecretHash({
    username: "what do ya want ",
    clientId: "for nothing?",
    clientSecret: "Jefe",
  });
  assert.equal(
    Buffer.from(hash, "base64").toString("hex"),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  );
});
