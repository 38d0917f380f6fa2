// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Reading answers at a terminal, passwords without echo, with node:readline only.
 *
 * Shared by the action examples' command lines (a password left out is asked for) and the
 * guided scenario's interactive mode.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/**
 * A readline interface on stdin whose echo can be turned off (for passwords).
 *
 * Echo goes through a writable that forwards to `output` unless muted: the prompt is
 * written, then the typed characters are swallowed.
 */
export class Prompter {
  /**
   * @param {object} [options]
   * @param {NodeJS.ReadableStream} [options.input] Where answers come from (stdin).
   * @param {NodeJS.WritableStream} [options.output] Where prompts go (stdout).
   */
  constructor({ input = process.stdin, output = process.stdout } = {}) {
    this.output = output;
    this.muted = false;
    const echo = new Writable({
      write: (chunk, encoding, done) => {
        if (!this.muted) output.write(chunk, encoding);
        done();
      },
    });
    this.rl = createInterface({
      input,
      output: echo,
      terminal: Boolean(/** @type {any} */ (input).isTTY),
      prompt: "",
    });
    // Ctrl-C at a prompt reaches readline as a key: make it the signal it is everywhere else.
    this.rl.on("SIGINT", () => process.kill(process.pid, "SIGINT"));
    /** @type {string[]} lines typed ahead of their question (piped input) */
    this.pending = [];
    /** @type {((line: string | null) => void) | null} */
    this.waiting = null;
    this.closed = false;
    this.rl.on("line", (line) => this.#deliver(line));
    this.rl.on("close", () => {
      this.closed = true;
      this.#deliver(null);
    });
  }

  /** @param {string | null} line */
  #deliver(line) {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting(line);
    } else if (line !== null) {
      this.pending.push(line);
    }
  }

  /**
   * Ask a question; resolves with the answer, or `null` when input ended.
   *
   * @param {string} prompt The question, ending with a space.
   * @param {object} [options]
   * @param {boolean} [options.secret] Don't echo what is typed (a password).
   * @returns {Promise<string | null>}
   */
  ask(prompt, { secret = false } = {}) {
    if (this.pending.length) {
      this.output.write(prompt + (secret ? "" : this.pending[0]) + "\n");
      return Promise.resolve(/** @type {string} */ (this.pending.shift()));
    }
    if (this.closed) return Promise.resolve(null);
    if (secret) {
      this.output.write(prompt); // readline's own echo is muted from here to Enter
      this.rl.setPrompt("");
      this.muted = true;
    } else {
      this.rl.setPrompt(prompt); // readline redraws it on Backspace
      this.rl.prompt();
    }
    return new Promise((resolve) => {
      this.waiting = (line) => {
        if (secret) {
          this.muted = false;
          this.output.write("\n");
        }
        resolve(line);
      };
    });
  }

  /** Stop reading (a pending question resolves with `null`). */
  close() {
    this.rl.close();
  }
}
