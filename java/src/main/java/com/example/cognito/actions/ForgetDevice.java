// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgetDeviceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** Stops tracking a device of the signed-in user (ForgetDevice). */
public final class ForgetDevice {
  private static final Logger LOGGER = System.getLogger(ForgetDevice.class.getName());

  private ForgetDevice() {}

  // snippet-start:[java.v2.cognito-idp.ForgetDevice]
  /**
   * Forgets a device: Cognito stops tracking it, and the next sign-in from it asks for the MFA code
   * again (and returns a new device key).
   *
   * @param client the Cognito Identity Provider client
   * @param accessToken the user's access token
   * @param deviceKey the key of the device to forget
   */
  public static void forgetDevice(
      CognitoIdentityProviderClient client, String accessToken, String deviceKey) {
    try {
      client.forgetDevice(
          ForgetDeviceRequest.builder().accessToken(accessToken).deviceKey(deviceKey).build());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No device " + deviceKey + ": it may be forgotten already.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(Level.ERROR, "The access token expired or was revoked: sign in again.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't forget device %s. Here's why: %s: %s"
              .formatted(
                  deviceKey, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.ForgetDevice]

  /**
   * Forgets a device.
   *
   * @param args the access token and the device key
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        ForgetDevice <accessToken> <deviceKey>
          Stops tracking a device of the signed-in user.""",
        2,
        (client, a) -> {
          forgetDevice(client, a.get(0), a.get(1));
          System.out.println("Forgot device " + a.get(1) + ".");
        });
  }
}
