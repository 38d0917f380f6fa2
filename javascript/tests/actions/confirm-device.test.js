// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  ListDevicesCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { confirmDevice } from "../../actions/confirm-device.js";
import { DeviceProof, newDeviceVerifier } from "../../scenarios/mfa-scenario/device-srp.js";
import {
  captureErrors,
  createConfirmedUser,
  poolForFile,
  setupEmulator,
  signIn,
} from "../helpers/emulator.js";

const emulator = setupEmulator();
const pool = poolForFile(emulator, { devices: true });

test("ConfirmDevice remembers the device; it then signs in with DEVICE_SRP_AUTH", async () => {
  const user = await createConfirmedUser(emulator.client, pool);
  const tokens = await signIn(emulator.client, pool, user);
  const { DeviceKey, DeviceGroupKey } = tokens.NewDeviceMetadata ?? {};
  assert.ok(DeviceKey && DeviceGroupKey, "the pool tracks devices: NewDeviceMetadata");
  const { device, verifierConfig } = await newDeviceVerifier(DeviceKey, DeviceGroupKey);

  const result = await confirmDevice(emulator.client, {
    accessToken: /** @type {string} */ (tokens.AccessToken),
    deviceKey: DeviceKey,
    deviceSecretVerifierConfig: verifierConfig,
    deviceName: "test laptop",
  });
  assert.deepEqual(result, { UserConfirmationNecessary: false });
  const { Devices } = await emulator.client.send(
    new ListDevicesCommand({ AccessToken: tokens.AccessToken }),
  );
  assert.deepEqual(
    Devices?.map((listed) => listed.DeviceKey),
    [DeviceKey],
  );

  // The verifier is the one Cognito checks the device's SRP proof against.
  const started = await emulator.client.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password, DEVICE_KEY: DeviceKey },
    }),
  );
  assert.equal(started.ChallengeName, "DEVICE_SRP_AUTH");
  const proof = new DeviceProof(device);
  const challenge = await emulator.client.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      ChallengeName: "DEVICE_SRP_AUTH",
      Session: started.Session,
      ChallengeResponses: {
        USERNAME: user.username,
        DEVICE_KEY: DeviceKey,
        SRP_A: await proof.srpA(),
      },
    }),
  );
  assert.equal(challenge.ChallengeName, "DEVICE_PASSWORD_VERIFIER");
  const signedIn = await emulator.client.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      ChallengeName: "DEVICE_PASSWORD_VERIFIER",
      Session: challenge.Session,
      ChallengeResponses: await proof.passwordVerifier(challenge.ChallengeParameters ?? {}),
    }),
  );
  assert.ok(signedIn.AuthenticationResult?.AccessToken);
});

test("ConfirmDevice of a device Cognito doesn't know: ResourceNotFoundException", async (t) => {
  const user = await createConfirmedUser(emulator.client, pool);
  const tokens = await signIn(emulator.client, pool, user);
  const deviceKey = `${pool.userPoolId.split("_")[0]}_00000000-0000-4000-8000-000000000000`;
  const { verifierConfig } = await newDeviceVerifier(deviceKey, "-group");
  const errors = captureErrors(t);
  await assert.rejects(
    confirmDevice(emulator.client, {
      accessToken: /** @type {string} */ (tokens.AccessToken),
      deviceKey,
      deviceSecretVerifierConfig: verifierConfig,
    }),
    ResourceNotFoundException,
  );
  assert.match(errors.text(), /use the DeviceKey of NewDeviceMetadata/);
});
