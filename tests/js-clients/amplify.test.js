// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * AWS Amplify v6 (`aws-amplify/auth`), configured with `userPoolEndpoint`, through every Auth
 * API call an app with password + TOTP sign-in makes, against cognito-emulator: sign-up,
 * SRP and password sign-in, TOTP set-up and codes, token refresh, attributes, passwords, MFA
 * preferences, remembered devices, signing out and deleting the user.
 *
 * The steps run in order, each continuing the user's story.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Amplify } from "aws-amplify";
import {
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  confirmUserAttribute,
  deleteUser,
  deleteUserAttributes,
  fetchAuthSession,
  fetchDevices,
  fetchMFAPreference,
  fetchUserAttributes,
  forgetDevice,
  rememberDevice,
  resendSignUpCode,
  resetPassword,
  sendUserAttributeVerificationCode,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  updatePassword,
  updateUserAttributes,
  verifyTOTPSetup,
} from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import { Authenticator, Emulator, PASSWORD, pretendToBeABrowser } from "./emulator.js";

const NEW_PASSWORD = "Battery-Staple-7?";
const LAST_PASSWORD = "Third-Horse-9!";
const username = `amplify-${Date.now()}`;
const email = `${username}@example.com`;

/** @type {Emulator} */
let emulator;
/** @type {Authenticator} */
let authenticator;
/** @type {{userPoolId: string, clientId: string}} */
let pool;
/** The user's current TOTP secret (set up at the first sign-in, replaced by setUpTOTP). */
let secret = "";

before(async () => {
  pretendToBeABrowser();
  emulator = await Emulator.start();
  authenticator = new Authenticator(emulator);
  pool = await emulator.mfaPool("amplify");
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: pool.userPoolId,
        userPoolClientId: pool.clientId,
        userPoolEndpoint: emulator.url,
      },
    },
  });
});

after(async () => {
  await emulator?.call("DeleteUserPool", { UserPoolId: pool.userPoolId }).catch(() => {});
  await emulator?.stop();
});

/** @returns {Promise<{accessToken: string, payload: Record<string, any>}>} */
async function currentAccessToken() {
  const { tokens } = await fetchAuthSession();
  assert.ok(tokens?.accessToken, "signed in");
  return { accessToken: tokens.accessToken.toString(), payload: tokens.accessToken.payload };
}

test("signUp, resendSignUpCode, confirmSignUp", async () => {
  const signedUp = await signUp({
    username,
    password: PASSWORD,
    options: { userAttributes: { email } },
  });
  assert.equal(signedUp.isSignUpComplete, false);
  assert.equal(signedUp.nextStep.signUpStep, "CONFIRM_SIGN_UP");

  const resent = await resendSignUpCode({ username });
  assert.equal(resent.destination, "a***@e***");
  const { code } = await emulator.latestMessage(username, "CustomMessage_ResendCode");

  const confirmed = await confirmSignUp({ username, confirmationCode: code });
  assert.equal(confirmed.isSignUpComplete, true);
});

test("signIn (SRP) asks to set up TOTP; confirmSignIn with a code signs in", async () => {
  const started = await signIn({ username, password: PASSWORD });
  assert.equal(started.nextStep.signInStep, "CONTINUE_SIGN_IN_WITH_TOTP_SETUP");
  secret = started.nextStep.totpSetupDetails.sharedSecret;
  assert.match(secret, /^[A-Z2-7]{32}$/);

  const done = await confirmSignIn({ challengeResponse: await authenticator.code(secret) });

  assert.equal(done.isSignedIn, true);
  assert.equal(done.nextStep.signInStep, "DONE");
  const { payload } = await currentAccessToken();
  assert.equal(payload.username, username);
  assert.ok(payload.device_key, "the new device is named in the access token");
});

test("fetchAuthSession({ forceRefresh }) renews the tokens (GetTokensFromRefreshToken)", async () => {
  const before = await currentAccessToken();
  await emulator.advance(60);

  const { tokens } = await fetchAuthSession({ forceRefresh: true });

  assert.ok(tokens?.accessToken && tokens.idToken);
  assert.notEqual(tokens.accessToken.toString(), before.accessToken);
  assert.equal(tokens.accessToken.payload.origin_jti, before.payload.origin_jti);
  assert.ok(Number(tokens.accessToken.payload.iat) > Number(before.payload.iat));
  assert.equal(tokens.idToken.payload.email, email);
});

test("fetchUserAttributes, updateUserAttributes, confirmUserAttribute", async () => {
  const attributes = await fetchUserAttributes();
  assert.equal(attributes.email, email);
  assert.equal(attributes.email_verified, "true");

  const updated = await updateUserAttributes({
    userAttributes: { email: `new-${email}`, name: "Ana" },
  });
  assert.equal(updated.name.isUpdated, true);
  assert.equal(updated.email.isUpdated, false);
  assert.equal(updated.email.nextStep.updateAttributeStep, "CONFIRM_ATTRIBUTE_WITH_CODE");
  assert.equal(updated.email.nextStep.codeDeliveryDetails.attributeName, "email");
  const sent = await emulator.latestMessage(username, "CustomMessage_UpdateUserAttribute");
  assert.equal(sent.destination, `new-${email}`);

  await confirmUserAttribute({ userAttributeKey: "email", confirmationCode: sent.code });

  const confirmed = await fetchUserAttributes();
  assert.equal(confirmed.email, `new-${email}`);
  assert.equal(confirmed.email_verified, "true");
  assert.equal(confirmed.name, "Ana");
});

