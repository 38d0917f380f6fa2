// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
// The guided scenario as a reader runs it (a child process), held to the markers, exit
// statuses and clean-up promise of scenarios/SPECIFICATION.md.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import {
  DescribeUserPoolCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { JAVASCRIPT_DIR, runNode, setupEmulator } from "../helpers/emulator.js";

const SCENARIO = "scenarios/signup-user-with-mfa.js";
const emulator = setupEmulator();

const MARKERS = {
  step: /^Step (\d) of 8 \[[#.]{8}\] {2}(.+)$/,
  call: /^ {2}-> ([A-Za-z]+)(?: \(([A-Z_]+)\))?: /,
  userPool: /^ {5}User pool ID: (\S+)$/,
  appClient: /^ {5}App client ID: (\S+)$/,
  code: /^The local backend 'e-mailed' the code to its outbox: (\d{6})$/,
  setupKey: /^ {5}Setup key: ([A-Z2-7]{4}(?: [A-Z2-7]{1,4})*)$/,
  token: /^ {5}(IdToken|AccessToken|RefreshToken): (\S{5})\.\.\.(\S{4}) \((\d+) chars\)$/,
  removed: /^ {2}ok Removed (.+)\.$/,
};

/** @param {string} text @param {RegExp} marker */
const matches = (text, marker) =>
  text.split("\n").flatMap((line) => {
    const found = marker.exec(line);
    return found ? [found] : [];
  });

/** @param {string} userPoolId */
async function assertPoolGone(userPoolId) {
  await assert.rejects(
    emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })),
    ResourceNotFoundException,
  );
}

