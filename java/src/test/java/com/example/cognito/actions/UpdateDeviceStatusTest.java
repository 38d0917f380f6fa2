// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class UpdateDeviceStatusTest {

  private static String rememberedStatus(
      CognitoIdentityProviderClient client, String accessToken, String deviceKey) {
    return client
        .getDevice(r -> r.accessToken(accessToken).deviceKey(deviceKey))
        .device()
        .deviceAttributes()
        .stream()
        .filter(a -> a.name().equals("dev:device_remembered_status"))
        .map(AttributeType::value)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void marksTheDeviceNotRememberedThenRemembered(
      CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    Fixtures.Device device = fx.rememberedDevice(user);
    String token = user.tokens().accessToken();

    UpdateDeviceStatus.updateDeviceStatus(client, token, device.key(), false);
    assertEquals("not_remembered", rememberedStatus(client, token, device.key()));

    UpdateDeviceStatus.updateDeviceStatus(client, token, device.key(), true);
    assertEquals("remembered", rememberedStatus(client, token, device.key()));
  }

  @Test
  void refusesAnUnknownDevice(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));

    assertThrows(
        ResourceNotFoundException.class,
        () ->
            UpdateDeviceStatus.updateDeviceStatus(
                client,
                user.tokens().accessToken(),
                "us-east-1_00000000-0000-0000-0000-000000000000",
                true));
  }
}
