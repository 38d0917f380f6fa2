// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

@ExtendWith(CognitoEmulatorExtension.class)
class CreateUserPoolTest {

  @Test
  void createsAPoolThatVerifiesEmailAndTracksDevices(CognitoIdentityProviderClient client) {
    String name = Fixtures.unique("pool");
    DeviceConfigurationType devices =
        DeviceConfigurationType.builder()
            .challengeRequiredOnNewDevice(true)
            .deviceOnlyRememberedOnUserPrompt(false)
            .build();

    UserPoolType pool = CreateUserPool.createUserPool(client, name, true, devices);

    UserPoolType stored = client.describeUserPool(r -> r.userPoolId(pool.id())).userPool();
    assertEquals(name, stored.name());
    assertEquals(java.util.List.of(VerifiedAttributeType.EMAIL), stored.autoVerifiedAttributes());
    assertEquals(devices, stored.deviceConfiguration());
    assertTrue(pool.id().startsWith("us-east-1_"), pool.id());
  }

  @Test
  void refusesAnEmptyName(CognitoIdentityProviderClient client) {
    assertThrows(
        InvalidParameterException.class,
        () -> CreateUserPool.createUserPool(client, "", false, null));
  }
}
