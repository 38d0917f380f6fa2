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
class GetUserPoolMfaConfigTest {

  @Test
  void readsTheMfaSettings(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.ON);

    GetUserPoolMfaConfigResponse mfa = GetUserPoolMfaConfig.getUserPoolMfaConfig(client, pool.id());

    assertEquals(UserPoolMfaType.ON, mfa.mfaConfiguration());
    assertTrue(mfa.softwareTokenMfaConfiguration().enabled());
  }

  @Test
  void refusesAnUnknownPool(CognitoIdentityProviderClient client) {
    assertThrows(
        ResourceNotFoundException.class,
        () -> GetUserPoolMfaConfig.getUserPoolMfaConfig(client, "us-east-1_missing00"));
  }
}
