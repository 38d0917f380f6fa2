// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListDevicesRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListDevicesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/** Lists the devices a signed-in user's pool tracks (ListDevices). */
public final class ListDevices {
  private static final Logger LOGGER = System.getLogger(ListDevices.class.getName());

  private ListDevices() {}

  // snippet-start:[java.v2.cognito-idp.ListDevices]
  /**
   * Lists the devices Cognito tracks for the signed-in user: each device's key, its attributes
   * ({@code device_name}, {@code dev:device_remembered_status}...) and when it was last used.
   *
   * <p>Cognito answers a page at a time; this method follows {@code PaginationToken} to the end.
   *
   * @param client the Cognito Identity Provider client
   * @param accessToken the user's access token
   * @return the user's devices
   */
  public static List<DeviceType> listDevices(
      CognitoIdentityProviderClient client, String accessToken) {
    List<DeviceType> devices = new ArrayList<>();
    String token = null;
    try {
      do {
        ListDevicesResponse page =
            client.listDevices(
                ListDevicesRequest.builder()
                    .accessToken(accessToken)
                    .paginationToken(token)
                    .build());
        devices.addAll(page.devices());
        token = page.paginationToken();
      } while (token != null && !token.isEmpty());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof NotAuthorizedException) {
        LOGGER.log(Level.ERROR, "The access token expired or was revoked: sign in again.");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "The user pool doesn't track devices (DeviceConfiguration).");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't list the user's devices. Here's why: %s: %s"
              .formatted(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
    return devices;
  }

  // snippet-end:[java.v2.cognito-idp.ListDevices]

  /**
   * Prints the signed-in user's devices.
   *
   * @param args the access token
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        ListDevices <accessToken>
          Prints the devices Cognito tracks for the signed-in user.""",
        1,
        (client, a) -> {
          for (DeviceType device : listDevices(client, a.get(0))) {
            System.out.println(
                device.deviceKey() + "  last used " + device.deviceLastAuthenticatedDate());
            device
                .deviceAttributes()
                .forEach(attr -> System.out.println("  " + attr.name() + ": " + attr.value()));
          }
        });
  }
}
