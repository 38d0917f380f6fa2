// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * The client side of a remembered device: its secret verifier and its SRP proof.
 *
 * Cognito never learns a device's password. ConfirmDevice receives only an SRP verifier
 * derived from it, and each later sign-in with the device proves knowledge of the password
 * with the DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER challenges. The SRP maths are
 * amazon-cognito-identity-js's `AuthenticationHelper`, the helper the Amplify libraries use
 * for Cognito; this module only passes values in and out and signs the challenge.
 */
import { createHmac } from "node:crypto";
import { AuthenticationHelper, DateHelper } from "amazon-cognito-identity-js";
import BigIntegerModule from "amazon-cognito-identity-js/lib/BigInteger.js";

/** The library's big-integer class (not exported from its index), for SRP_B and SALT. */
const BigInteger = BigIntegerModule.default;

/**
 * @typedef {object} RememberedDevice What an app keeps in safe storage to sign in with a
 *   device later.
 * @property {string} key The `DeviceKey` of `NewDeviceMetadata`.
 * @property {string} groupKey The `DeviceGroupKey` of `NewDeviceMetadata`.
 * @property {string} password The random device password (never sent to Cognito).
 */

/** @param {string} hex */
const hexToBase64 = (hex) => Buffer.from(hex, "hex").toString("base64");

/**
 * A random device password and the `DeviceSecretVerifierConfig` to send to ConfirmDevice.
 *
 * @param {string} deviceKey The `DeviceKey` of `NewDeviceMetadata`.
 * @param {string} deviceGroupKey The `DeviceGroupKey` of `NewDeviceMetadata`.
 * @returns {Promise<{device: RememberedDevice,
 *   verifierConfig: {PasswordVerifier: string, Salt: string}}>}
 */
export async function newDeviceVerifier(deviceKey, deviceGroupKey) {
  const helper = new AuthenticationHelper(deviceGroupKey);
  await new Promise((resolve, reject) =>
    helper.generateHashDevice(deviceGroupKey, deviceKey, (/** @type {Error | null} */ err) =>
      err ? reject(err) : resolve(undefined),
    ),
  );
  return {
    device: { key: deviceKey, groupKey: deviceGroupKey, password: helper.getRandomPassword() },
    verifierConfig: {
      PasswordVerifier: hexToBase64(helper.getVerifierDevices()),
      Salt: hexToBase64(helper.getSaltDevices()),
    },
  };
}

/**
 * One device sign-in: {@link srpA} for DEVICE_SRP_AUTH, then {@link passwordVerifier} for
 * DEVICE_PASSWORD_VERIFIER.
 */
export class DeviceProof {
  /** @param {RememberedDevice} device */
  constructor(device) {
    this.device = device;
    this.helper = new AuthenticationHelper(device.groupKey);
  }

  /**
   * `SRP_A`, the device's public value for this sign-in (hex).
   *
   * @returns {Promise<string>}
   */
  async srpA() {
    /** @type {{toString(radix: number): string}} */
    const largeA = await new Promise((resolve, reject) =>
      this.helper.getLargeAValue(
        (
          /** @type {Error | null} */ err,
          /** @type {{toString(radix: number): string}} */ value,
        ) => (err ? reject(err) : resolve(value)),
      ),
    );
    return largeA.toString(16);
  }

  /**
   * The answers to DEVICE_PASSWORD_VERIFIER: a signature, keyed by the SRP session key, over
   * the group key, device key, Cognito's `SECRET_BLOCK` and a timestamp.
   *
   * @param {Record<string, string>} challengeParameters `USERNAME`, `SRP_B`, `SALT` and
   *   `SECRET_BLOCK` from the DEVICE_SRP_AUTH answer.
   * @returns {Promise<Record<string, string>>}
   */
  async passwordVerifier(challengeParameters) {
    const { key, groupKey, password } = this.device;
    const { SRP_B, SALT, SECRET_BLOCK, USERNAME } = challengeParameters;
    /** @type {Uint8Array} */
    const sessionKey = await new Promise((resolve, reject) =>
      this.helper.getPasswordAuthenticationKey(
        key,
        password,
        new BigInteger(SRP_B, 16),
        new BigInteger(SALT, 16),
        (/** @type {Error | null} */ err, /** @type {Uint8Array} */ hkdf) =>
          err ? reject(err) : resolve(hkdf),
      ),
    );
    const timestamp = new DateHelper().getNowString();
    const signature = createHmac("sha256", sessionKey)
      .update(
        Buffer.concat([
          Buffer.from(groupKey, "utf8"),
          Buffer.from(key, "utf8"),
          Buffer.from(SECRET_BLOCK, "base64"),
          Buffer.from(timestamp, "utf8"),
        ]),
      )
      .digest("base64");
    return {
      USERNAME,
      DEVICE_KEY: key,
      PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK,
      PASSWORD_CLAIM_SIGNATURE: signature,
      TIMESTAMP: timestamp,
    };
  }
}
