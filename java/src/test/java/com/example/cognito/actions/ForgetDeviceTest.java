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
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class ForgetDeviceTest {

  @Test
  void forgetsTheDevice(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    Fixtures.Device device = fx.rememberedDevice(user);

    ForgetDevice.forgetDevice(client, user.tokens().accessToken(), device.key());

    assertEquals(
        List.of(), client.listDevices(r -> r.accessToken(user.tokens().accessToken())).devices());
  }

  @Test
  void refusesADeviceThatIsGone(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    Fixtures.Device device = fx.rememberedDevice(user);
    ForgetDevice.forgetDevice(client, user.tokens().accessToken(), device.key());

    assertThrows(
        ResourceNotFoundException.class,
        () -> ForgetDevice.forgetDevice(client, user.tokens().accessToken(), device.key()));
  }
}
