// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * amazon-cognito-identity-js (the library of Amplify v5 and many apps), given the emulator as
 * its `endpoint`, through the same journey as amplify.test.js: sign-up, SRP and password
 * sign-in, TOTP set-up and codes, token refresh, attributes, passwords, MFA preferences,
 * remembered devices, signing out and deleting the user.
 *
 * The library answers through callbacks; each step wraps the call it makes in a promise.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
} from "amazon-cognito-identity-js";
import { Authenticator, Emulator, PASSWORD, pretendToBeABrowser } from "./emulator.js";

const NEW_PASSWORD = "Battery-Staple-7?";
const LAST_PASSWORD = "Third-Horse-9!";
const username = `identity-js-${Date.now()}`;
const email = `${username}@example.com`;

/** @type {Emulator} */
let emulator;
/** @type {Authenticator} */
let authenticator;
/** @type {{userPoolId: string, clientId: string}} */
let pool;
/** @type {CognitoUserPool} */
let userPool;
/** @type {CognitoUser} */
let user;
let secret = "";

before(async () => {
  pretendToBeABrowser();
  emulator = await Emulator.start();
  authenticator = new Authenticator(emulator);
  pool = await emulator.mfaPool("identity-js");
  userPool = new CognitoUserPool({
    UserPoolId: pool.userPoolId,
    ClientId: pool.clientId,
    endpoint: emulator.url,
  });
  user = new CognitoUser({ Username: username, Pool: userPool });
});

after(async () => {
  await emulator?.call("DeleteUserPool", { UserPoolId: pool.userPoolId }).catch(() => {});
  await emulator?.stop();
});

/**
 * A node-style callback call as a promise.
 *
 * @param {(callback: (err: any, result?: any) => void) => void} call
 * @returns {Promise<any>}
 */
function promised(call) {
  return new Promise((resolve, reject) =>
    call((err, result) => (err ? reject(err) : resolve(result))),
  );
}

/**
 * Start a sign-in; resolves with the step the library stopped at and what it was given.
 *
 * @param {string} password
 * @param {"USER_SRP_AUTH" | "USER_PASSWORD_AUTH"} [flow]
 * @returns {Promise<{step: string, detail?: any}>}
 */
function authenticate(password, flow = "USER_SRP_AUTH") {
  user.setAuthenticationFlowType(flow);
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: (session) => resolve({ step: "signedIn", detail: session }),
      onFailure: reject,
      mfaSetup: (challenge) => resolve({ step: "mfaSetup", detail: challenge }),
      totpRequired: (challenge) => resolve({ step: "totpRequired", detail: challenge }),
    });
  });
}

/** @returns {Promise<any>} The signed-in session after a TOTP code (SOFTWARE_TOKEN_MFA). */
async function sendTotpCode() {
  const code = await authenticator.code(secret);
  return new Promise((resolve, reject) => {
    user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, "SOFTWARE_TOKEN_MFA");
  });
}

/** @returns {Promise<Record<string, string>>} */
async function attributes() {
  const list = await promised((cb) => user.getUserAttributes(cb));
  return Object.fromEntries(list.map((a) => [a.getName(), a.getValue()]));
}

test("signUp, resendConfirmationCode, confirmRegistration", async () => {
  const signedUp = await promised((cb) =>
    userPool.signUp(
      username,
      PASSWORD,
      [new CognitoUserAttribute({ Name: "email", Value: email })],
      [],
      cb,
    ),
  );
  assert.equal(signedUp.userConfirmed, false);

  await promised((cb) => user.resendConfirmationCode(cb));
  const { code } = await emulator.latestMessage(username, "CustomMessage_ResendCode");

  assert.equal(await promised((cb) => user.confirmRegistration(code, true, cb)), "SUCCESS");
});

