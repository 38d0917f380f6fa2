// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdminGetUserCommand,
  EnableSoftwareTokenMFAException,
} from "@aws-sdk/client-cognito-identity-provider";
import { verifySoftwareToken } from "../../actions/verify-software-token.js";
import {
  Authenticator,
  captureErrors,
  poolForFile,
  setupEmulator,
  userSettingUpMfa,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { mfa: "ON" });

test("VerifySoftwareToken with the app's code: SUCCESS, TOTP registered", async () => {
  const user = await userSettingUpMfa(emulator.client, pool);
  const code = await new Authenticator(emulator.seam).code(user.secret);
  const result = await verifySoftwareToken(emulator.client, {
    userCode: code,
    session: user.session,
    friendlyDeviceName: "test phone",
  });
  assert.equal(result.Status, "SUCCESS");
  assert.ok(result.Session);
  const { UserMFASettingList } = await emulator.client.send(
    new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: user.username }),
  );
  assert.deepEqual(UserMFASettingList, ["SOFTWARE_TOKEN_MFA"]);
});

test("VerifySoftwareToken with a wrong code: EnableSoftwareTokenMFAException", async (t) => {
  const user = await userSettingUpMfa(emulator.client, pool);
  const code = await new Authenticator(emulator.seam).code(user.secret);
  const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
  const errors = captureErrors(t);
  await assert.rejects(
    verifySoftwareToken(emulator.client, { userCode: wrong, session: user.session }),
    EnableSoftwareTokenMFAException,
  );
  assert.match(errors.text(), /check the authenticator app entry and the phone's clock/);
});

test("VerifySoftwareToken needs exactly one of session and access token", async () => {
  await assert.rejects(verifySoftwareToken(emulator.client, { userCode: "123456" }), TypeError);
});
