// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class ListDevicesTest {

  @Test
  void listsTheRememberedDevice(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    Fixtures.Device device = fx.rememberedDevice(user);

    List<DeviceType> devices = ListDevices.listDevices(client, user.tokens().accessToken());

    assertEquals(List.of(device.key()), devices.stream().map(DeviceType::deviceKey).toList());
    assertEquals(
        "test device",
        devices.get(0).deviceAttributes().stream()
            .filter(a -> a.name().equals("device_name"))
            .map(AttributeType::value)
            .findFirst()
            .orElseThrow());
  }

  @Test
  void refusesAnInvalidAccessToken(CognitoIdentityProviderClient client) {
    assertThrows(
        NotAuthorizedException.class, () -> ListDevices.listDevices(client, "not-a-token"));
  }
}