test("authenticateUser (SRP): mfaSetup, associateSoftwareToken, verifySoftwareToken", async () => {
  const started = await authenticate(PASSWORD);
  assert.equal(started.step, "mfaSetup");
  secret = await new Promise((resolve, reject) =>
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
  );
  const code = await authenticator.code(secret);

  const session = await new Promise((resolve, reject) =>
    user.verifySoftwareToken(code, "phone", { onSuccess: resolve, onFailure: reject }),
  );

  assert.equal(session.getAccessToken().decodePayload().username, username);
});

test("a TOTP sign-in confirms the new device (totpRequired, sendMFACode)", async () => {
  user.signOut();
  const started = await authenticate(PASSWORD);
  assert.equal(started.step, "totpRequired");

  const session = await sendTotpCode();

  const deviceKey = session.getAccessToken().decodePayload().device_key;
  assert.ok(deviceKey, "the new device is named in the access token");
  const { Devices } = await emulator.call("AdminListDevices", {
    UserPoolId: pool.userPoolId,
    Username: username,
  });
  assert.deepEqual(
    Devices.map((/** @type {any} */ d) => d.DeviceKey),
    [deviceKey],
  );
});

test("refreshSession (REFRESH_TOKEN_AUTH) and getSession", async () => {
  const session = await promised((cb) => user.getSession(cb));
  await emulator.advance(60);

  const renewed = await promised((cb) => user.refreshSession(session.getRefreshToken(), cb));

  assert.notEqual(renewed.getAccessToken().getJwtToken(), session.getAccessToken().getJwtToken());
  assert.equal(
    renewed.getAccessToken().decodePayload().origin_jti,
    session.getAccessToken().decodePayload().origin_jti,
  );
  assert.ok(renewed.getAccessToken().getIssuedAt() > session.getAccessToken().getIssuedAt());
});

test("getUserAttributes, updateAttributes, verifyAttribute", async () => {
  assert.equal((await attributes()).email_verified, "true");

  const result = await promised((cb) =>
    user.updateAttributes(
      [
        new CognitoUserAttribute({ Name: "email", Value: `new-${email}` }),
        new CognitoUserAttribute({ Name: "name", Value: "Ana" }),
      ],
      cb,
    ),
  );
  assert.equal(result, "SUCCESS");
  assert.equal((await attributes()).email_verified, "false");
  const sent = await emulator.latestMessage(username, "CustomMessage_UpdateUserAttribute");
  assert.equal(sent.destination, `new-${email}`);

  await new Promise((resolve, reject) =>
    user.verifyAttribute("email", sent.code, { onSuccess: resolve, onFailure: reject }),
  );

  const now = await attributes();
  assert.equal(now.email, `new-${email}`);
  assert.equal(now.email_verified, "true");
  assert.equal(now.name, "Ana");
});

test("getAttributeVerificationCode, deleteAttributes", async () => {
  const details = await new Promise((resolve, reject) =>
    user.getAttributeVerificationCode("email", {
      onSuccess: resolve,
      onFailure: reject,
      inputVerificationCode: resolve,
    }),
  );
  assert.equal(details.CodeDeliveryDetails.AttributeName, "email");
  const { code } = await emulator.latestMessage(username, "CustomMessage_VerifyUserAttribute");
  await new Promise((resolve, reject) =>
    user.verifyAttribute("email", code, { onSuccess: resolve, onFailure: reject }),
  );

  await promised((cb) => user.deleteAttributes(["name"], cb));

  assert.equal((await attributes()).name, undefined);
});

test("changePassword", async () => {
  assert.equal(await promised((cb) => user.changePassword(PASSWORD, NEW_PASSWORD, cb)), "SUCCESS");
  await assert.rejects(
    promised((cb) => user.changePassword(PASSWORD, LAST_PASSWORD, cb)),
    { code: "NotAuthorizedException" },
  );
});

