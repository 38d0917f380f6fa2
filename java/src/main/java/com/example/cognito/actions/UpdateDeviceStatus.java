// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateDeviceStatusRequest;

/** Marks a device remembered or not remembered (UpdateDeviceStatus). */
public final class UpdateDeviceStatus {
  private static final Logger LOGGER = System.getLogger(UpdateDeviceStatus.class.getName());

  private UpdateDeviceStatus() {}

  // snippet-start:[java.v2.cognito-idp.UpdateDeviceStatus]
  /**
   * Marks a confirmed device remembered or not remembered.
   *
   * <p>When the pool remembers devices only on the user's prompt, ConfirmDevice answers {@code
   * userConfirmationNecessary}; the app then asks the user and calls this. Sign-ins from a
   * remembered device skip MFA; from a not-remembered one they ask for the code again.
   *
   * @param client the Cognito Identity Provider client
   * @param accessToken the user's access token
   * @param deviceKey the key of the device
   * @param remembered whether the device is remembered
   */
  public static void updateDeviceStatus(
      CognitoIdentityProviderClient client,
      String accessToken,
      String deviceKey,
      boolean remembered) {
    UpdateDeviceStatusRequest request =
        UpdateDeviceStatusRequest.builder()
            .accessToken(accessToken)
            .deviceKey(deviceKey)
            .deviceRememberedStatus(
                remembered
                    ? DeviceRememberedStatusType.REMEMBERED
                    : DeviceRememberedStatusType.NOT_REMEMBERED)
            .build();
    try {
      client.updateDeviceStatus(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No device " + deviceKey + ": confirm it (ConfirmDevice) first.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(Level.ERROR, "The access token expired or was revoked: sign in again.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't update the status of device %s. Here's why: %s: %s"
              .formatted(
                  deviceKey, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.UpdateDeviceStatus]

  /**
   * Remembers or stops remembering a device.
   *
   * @param args the access token, the device key and {@code remembered} or {@code not_remembered}
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        UpdateDeviceStatus <accessToken> <deviceKey> <remembered|not_remembered>
          Marks a device remembered (sign-ins from it skip MFA) or not.""",
        3,
        (client, a) -> {
          boolean remembered = a.get(2).equalsIgnoreCase("remembered");
          if (!remembered && !a.get(2).equalsIgnoreCase("not_remembered")) {
            throw new IllegalArgumentException("the status is remembered or not_remembered");
          }
          updateDeviceStatus(client, a.get(0), a.get(1), remembered);
          System.out.println("Device " + a.get(1) + " is now " + a.get(2).toLowerCase() + ".");
        });
  }
}
