// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ConfirmSignUpCommand,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { resendConfirmationCode } from "../../actions/resend-confirmation-code.js";
import {
  captureErrors,
  missingName,
  poolForFile,
  setupEmulator,
  signUpUser,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("ResendConfirmationCode delivers a new code, which confirms the user", async () => {
  const { username } = await signUpUser(emulator.client, pool);
  const delivery = await resendConfirmationCode(emulator.client, {
    clientId: pool.clientId,
    username,
  });
  assert.equal(delivery.DeliveryMedium, "EMAIL");
  const messages = await emulator.seam.messages({ username, userPoolId: pool.userPoolId });
  assert.deepEqual(
    messages.map((message) => message.trigger),
    ["CustomMessage_SignUp", "CustomMessage_ResendCode"],
  );
  await emulator.client.send(
    new ConfirmSignUpCommand({
      ClientId: pool.clientId,
      Username: username,
      ConfirmationCode: messages[1].code,
    }),
  );
});

test("ResendConfirmationCode to a missing user: UserNotFoundException, explained", async (t) => {
  const errors = captureErrors(t);
  const username = missingName();
  await assert.rejects(
    resendConfirmationCode(emulator.client, { clientId: pool.clientId, username }),
    UserNotFoundException,
  );
  assert.match(errors.text(), new RegExp(`There is no user ${username}`));
});
