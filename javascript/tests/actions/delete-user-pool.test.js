// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { deleteUserPool } from "../../actions/delete-user-pool.js";
import { captureErrors, setupEmulator, uniqueName } from "../helpers/emulator.js";

const emulator = setupEmulator();

test("DeleteUserPool deletes the pool; deleting it again is ResourceNotFoundException", async (t) => {
  const { UserPool } = await emulator.client.send(
    new CreateUserPoolCommand({ PoolName: uniqueName("js-delete") }),
  );
  const userPoolId = /** @type {string} */ (UserPool?.Id);
  await deleteUserPool(emulator.client, { userPoolId });
  await assert.rejects(
    emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })),
    ResourceNotFoundException,
  );

  const errors = captureErrors(t);
  await assert.rejects(deleteUserPool(emulator.client, { userPoolId }), ResourceNotFoundException);
  assert.match(errors.text(), /it may be deleted already/);
  assert.match(errors.text(), /Couldn't delete user pool .*ResourceNotFoundException/);
});