test("getUserData (MFA settings), associateSoftwareToken and verifySoftwareToken when signed in, setUserMfaPreference", async () => {
  const data = await promised((cb) => user.getUserData(cb, { bypassCache: true }));
  assert.equal(data.PreferredMfaSetting, "SOFTWARE_TOKEN_MFA");
  assert.deepEqual(data.UserMFASettingList, ["SOFTWARE_TOKEN_MFA"]);

  const newSecret = await new Promise((resolve, reject) =>
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
  );
  assert.notEqual(newSecret, secret);
  const code = await authenticator.code(newSecret);
  const verified = await new Promise((resolve, reject) =>
    user.verifySoftwareToken(code, "new phone", { onSuccess: resolve, onFailure: reject }),
  );
  assert.equal(verified.Status, "SUCCESS");
  secret = newSecret;

  assert.equal(
    await promised((cb) =>
      user.setUserMfaPreference(null, { PreferredMfa: true, Enabled: true }, cb),
    ),
    "SUCCESS",
  );
});

test("setDeviceStatusRemembered, listDevices; the remembered device signs in without a code", async () => {
  await new Promise((resolve, reject) =>
    user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }),
  );
  const listed = await new Promise((resolve, reject) =>
    user.listDevices(10, null, { onSuccess: resolve, onFailure: reject }),
  );
  assert.equal(listed.Devices.length, 1);
  const status = Object.fromEntries(
    listed.Devices[0].DeviceAttributes.map((/** @type {any} */ a) => [a.Name, a.Value]),
  );
  assert.equal(status["dev:device_remembered_status"], "remembered");

  user.signOut(); // local only: the device stays remembered
  const signedIn = await authenticate(NEW_PASSWORD);

  assert.equal(signedIn.step, "signedIn"); // DEVICE_SRP_AUTH, no TOTP code
});

test("forgetDevice; signOut revokes the refresh token", async () => {
  await new Promise((resolve, reject) =>
    user.forgetDevice({ onSuccess: resolve, onFailure: reject }),
  );
  const { Devices } = await emulator.call("AdminListDevices", {
    UserPoolId: pool.userPoolId,
    Username: username,
  });
  assert.deepEqual(Devices, []);
  const session = await promised((cb) => user.getSession(cb));
  const refreshToken = session.getRefreshToken().getToken();

  await new Promise((resolve, reject) =>
    user.signOut((err) => (err ? reject(err) : resolve(null))),
  );

  await assert.rejects(
    emulator.call("GetTokensFromRefreshToken", {
      ClientId: pool.clientId,
      RefreshToken: refreshToken,
    }),
    { name: "NotAuthorizedException", message: "Refresh Token has been revoked" },
  );
});

test("authenticateUser (USER_PASSWORD_AUTH) asks for a TOTP code; globalSignOut", async () => {
  const started = await authenticate(NEW_PASSWORD, "USER_PASSWORD_AUTH");
  assert.equal(started.step, "totpRequired");
  const session = await sendTotpCode();
  const accessToken = session.getAccessToken().getJwtToken();

  await new Promise((resolve, reject) =>
    user.globalSignOut({ onSuccess: resolve, onFailure: reject }),
  );

  await assert.rejects(emulator.call("GetUser", { AccessToken: accessToken }), {
    name: "NotAuthorizedException",
    message: "Access Token has been revoked",
  });
});

test("forgotPassword, confirmPassword", async () => {
  await new Promise((resolve, reject) =>
    user.forgotPassword({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve }),
  );
  const { code } = await emulator.latestMessage(username, "CustomMessage_ForgotPassword");

  await new Promise((resolve, reject) =>
    user.confirmPassword(code, LAST_PASSWORD, { onSuccess: resolve, onFailure: reject }),
  );

  const started = await authenticate(LAST_PASSWORD);
  assert.equal(started.step, "totpRequired");
  await sendTotpCode();
});

test("deleteUser", async () => {
  assert.equal(await promised((cb) => user.deleteUser(cb)), "SUCCESS");

  await assert.rejects(authenticate(LAST_PASSWORD), { code: "UserNotFoundException" });
});
