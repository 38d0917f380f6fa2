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
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class DescribeUserPoolClientTest {

  @Test
  void describesTheClient(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    UserPoolClientType app =
        DescribeUserPoolClient.describeUserPoolClient(client, pool.id(), pool.clientId());

    assertEquals(pool.clientId(), app.clientId());
    assertTrue(
        app.explicitAuthFlows().contains(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH));
  }

  @Test
  void refusesAnUnknownClient(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    assertThrows(
        ResourceNotFoundException.class,
        () -> DescribeUserPoolClient.describeUserPoolClient(client, pool.id(), "missingclient1"));
  }
}
