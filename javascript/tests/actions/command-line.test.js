// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
// The command line every action example has (lib/command-line.js), run as a reader would.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { DeleteUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createConfirmedUser, poolForFile, runNode, setupEmulator } from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator);
const actions = readdirSync(new URL("../../actions", import.meta.url)).filter((name) =>
  name.endsWith(".js"),
);

test("every action example answers --help with its usage, exit 0", async () => {
  assert.ok(actions.length >= 26, `only ${actions.length} action examples`);
  const batches = [];
  for (let i = 0; i < actions.length; i += 4) batches.push(actions.slice(i, i + 4));
  for (const batch of batches) {
    const runs = await Promise.all(
      batch.map((name) => runNode(`actions/${name}`, ["--help"], { env: emulator.env })),
    );
    runs.forEach((run, i) => {
      assert.equal(run.status, 0, `${batch[i]}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`^usage: node actions/${batch[i]} `));
      assert.match(run.stdout, /\n {2}--help {2,}show this help and exit\n/);
      assert.equal(run.stderr, "");
    });
  }
});

test("an unknown option or a missing one: one line on stderr, exit 2", async () => {
  const unknown = await runNode("actions/list-users.js", ["--user-pool", "x"], {
    env: emulator.env,
  });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^actions\/list-users.js: Unknown option '--user-pool'.*\n$/);
  const missing = await runNode("actions/list-users.js", [], { env: emulator.env });
  assert.equal(missing.status, 2);
  assert.equal(
    missing.stderr,
    "actions/list-users.js: --user-pool-id is required (--help shows the options)\n",
  );
});

test("a password left out without a terminal: exit 2, nothing sent", async () => {
  const run = await runNode(
    "actions/sign-up.js",
    ["--client-id", pool.clientId, "--username", "ana", "--email", "ana@example.com"],
    { env: emulator.env },
  );
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--password is required when no terminal is present/);
});

test("create-user-pool.js prints the new pool as JSON, against AWS_ENDPOINT_URL", async () => {
  const run = await runNode("actions/create-user-pool.js", ["--pool-name", "js-cli-pool"], {
    env: emulator.env,
  });
  assert.equal(run.status, 0, run.stderr);
  const created = JSON.parse(run.stdout);
  await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: created.Id }));
  assert.equal(created.Name, "js-cli-pool");
  assert.deepEqual(created.AutoVerifiedAttributes, ["email"]);
});

test("admin-initiate-auth.js prints the tokens masked", async () => {
  const user = await createConfirmedUser(emulator.client, pool);
  const run = await runNode(
    "actions/admin-initiate-auth.js",
    [
      ...["--user-pool-id", pool.userPoolId, "--client-id", pool.clientId],
      ...["--username", user.username, "--password", user.password],
    ],
    { env: emulator.env },
  );
  assert.equal(run.status, 0, run.stderr);
  const tokens = JSON.parse(run.stdout).AuthenticationResult;
  for (const name of ["AccessToken", "IdToken", "RefreshToken"]) {
    assert.match(tokens[name], /^.{4}\.\.\..{4}$/, name);
  }
  assert.doesNotMatch(run.stdout, /[\w-]{40}/);
});

test("a refused call: Cognito's error name and message on stderr, exit 1", async () => {
  const run = await runNode(
    "actions/describe-user-pool.js",
    ["--user-pool-id", "us-east-1_missing"],
    {
      env: emulator.env,
    },
  );
  assert.equal(run.status, 1);
  assert.match(run.stderr, /Here's why: ResourceNotFoundException: /);
  assert.equal(run.stdout, "");
});

test("no Region configured: one line on stderr, exit 2", async () => {
  const env = { ...emulator.env };
  delete env.AWS_REGION;
  delete env.AWS_DEFAULT_REGION;
  const run = await runNode("actions/list-users.js", ["--user-pool-id", pool.userPoolId], { env });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^actions\/list-users.js: .*Region/m);
  assert.doesNotMatch(run.stderr, /\n\s+at /); // no stack trace
});

test("secret-hash.js runs without any AWS configuration", async () => {
  const run = await runNode(
    "actions/secret-hash.js",
    ["--username", "what do ya want ", "--client-id", "for nothing?", "--client-secret", "Jefe"],
    { env: { PATH: process.env.PATH } },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=\n");
});
