// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdminGetUserCommand,
  InvalidParameterException,
  InvalidPasswordException,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { signUp } from "../../actions/sign-up.js";
import {
  TEST_PASSWORD,
  captureErrors,
  poolForFile,
  setupEmulator,
  uniqueName,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("SignUp creates an unconfirmed user and e-mails a confirmation code", async () => {
  const username = uniqueName("ana");
  const result = await signUp(emulator.client, {
    clientId: pool.clientId,
    username,
    password: TEST_PASSWORD,
    email: `${username}@example.com`,
  });
  assert.equal(result.UserConfirmed, false);
  assert.match(result.UserSub ?? "", /^[0-9a-f-]{36}$/);
  assert.equal(result.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
  assert.match(result.CodeDeliveryDetails?.Destination ?? "", /^a\*\*\*@e\*\*\*/);
  const user = await emulator.client.send(
    new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }),
  );
  assert.equal(user.UserStatus, "UNCONFIRMED");
  const messages = await emulator.seam.messages({ username, userPoolId: pool.userPoolId });
  assert.equal(messages.length, 1);
  assert.equal(messages[0].destination, `${username}@example.com`);
  assert.match(messages[0].code, /^\d{6}$/);
});

test("SignUp with a taken user name: UsernameExistsException, explained", async (t) => {
  const username = uniqueName("taken");
  const params = {
    clientId: pool.clientId,
    username,
    password: TEST_PASSWORD,
    email: `${username}@example.com`,
  };
  await signUp(emulator.client, params);
  const errors = captureErrors(t);
  await assert.rejects(signUp(emulator.client, params), UsernameExistsException);
  assert.match(errors.text(), new RegExp(`The user name ${username} is taken`));
  assert.match(errors.text(), /Here's why: UsernameExistsException: /);
});

test("SignUp with a weak password: InvalidPasswordException, explained", async (t) => {
  const errors = captureErrors(t);
  const username = uniqueName("weak");
  await assert.rejects(
    signUp(emulator.client, {
      clientId: pool.clientId,
      username,
      password: "password",
      email: `${username}@example.com`,
    }),
    InvalidPasswordException,
  );
  assert.match(errors.text(), /doesn't meet the pool's password policy/);
});

test("SignUp with a malformed e-mail address: InvalidParameterException", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    signUp(emulator.client, {
      clientId: pool.clientId,
      username: uniqueName("bad-mail"),
      password: TEST_PASSWORD,
      email: "not-an-address",
    }),
    InvalidParameterException,
  );
  assert.match(errors.text(), /malformed e-mail address/);
});