test("sendUserAttributeVerificationCode, deleteUserAttributes", async () => {
  const sent = await sendUserAttributeVerificationCode({ userAttributeKey: "email" });
  assert.equal(sent.attributeName, "email");
  const { code } = await emulator.latestMessage(username, "CustomMessage_VerifyUserAttribute");
  await confirmUserAttribute({ userAttributeKey: "email", confirmationCode: code });

  await deleteUserAttributes({ userAttributeKeys: ["name"] });

  const attributes = await fetchUserAttributes();
  assert.equal(attributes.name, undefined);
  assert.equal(attributes.email_verified, "true");
});

test("updatePassword", async () => {
  await updatePassword({ oldPassword: PASSWORD, newPassword: NEW_PASSWORD });
  await assert.rejects(updatePassword({ oldPassword: PASSWORD, newPassword: LAST_PASSWORD }), {
    name: "NotAuthorizedException",
  });
});

test("fetchMFAPreference, setUpTOTP, verifyTOTPSetup, updateMFAPreference", async () => {
  assert.deepEqual(await fetchMFAPreference(), { enabled: ["TOTP"], preferred: "TOTP" });

  const setup = await setUpTOTP();
  const newSecret = setup.sharedSecret;
  assert.notEqual(newSecret, secret);
  assert.match(setup.getSetupUri("js-clients").toString(), /^otpauth:\/\/totp\//);
  await verifyTOTPSetup({ code: await authenticator.code(newSecret) });
  secret = newSecret;
  await updateMFAPreference({ totp: "PREFERRED" });

  assert.deepEqual(await fetchMFAPreference(), { enabled: ["TOTP"], preferred: "TOTP" });
});

test("rememberDevice, fetchDevices; the remembered device signs in without a code", async () => {
  const { payload } = await currentAccessToken();
  await rememberDevice();
  const devices = await fetchDevices();
  assert.deepEqual(
    devices.map((device) => device.id),
    [payload.device_key],
  );
  assert.equal(devices[0].name, globalThis.navigator.userAgent);

  await signOut();
  const signedIn = await signIn({ username, password: NEW_PASSWORD });

  assert.equal(signedIn.nextStep.signInStep, "DONE"); // DEVICE_SRP_AUTH, no TOTP code
  assert.equal((await currentAccessToken()).payload.device_key, payload.device_key);
});

test("forgetDevice; signOut revokes the refresh token", async () => {
  await forgetDevice();
  assert.deepEqual(await fetchDevices(), []);
  const refreshToken = await storedRefreshToken();

  await signOut();

  assert.equal((await fetchAuthSession()).tokens, undefined);
  await assert.rejects(
    emulator.call("GetTokensFromRefreshToken", {
      ClientId: pool.clientId,
      RefreshToken: refreshToken,
    }),
    { name: "NotAuthorizedException", message: "Refresh Token has been revoked" },
  );
});

test("signIn (password) asks for a TOTP code; signOut({ global })", async () => {
  const started = await signIn({
    username,
    password: NEW_PASSWORD,
    options: { authFlowType: "USER_PASSWORD_AUTH" },
  });
  assert.equal(started.nextStep.signInStep, "CONFIRM_SIGN_IN_WITH_TOTP_CODE");
  const done = await confirmSignIn({ challengeResponse: await authenticator.code(secret) });
  assert.equal(done.isSignedIn, true);
  const { accessToken } = await currentAccessToken();

  await signOut({ global: true });

  await assert.rejects(emulator.call("GetUser", { AccessToken: accessToken }), {
    name: "NotAuthorizedException",
    message: "Access Token has been revoked",
  });
});

test("resetPassword, confirmResetPassword", async () => {
  const reset = await resetPassword({ username });
  assert.equal(reset.nextStep.resetPasswordStep, "CONFIRM_RESET_PASSWORD_WITH_CODE");
  const { code } = await emulator.latestMessage(username, "CustomMessage_ForgotPassword");

  await confirmResetPassword({ username, confirmationCode: code, newPassword: LAST_PASSWORD });

  const started = await signIn({ username, password: LAST_PASSWORD });
  assert.equal(started.nextStep.signInStep, "CONFIRM_SIGN_IN_WITH_TOTP_CODE");
  await confirmSignIn({ challengeResponse: await authenticator.code(secret) });
});

test("deleteUser", async () => {
  await deleteUser();

  await assert.rejects(signIn({ username, password: LAST_PASSWORD }), {
    name: "UserNotFoundException",
  });
});

/**
 * The refresh token Amplify keeps (`fetchAuthSession` does not hand it out), read from its
 * token store, where its sign-out finds it.
 *
 * @returns {Promise<string>}
 */
async function storedRefreshToken() {
  const stored = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
  assert.ok(stored?.refreshToken);
  return stored.refreshToken;
}
