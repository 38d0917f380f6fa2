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
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

@ExtendWith(CognitoEmulatorExtension.class)
class DescribeUserPoolTest {

  @Test
  void describesThePool(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.ON);

    UserPoolType described = DescribeUserPool.describeUserPool(client, pool.id());

    assertEquals(pool.id(), described.id());
    assertEquals(UserPoolMfaType.ON, described.mfaConfiguration());
    assertTrue(described.deviceConfiguration().challengeRequiredOnNewDevice());
  }

  @Test
  void refusesAnUnknownPool(CognitoIdentityProviderClient client) {
    assertThrows(
        ResourceNotFoundException.class,
        () -> DescribeUserPool.describeUserPool(client, "us-east-1_missing00"));
  }
}
