// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.scenario.DeviceSrp;
import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmDeviceResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class ConfirmDeviceTest {

  @Test
  void aConfirmedDeviceSignsInWithoutACode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    NewDeviceMetadataType metadata = user.tokens().newDeviceMetadata();
    DeviceSrp.Registration registration =
        DeviceSrp.register(metadata.deviceGroupKey(), metadata.deviceKey());

    ConfirmDeviceResponse response =
        ConfirmDevice.confirmDevice(
            client,
            user.tokens().accessToken(),
            metadata.deviceKey(),
            registration.verifierConfig(),
            "test laptop");

    assertFalse(response.userConfirmationNecessary());
    // Signing in with the device key now asks the device, not the authenticator app.
    var start = fx.adminSignIn(user.pool(), user.username(), metadata.deviceKey());
    assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, start.challengeName());
  }

  @Test
  void refusesAnUnknownDeviceKey(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    DeviceSrp.Registration registration = DeviceSrp.register("group", "us-east-1_unknown");

    assertThrows(
        ResourceNotFoundException.class,
        () ->
            ConfirmDevice.confirmDevice(
                client,
                user.tokens().accessToken(),
                "us-east-1_00000000-0000-0000-0000-000000000000",
                registration.verifierConfig(),
                null));
  }
}
