// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
// The QR code of the authenticator set-up: at most 21 lines whatever the user name, so that
// the setup key, the QR code and the code prompt fit on one 80x24 screen.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_QR_LINES, fittingQr, otpauthUri } from "../../scenarios/mfa-scenario/totp-setup.js";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"; // 32 base32 characters, as Cognito's

test("a short user name: the whole URI, issuer parameter included", () => {
  const { uri, label, lines } = fittingQr(SECRET, "mfa-user-1234abcd");
  assert.equal(uri, otpauthUri(SECRET, "mfa-user-1234abcd"));
  assert.match(uri, /[?&]issuer=CognitoMFA(&|$)/);
  assert.equal(label, "mfa-user-1234abcd");
  assert.ok(lines.length <= MAX_QR_LINES);
});

test("a longer user name: the issuer parameter goes first, the name stays whole", () => {
  const name = "a-rather-long-user-name-of-40-chars-xxxx";
  const { uri, label, lines } = fittingQr(SECRET, name);
  assert.equal(uri, otpauthUri(SECRET, name, { issuerParameter: false }));
  assert.equal(label, name);
  assert.ok(lines.length <= MAX_QR_LINES, `${lines.length} lines`);
});

test("a 128-character user name: cut in the label, the secret whole", () => {
  const name = "n".repeat(128);
  const { uri, label, lines } = fittingQr(SECRET, name);
  assert.ok(lines.length <= MAX_QR_LINES, `${lines.length} lines`);
  assert.ok(name.startsWith(label) && label.length < name.length);
  assert.equal(new URL(uri).searchParams.get("secret"), SECRET);
});
