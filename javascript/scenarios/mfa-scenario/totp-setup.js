// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * The authenticator-app side of TOTP set-up: the setup key, its otpauth:// URI and a QR code.
 *
 * Authenticator apps (Google Authenticator, Microsoft Authenticator, 1Password, Authy...)
 * accept the secret that AssociateSoftwareToken returns in two ways: typed in as a *setup
 * key* or scanned as a QR code of an `otpauth://totp/ISSUER:USER?secret=...&issuer=ISSUER`
 * URI (the Key Uri Format). Cognito's codes are that format's defaults: SHA-1, 6 digits,
 * 30 seconds. The URI comes from `otpauth`, the QR code from `qrcode`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/** The name the authenticator app shows above the code. */
export const ISSUER = "CognitoMFA";

/** The tallest QR code drawn: with the setup key and the code prompt, one 80x24 screen. */
export const MAX_QR_LINES = 21;

/**
 * The secret in groups of 4 characters, easier to read and type: `ABCD EFGH ...`.
 *
 * @param {string} secret
 * @returns {string}
 */
export function groupSetupKey(secret) {
  return (secret.match(/.{1,4}/g) ?? []).join(" ");
}

/**
 * The Key Uri Format URI an authenticator app scans: `otpauth://totp/ISSUER:USER?...`.
 *
 * `otpauth` also writes the default algorithm, digits and period; they are left out (every
 * app assumes them) so that the QR code stays small enough for one screen.
 *
 * @param {string} secret The base32 `SecretCode`.
 * @param {string} username
 * @param {{issuerParameter?: boolean}} [options] `issuerParameter: false` leaves out the
 *   `issuer` parameter (the label still starts with the issuer).
 * @returns {string}
 */
export function otpauthUri(secret, username, { issuerParameter = true } = {}) {
  const totp = new TOTP({ issuer: ISSUER, label: username, secret: Secret.fromBase32(secret) });
  const uri = new URL(totp.toString());
  for (const [name, value] of [
    ["algorithm", "SHA1"],
    ["digits", "6"],
    ["period", "30"],
  ]) {
    if (uri.searchParams.get(name) === value) uri.searchParams.delete(name);
  }
  if (!issuerParameter) uri.searchParams.delete("issuer");
  return uri.toString();
}

/**
 * The most complete otpauth:// URI whose QR code has at most {@link MAX_QR_LINES} lines, and
 * those lines. Tried in turn: the whole URI; without the `issuer` parameter; the user name in
 * the label cut shorter and shorter (a long user name: the label is only what the app shows,
 * the secret is whole in every one).
 *
 * @param {string} secret The base32 `SecretCode`.
 * @param {string} username
 * @returns {{uri: string, label: string, lines: string[]}}
 */
export function fittingQr(secret, username) {
  for (let length = username.length; length > 0; length--) {
    const label = username.slice(0, length);
    for (const issuerParameter of length === username.length ? [true, false] : [false]) {
      const uri = otpauthUri(secret, label, { issuerParameter });
      const lines = qrLines(uri);
      if (lines.length <= MAX_QR_LINES) return { uri, label, lines };
    }
  }
  throw new Error(`a ${secret.length}-character secret makes too big a QR code for a terminal`);
}

/**
 * The QR code of `uri` as text, two modules a character cell (half blocks), for a phone to
 * scan off the screen: at most 21 lines for a short user name.
 *
 * Light modules (and the quiet zone around the code) are drawn, dark ones left blank: on the
 * usual light-on-dark terminal, the code appears dark on light, as scanners expect.
 *
 * @param {string} uri
 * @param {number} [border] Quiet zone, in modules.
 * @returns {string[]}
 */
export function qrLines(uri, border = 2) {
  const { modules } = QRCode.create(uri, { errorCorrectionLevel: "L" });
  const size = modules.size + 2 * border;
  /** @param {number} row @param {number} col */
  const light = (row, col) => {
    const r = row - border;
    const c = col - border;
    if (r < 0 || c < 0 || r >= modules.size || c >= modules.size) return true;
    return !modules.get(r, c);
  };
  const lines = [];
  for (let row = 0; row < size; row += 2) {
    let line = "";
    for (let col = 0; col < size; col++) {
      const top = light(row, col);
      const bottom = row + 1 < size ? light(row + 1, col) : false;
      line += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Write the QR code of `uri` as a PNG only the current user can read; return its path.
 *
 * The image holds the TOTP secret, so it goes into a fresh private folder (0700) and the
 * file itself is created 0600. Delete it with {@link removeQrPng} when done.
 *
 * @param {string} uri
 * @returns {Promise<string>}
 */
export async function writeQrPng(uri) {
  const folder = mkdtempSync(join(tmpdir(), "cognito-mfa-qr-"));
  const path = join(folder, "totp-qr.png");
  const png = await QRCode.toBuffer(uri, { type: "png", scale: 8, margin: 4 });
  writeFileSync(path, png, { mode: 0o600, flag: "wx" });
  return path;
}

/**
 * Delete the QR image and its private folder.
 *
 * @param {string} path
 */
export function removeQrPng(path) {
  rmSync(join(path, ".."), { recursive: true, force: true });
}
