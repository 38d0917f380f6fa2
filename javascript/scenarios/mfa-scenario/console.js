// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * What the reader sees: numbered steps, the API call about to be made and why, masked
 * secrets. Lines are wrapped at 78 columns; tokens and sessions are never printed whole.
 */

export const WIDTH = 78;

/**
 * `eyJra...Q3xw (1071 chars)`: enough to recognise a token, never the token itself.
 *
 * @param {string | undefined | null} value
 * @returns {string}
 */
export function mask(value) {
  if (!value) return "(none)";
  if (value.length < 16) return `**** (${value.length} chars)`;
  return `${value.slice(0, 5)}...${value.slice(-4)} (${value.length} chars)`;
}

/**
 * Wrap `text` at `width` columns without breaking words; later lines start with `indent`.
 *
 * @param {string} text
 * @param {number} width
 * @param {string} [indent]
 * @returns {string[]}
 */
export function wrap(text, width, indent = "") {
  const lines = [];
  const [, lead, rest] = /^( *)(.*)$/s.exec(text) ?? ["", "", text];
  let line = lead;
  for (const word of rest.split(/ +/)) {
    const candidate = line.trim() ? `${line} ${word}` : line + word;
    if (candidate.length > width && line.trim()) {
      lines.push(line);
      line = indent + word;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines;
}

/** Writes the scenario's narration, a line at a time. */
export class Console {
  /**
   * @param {NodeJS.WritableStream} out
   * @param {number} totalSteps
   */
  constructor(out, totalSteps) {
    this.out = out;
    this.totalSteps = totalSteps;
    /** @type {() => void} Called before each Cognito call: throws when the run must stop. */
    this.beforeCall = () => {};
    /** The operation of the last call line, to name it when it fails. */
    this.lastOperation = "";
  }

  /** @param {string} [text] */
  write(text = "") {
    this.out.write(text + "\n");
  }

  /**
   * A separator and the step's number, progress and title.
   *
   * @param {number} number
   * @param {string} title
   */
  step(number, title) {
    const done = "#".repeat(number) + ".".repeat(this.totalSteps - number);
    this.write();
    this.write("-".repeat(WIDTH));
    this.write(`Step ${number} of ${this.totalSteps} [${done}]  ${title}`);
    this.write("-".repeat(WIDTH));
  }

  /**
   * @param {string} text
   * @param {string} [indent]
   */
  #wrapped(text, indent = "") {
    for (const line of wrap(text, WIDTH, indent)) this.write(line);
  }

  /** A sentence of explanation, wrapped. @param {string} text */
  say(text) {
    this.#wrapped(text);
  }

  /**
   * The Cognito operation about to be called (and the challenge it answers), and why.
   *
   * @param {string} operation Such as `AdminRespondToAuthChallenge (MFA_SETUP)`.
   * @param {string} why One sentence.
   */
  call(operation, why) {
    this.beforeCall();
    this.lastOperation = operation.split(" ")[0];
    this.#wrapped(`  -> ${operation}: ${why}`, "     ");
  }

  /** Something worked. @param {string} text */
  ok(text) {
    this.#wrapped(`  ok ${text}`, "     ");
  }

  /**
   * A labelled value on its own line (IDs, masked tokens, the setup key).
   *
   * @param {string} label
   * @param {string} value
   */
  show(label, value) {
    this.write(`     ${label}: ${value}`);
  }

  /** A mistake the user can fix (the scenario asks again), or why it stops. @param {string} text */
  problem(text) {
    this.#wrapped(`  !! ${text}`, "     ");
  }
}