test("--auto runs the 8 steps, their calls and markers, cleans up, exit 0", async () => {
  const run = await runNode(SCENARIO, ["--auto", "--endpoint", emulator.url], {
    env: emulator.env,
  });
  assert.equal(run.status, 0, run.stderr + run.stdout.slice(-2000));
  const out = run.stdout;
  assert.deepEqual(
    matches(out, MARKERS.step).map((m) => Number(m[1])),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
  const calls = matches(out, MARKERS.call).map((m) => (m[2] ? `${m[1]} ${m[2]}` : m[1]));
  assert.deepEqual(calls, [
    "CreateUserPool",
    "SetUserPoolMfaConfig",
    "CreateUserPoolClient",
    "SignUp",
    "ConfirmSignUp",
    "ListUsers",
    "AdminInitiateAuth",
    "AssociateSoftwareToken",
    "VerifySoftwareToken",
    "AdminRespondToAuthChallenge MFA_SETUP",
    "AdminInitiateAuth",
    "AdminRespondToAuthChallenge SOFTWARE_TOKEN_MFA",
    "ConfirmDevice",
    "AdminInitiateAuth",
    "AdminRespondToAuthChallenge DEVICE_SRP_AUTH",
    "AdminRespondToAuthChallenge DEVICE_PASSWORD_VERIFIER",
    "ListDevices",
    "ForgetDevice",
    "AdminDeleteUser",
    "DeleteUserPoolClient",
    "DeleteUserPool",
  ]);
  const [userPoolId] = matches(out, MARKERS.userPool).map((m) => m[1]);
  assert.ok(matches(out, MARKERS.appClient).length === 1);
  assert.equal(matches(out, MARKERS.code).length, 1);
  const [setupKey] = matches(out, MARKERS.setupKey).map((m) => m[1].replace(/ /g, ""));
  assert.match(setupKey, /^[A-Z2-7]{32}$/);
  assert.equal(matches(out, MARKERS.token).length, 9); // three sign-ins, three tokens each
  assert.deepEqual(
    matches(out, MARKERS.removed).map((m) => m[1].split(" ").slice(0, 2).join(" ")),
    [
      "the QR",
      "user mfa-user-" + out.split("User name: mfa-user-")[1].slice(0, 8),
      "app client",
      "user pool",
    ],
  );
  assert.match(out.trimEnd().split("\n").at(-1) ?? "", /^Done: /); // one line, unwrapped
  await assertPoolGone(userPoolId);
});

test("--auto prints no line wider than 80 columns and no whole token", async () => {
  const run = await runNode(SCENARIO, ["--auto", "--endpoint", emulator.url], {
    env: emulator.env,
  });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split("\n");
  const qr = lines.filter((line) => /^[\u2580\u2584\u2588 ]+$/.test(line) && line.length > 20);
  assert.ok(qr.length > 0 && qr.length <= 21, `QR code of ${qr.length} lines`);
  for (const line of lines) {
    if (line.startsWith("/")) continue; // a file path stands alone on its line
    assert.ok([...line].length <= 80, `wider than 80 columns: ${line}`);
  }
  const tokenLike = (run.stdout.match(/[A-Za-z0-9_\-.=+]{60,}/g) ?? []).filter((word) =>
    /[A-Za-z0-9]/.test(word),
  );
  assert.deepEqual(tokenLike, []);
});

test("without a terminal and without --auto: one line naming the command, exit 2", async () => {
  const run = await runNode(SCENARIO, ["--endpoint", emulator.url], { env: emulator.env });
  assert.equal(run.status, 2);
  assert.match(
    run.stderr,
    /^signup-user-with-mfa: .*node scenarios\/signup-user-with-mfa\.js --auto\n$/,
  );
  assert.equal(run.stdout, "");
});

test("usage mistakes and AWS in CI: one line, exit 2, nothing created", async () => {
  for (const [args, why] of [
    [["--auto", "--target", "mars"], /--target must be local or aws/],
    [["--auto", "--bogus"], /Unknown option '--bogus'/],
    [["--auto", "--target", "aws"], /--auto runs only on --target local/],
    [["--target", "aws", "--user-pool-id", "us-east-1_x"], /give both --user-pool-id/],
  ]) {
    const run = await runNode(SCENARIO, /** @type {string[]} */ (args), { env: emulator.env });
    assert.equal(run.status, 2, `${args}: ${run.stderr}`);
    assert.match(run.stderr, /** @type {RegExp} */ (why));
    assert.equal(run.stderr.split("\n").length, 2, run.stderr);
  }
  const ci = await runNode(SCENARIO, ["--target", "aws"], {
    env: { ...emulator.env, CI: "true" },
    input: "y\n",
  });
  assert.equal(ci.status, 2);
});

test("--help prints the usage, exit 0", async () => {
  const run = await runNode(SCENARIO, ["--help"], { env: emulator.env });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^usage: node scenarios\/signup-user-with-mfa\.js \[--auto\]/);
});

for (const [signal, status] of /** @type {const} */ ([
  ["SIGTERM", 143],
  ["SIGINT", 130],
])) {
  test(`${signal} in the middle: everything created is removed, exit ${status}`, async () => {
    const child = spawn(process.execPath, [SCENARIO, "--auto", "--endpoint", emulator.url], {
      cwd: JAVASCRIPT_DIR,
      env: emulator.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (err += chunk));
    const closed = new Promise((resolve) => child.once("close", resolve));
    await new Promise((resolve) => {
      child.stdout.setEncoding("utf8").on("data", (chunk) => {
        out += chunk;
        if (out.includes("Step 4 of 8")) resolve(child.kill(signal));
      });
      child.once("close", resolve);
    });
    const code = await closed;
    assert.equal(code, status, err);
    assert.match(out, /Step 8 of 8/);
    const [userPoolId] = matches(out, MARKERS.userPool).map((m) => m[1]);
    assert.ok(userPoolId, out);
    assert.match(out, new RegExp(`^ {2}ok Removed user pool ${userPoolId}\\.$`, "m"));
    assert.match(err, /^signup-user-with-mfa: (interrupted|stopped)/);
    await assertPoolGone(userPoolId);
  });
}
