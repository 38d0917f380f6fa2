// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * `npm test`: start ONE cognito-emulator, run every test file with node's test runner
 * against it (the URL goes to the files in COGNITO_EMULATOR_URL), stop it, pass on the
 * runner's exit status. Arguments go to `node --test` (e.g. `--test-name-pattern=SignUp`).
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalBackend } from "../lib/local-backend.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const testsDir = join(root, "tests");
const files = readdirSync(testsDir, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".test.js"))
  .map((name) => relative(root, join(testsDir, name)))
  .sort();

let backend;
try {
  backend = await startLocalBackend();
} catch (err) {
  process.stderr.write(`tests/run.js: ${/** @type {Error} */ (err).message}\n`);
  process.exit(2);
}
const stop = () => backend.stop();
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, async () => {
    await stop();
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}
const concurrency = String(Math.max(2, availableParallelism()));
const status = await new Promise((resolve) => {
  const runner = spawn(
    process.execPath,
    ["--test", `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...files],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, COGNITO_EMULATOR_URL: backend.url },
    },
  );
  runner.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
await stop();
process.exitCode = status;
