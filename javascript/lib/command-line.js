// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * The command line of every action example: `node actions/sign-up.js --help`.
 *
 * Each file in `actions/` exports one function (the snippet a reader copies, which needs
 * only the SDK) and ends with a call to {@link runExample}, so the file also runs on its own
 * against whatever the SDK is configured for (`AWS_ENDPOINT_URL`, `AWS_REGION`, profiles).
 * What those command lines share lives here, once: parsing, `--help`, asking for a password
 * without echo, the client from the default provider chain, masking tokens in the output,
 * and exit statuses (0 done, 1 Cognito refused, 2 usage or configuration).
 */
import { realpathSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
} from "@aws-sdk/client-cognito-identity-provider";
import { Prompter } from "./terminal.js";

/** Response members never printed whole: tokens, sessions and SRP secrets. */
export const SENSITIVE = new Set([
  "AccessToken",
  "IdToken",
  "RefreshToken",
  "Session",
  "SECRET_BLOCK",
  "ClientSecret",
]);

/**
 * Whether the module at `moduleUrl` is the program node was started with.
 *
 * @param {string} moduleUrl The module's `import.meta.url`.
 * @returns {boolean}
 */
export function isMain(moduleUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * A copy of `data` with every token, session and secret cut to its first and last 4
 * characters (`eyJr...Q3xw`).
 *
 * @param {unknown} data A response, or part of one.
 * @param {Set<string>} [sensitive] The member names to mask.
 * @returns {unknown}
 */
export function maskSecrets(data, sensitive = SENSITIVE) {
  if (Array.isArray(data)) return data.map((item) => maskSecrets(item, sensitive));
  if (data instanceof Date) return data;
  if (data && typeof data === "object") {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [
        key,
        sensitive.has(key) && typeof value === "string"
          ? value.length > 8
            ? `${value.slice(0, 4)}...${value.slice(-4)}`
            : "****"
          : maskSecrets(value, sensitive),
      ]),
    );
  }
  return data;
}

/**
 * The `KEY=VALUE` arguments of a repeatable option, as an object.
 *
 * @param {string[]} pairs Such as `["USERNAME=ana", "SOFTWARE_TOKEN_MFA_CODE=123456"]`.
 * @param {string} option The option's name, for the error message.
 * @returns {Record<string, string>}
 */
export function keyValues(pairs, option) {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new Error(`${option} takes KEY=VALUE, not ${pair}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/**
 * @typedef {object} OptionSpec One command-line option.
 * @property {"string" | "boolean"} type Its kind.
 * @property {string} help One line for `--help`.
 * @property {boolean} [required] Refuse to run without it.
 * @property {boolean} [multiple] May be given more than once (a list).
 * @property {boolean} [secret] A password: asked for without echo when left out.
 * @property {string} [metavar] The value's placeholder in `--help` (default `VALUE`).
 */

/**
 * @param {string} program
 * @param {string} description
 * @param {Record<string, OptionSpec>} options
 */
function usage(program, description, options) {
  const synopsis = Object.entries(options)
    .map(([name, spec]) => {
      const text = spec.type === "boolean" ? `--${name}` : `--${name} ${spec.metavar ?? "VALUE"}`;
      return spec.required ? text : `[${text}]`;
    })
    .join(" ");
  const lines = [`usage: node ${program} ${synopsis}`, "", description, "", "options:"];
  /** @type {Record<string, OptionSpec>} */
  const all = { ...options, help: { type: "boolean", help: "show this help and exit" } };
  for (const [name, spec] of Object.entries(all)) {
    const flag = spec.type === "boolean" ? `--${name}` : `--${name} ${spec.metavar ?? "VALUE"}`;
    const notes = [spec.multiple ? "repeatable" : "", spec.secret ? "asked if left out" : ""]
      .filter(Boolean)
      .join(", ");
    lines.push(`  ${flag.padEnd(30)} ${spec.help}${notes ? ` (${notes})` : ""}`);
  }
  lines.push(
    "",
    "It calls whatever the SDK is configured for: AWS_ENDPOINT_URL (cognito-emulator), or",
    "your AWS account through the default credential chain. Tokens in the output are masked.",
  );
  return lines.join("\n");
}

/**
 * Run an action example from the command line and exit.
 *
 * @template T
 * @param {object} example
 * @param {string} example.moduleUrl The example's `import.meta.url` (names it in `--help`).
 * @param {string} example.description What the example does, for `--help`.
 * @param {Record<string, OptionSpec>} example.options Its options, by long name.
 * @param {(client: CognitoIdentityProviderClient, args: Record<string, any>) => Promise<T>} example.run
 *   Calls the example's function with the parsed options.
 * @param {(result: T, args: Record<string, any>) => string} [example.describe] What to print
 *   when the function returns nothing worth printing as JSON (a deletion).
 * @param {string} [example.note] A line for stderr after success (what the output shows).
 * @param {string[]} [example.argv] The arguments (tests); defaults to `process.argv`.
 * @returns {Promise<void>}
 */
export async function runExample({ moduleUrl, description, options, run, describe, note, argv }) {
  const program = `actions/${basename(fileURLToPath(moduleUrl))}`;
  const fail = (/** @type {string} */ message, /** @type {number} */ status) => {
    process.stderr.write(`${program}: ${message}\n`);
    process.exitCode = status;
  };
  /** @type {Record<string, any>} */
  let args;
  try {
    const parsed = parseArgs({
      args: argv ?? process.argv.slice(2),
      options: {
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(
          Object.entries(options).map(([name, spec]) => [
            name,
            { type: spec.type, multiple: spec.multiple ?? false },
          ]),
        ),
      },
      allowPositionals: false,
      strict: true,
    });
    args = parsed.values;
  } catch (err) {
    return fail(`${/** @type {Error} */ (err).message} (--help shows the options)`, 2);
  }
  if (args.help) {
    process.stdout.write(usage(program, description, options) + "\n");
    return;
  }
  for (const [name, spec] of Object.entries(options)) {
    if (args[name] !== undefined || !(spec.required || spec.secret)) continue;
    if (!spec.secret) return fail(`--${name} is required (--help shows the options)`, 2);
    if (!process.stdin.isTTY) {
      return fail(`--${name} is required when no terminal is present`, 2);
    }
    const prompter = new Prompter({ output: process.stderr });
    const answer = await prompter.ask(`${spec.help}: `, { secret: true });
    prompter.close();
    if (!answer) return fail(`no ${name} given`, 2);
    args[name] = answer;
  }
  const client = new CognitoIdentityProviderClient({});
  try {
    const result = await run(client, args);
    if (describe) process.stdout.write(describe(result, args) + "\n");
    else process.stdout.write(JSON.stringify(maskSecrets(result ?? {}), null, 2) + "\n");
    if (note) process.stderr.write(note + "\n");
  } catch (err) {
    if (err instanceof CognitoIdentityProviderServiceException) {
      process.exitCode = 1; // the example already said why, with Cognito's error name
    } else {
      // No Region or credentials, an unreachable endpoint, a bad argument value.
      fail(/** @type {Error} */ (err).message ?? String(err), 2);
    }
  } finally {
    client.destroy();
  }
}
