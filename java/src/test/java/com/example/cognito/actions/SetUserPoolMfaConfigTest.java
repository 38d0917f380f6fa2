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
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class SetUserPoolMfaConfigTest {

  @Test
  void requiresTotpMfa(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    SetUserPoolMfaConfig.setUserPoolMfaConfig(client, pool.id(), UserPoolMfaType.ON, true);

    GetUserPoolMfaConfigResponse stored = client.getUserPoolMfaConfig(r -> r.userPoolId(pool.id()));
    assertEquals(UserPoolMfaType.ON, stored.mfaConfiguration());
    assertTrue(stored.softwareTokenMfaConfiguration().enabled());
  }

  @Test
  void refusesAnUnknownPool(CognitoIdentityProviderClient client) {
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            SetUserPoolMfaConfig.setUserPoolMfaConfig(
                client, "us-east-1_missing00", UserPoolMfaType.ON, true));
  }
}
