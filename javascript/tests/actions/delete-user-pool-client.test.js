// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { deleteUserPoolClient } from "../../actions/delete-user-pool-client.js";
import { captureErrors, poolForFile, setupEmulator } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);

test("DeleteUserPoolClient deletes the client; again: ResourceNotFoundException", async (t) => {
  const { UserPoolClient } = await emulator.client.send(
    new CreateUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientName: "doomed" }),
  );
  const target = { userPoolId: pool.userPoolId, clientId: UserPoolClient?.ClientId ?? "" };
  await deleteUserPoolClient(emulator.client, target);
  await assert.rejects(
    emulator.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: target.clientId }),
    ),
    ResourceNotFoundException,
  );

  const errors = captureErrors(t);
  await assert.rejects(deleteUserPoolClient(emulator.client, target), ResourceNotFoundException);
  assert.match(errors.text(), /it may be deleted already/);
});
