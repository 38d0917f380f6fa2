// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Who answers the scenario's questions: a person at the terminal, or `--auto`.
 *
 * Both offer the same methods, so the scenario's flow reads the same either way. The
 * automatic player makes up names, takes the confirmation code the local backend delivered
 * (the scenario shows it) and computes TOTP codes with otpauth, as an authenticator app would.
 */
import { randomInt, randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const PASSWORD_RULES =
  "at least 8 characters with upper case, lower case, a number and a symbol";
/** The same rules, short enough for a prompt line that fits 80 columns with the answer. */
const PASSWORD_PROMPT = "Password (8+ characters: upper and lower case, a digit, a symbol): ";

/** The scenario can't go on; the message is the one-line reason shown to the user. */
export class ScenarioAborted extends Error {
  name = "ScenarioAborted";
}

export function makeUsername() {
  return `mfa-user-${randomUUID().slice(0, 8)}`;
}

/** A random password that meets Cognito's default password policy. */
export function makePassword() {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const body = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${body}aA7!`;
}

/**
 * The current code of a TOTP secret, never the same code twice: Cognito may refuse a code
 * used already, and accepts the next 30 s step too.
 */
export class TotpCalculator {
  /** @param {() => Promise<number>} now Epoch milliseconds of the backend's clock. */
  constructor(now) {
    this.now = now;
    /** @type {Set<string>} */
    this.used = new Set();
  }

  /** @param {string} secret @returns {Promise<string>} */
  async code(secret) {
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const now = await this.now();
    for (const timestamp of [now, now + totp.period * 1000]) {
      const code = totp.generate({ timestamp });
      if (!this.used.has(`${secret}:${code}`)) {
        this.used.add(`${secret}:${code}`);
        return code;
      }
    }
    throw new ScenarioAborted("no unused TOTP code left in this time window");
  }
}

/** A person at the terminal. */
export class InteractivePlayer {
  automatic = false;

  /**
   * @param {import("./console.js").Console} console
   * @param {import("../../lib/terminal.js").Prompter} prompter
   * @param {TotpCalculator} totp
   */
  constructor(console, prompter, totp) {
    this.console = console;
    this.prompter = prompter;
    this.totp = totp;
  }

  /**
   * @param {string} prompt
   * @param {boolean} [secret]
   * @returns {Promise<string>}
   */
  async #input(prompt, secret = false) {
    const answer = await this.prompter.ask(prompt, { secret });
    if (answer === null) throw new ScenarioAborted("input ended before the scenario did");
    return answer.trim();
  }

  async username() {
    const offered = makeUsername();
    return (await this.#input(`User name [${offered}]: `)) || offered;
  }

  async password() {
    for (;;) {
      const password = await this.#input(PASSWORD_PROMPT, true);
      if (password) return password;
      this.console.problem("The password can't be empty.");
    }
  }

  /** @param {string} username */
  async email(username) {
    const offered = `${username}@example.com`;
    return (await this.#input(`E-mail address [${offered}]: `)) || offered;
  }

  /**
   * A person reads the code on screen (local) or in the e-mail (AWS): nothing to use here.
   *
   * @returns {Promise<string>}
   */
  async confirmationCode() {
    for (;;) {
      const code = (await this.#input("Confirmation code (or r to send a new one): ")).replace(
        / /g,
        "",
      );
      if (code) return code;
      this.console.problem("Type the code from the e-mail, or r to get a new one.");
    }
  }

  /** @param {string} secret */
  async totpCode(secret) {
    for (;;) {
      const answer = (
        await this.#input("6-digit code from your authenticator app (Enter: compute it): ")
      ).replace(/ /g, "");
      if (!answer) {
        const code = await this.totp.code(secret);
        this.console.write(`     computed with otpauth, as an authenticator app would: ${code}`);
        return code;
      }
      if (/^[0-9]{6}$/.test(answer)) return answer;
      this.console.problem("An authenticator code is 6 digits, such as 123456.");
    }
  }

  /** @param {string} question */
  async confirm(question) {
    return ["y", "yes"].includes((await this.#input(`${question} [y/N]: `)).toLowerCase());
  }
}

/** `--auto`: answers every question itself and prints what it answered. */
export class AutoPlayer {
  automatic = true;

  /**
   * @param {import("./console.js").Console} console
   * @param {TotpCalculator} totp
   */
  constructor(console, totp) {
    this.console = console;
    this.totp = totp;
  }

  /** @param {string} question @param {string} answer */
  #answer(question, answer) {
    this.console.write(`${question}: ${answer}   (--auto)`);
    return answer;
  }

  async username() {
    return this.#answer("User name", makeUsername());
  }

  async password() {
    this.console.write("Password: ********   (--auto, generated)");
    return makePassword();
  }

  /** @param {string} username */
  async email(username) {
    return this.#answer("E-mail address", `${username}@example.com`);
  }

  /** @param {string | null} shownCode */
  async confirmationCode(shownCode) {
    if (shownCode === null) {
      throw new ScenarioAborted("--auto can't read a confirmation code sent by e-mail");
    }
    return this.#answer("Confirmation code", shownCode);
  }

  /** @param {string} secret */
  async totpCode(secret) {
    return this.#answer("Authenticator code", await this.totp.code(secret));
  }

  /** @param {string} question */
  async confirm(question) {
    this.#answer(question, "yes");
    return true;
  }
}
