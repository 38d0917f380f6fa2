// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class CreateUserPoolClientTest {
  private static final List<ExplicitAuthFlowsType> FLOWS =
      List.of(
          ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
          ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);

  @Test
  void createsAClientWithTheGivenFlows(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    UserPoolClientType app =
        CreateUserPoolClient.createUserPoolClient(client, pool.id(), "web", false, FLOWS);

    UserPoolClientType stored =
        client
            .describeUserPoolClient(r -> r.userPoolId(pool.id()).clientId(app.clientId()))
            .userPoolClient();
    assertEquals(FLOWS, stored.explicitAuthFlows());
    assertNull(stored.clientSecret());
  }

  @Test
  void generatesASecretWhenAsked(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    UserPoolClientType app =
        CreateUserPoolClient.createUserPoolClient(client, pool.id(), "server", true, FLOWS);

    assertNotNull(app.clientSecret());
  }

  @Test
  void refusesAnUnknownPool(CognitoIdentityProviderClient client) {
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            CreateUserPoolClient.createUserPoolClient(
                client, "us-east-1_missing00", "web", false, FLOWS));
  }
}
