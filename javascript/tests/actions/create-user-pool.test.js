// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  InvalidParameterException,
} from "@aws-sdk/client-cognito-identity-provider";
import { createUserPool } from "../../actions/create-user-pool.js";
import { captureErrors, setupEmulator, uniqueName } from "../helpers/emulator.js";

const emulator = setupEmulator();

test("CreateUserPool creates a pool that verifies e-mail and tracks devices", async () => {
  const name = uniqueName("js-create");
  const pool = await createUserPool(emulator.client, {
    poolName: name,
    deviceConfiguration: {
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: false,
    },
  });
  try {
    assert.match(pool.Id ?? "", /^us-east-1_\w+$/);
    const { UserPool } = await emulator.client.send(
      new DescribeUserPoolCommand({ UserPoolId: pool.Id }),
    );
    assert.equal(UserPool?.Name, name);
    assert.deepEqual(UserPool?.AutoVerifiedAttributes, ["email"]);
    assert.equal(UserPool?.DeviceConfiguration?.ChallengeRequiredOnNewDevice, true);
  } finally {
    await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
  }
});

test("CreateUserPool without e-mail verification leaves AutoVerifiedAttributes out", async () => {
  const pool = await createUserPool(emulator.client, {
    poolName: uniqueName("js-create"),
    autoVerifyEmail: false,
  });
  try {
    assert.ok(!pool.AutoVerifiedAttributes?.length);
  } finally {
    await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
  }
});

test("CreateUserPool with an invalid name: InvalidParameterException, explained", async (t) => {
  const errors = captureErrors(t);
  await assert.rejects(
    createUserPool(emulator.client, { poolName: "" }),
    InvalidParameterException,
  );
  assert.match(errors.text(), /check the name/);
  assert.match(errors.text(), /Couldn't create user pool .*InvalidParameterException/);
});
