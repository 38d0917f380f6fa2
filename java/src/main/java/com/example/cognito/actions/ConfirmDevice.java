// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmDeviceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmDeviceResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceSecretVerifierConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** Registers a device the user signed in from, to remember it (ConfirmDevice). */
public final class ConfirmDevice {
  private static final Logger LOGGER = System.getLogger(ConfirmDevice.class.getName());

  private ConfirmDevice() {}

  // snippet-start:[java.v2.cognito-idp.ConfirmDevice]
  /**
   * Confirms the device of a sign-in, so that Cognito can remember it.
   *
   * <p>When a pool tracks devices, a sign-in's tokens come with {@code NewDeviceMetadata}: a device
   * key and a device group key. The app makes up a random device password, keeps it, and registers
   * only an SRP verifier of it ({@code PasswordVerifier} and {@code Salt}, both Base64). Later
   * sign-ins name the device key and prove the password (the {@code DEVICE_SRP_AUTH} challenges)
   * instead of asking for an MFA code. Cognito never sees the password.
   *
   * @param client the Cognito Identity Provider client
   * @param accessToken the access token of the sign-in that returned the device key
   * @param deviceKey the device key from {@code NewDeviceMetadata}
   * @param verifierConfig the SRP verifier and salt of the device password
   * @param deviceName a name the user recognises the device by, or null
   * @return whether the user must still choose to remember the device ({@code
   *     userConfirmationNecessary()}: then call UpdateDeviceStatus)
   */
  public static ConfirmDeviceResponse confirmDevice(
      CognitoIdentityProviderClient client,
      String accessToken,
      String deviceKey,
      DeviceSecretVerifierConfigType verifierConfig,
      String deviceName) {
    ConfirmDeviceRequest request =
        ConfirmDeviceRequest.builder()
            .accessToken(accessToken)
            .deviceKey(deviceKey)
            .deviceSecretVerifierConfig(verifierConfig)
            .deviceName(deviceName)
            .build();
    try {
      return client.confirmDevice(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No device " + deviceKey + " for this user: sign in again.");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "The verifier or salt is not valid Base64, or the key is wrong.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(Level.ERROR, "The access token expired or was revoked: sign in again.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't confirm device %s. Here's why: %s: %s"
              .formatted(
                  deviceKey, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.ConfirmDevice]

  /**
   * Confirms a device with a verifier computed elsewhere.
   *
   * @param args the access token, the device key, the Base64 verifier and salt, and optionally a
   *     device name
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        ConfirmDevice <accessToken> <deviceKey> <passwordVerifier> <salt> [deviceName]
          Registers a device with the SRP verifier of its password (both Base64).""",
        4,
        (client, a) -> {
          ConfirmDeviceResponse response =
              confirmDevice(
                  client,
                  a.get(0),
                  a.get(1),
                  DeviceSecretVerifierConfigType.builder()
                      .passwordVerifier(a.get(2))
                      .salt(a.get(3))
                      .build(),
                  ExampleCli.optional(a, 4));
          System.out.println(
              "User confirmation necessary: " + response.userConfirmationNecessary());
        });
  }
}
