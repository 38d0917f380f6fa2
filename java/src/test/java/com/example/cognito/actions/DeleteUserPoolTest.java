// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class DeleteUserPoolTest {

  @Test
  void deletesThePool(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    DeleteUserPool.deleteUserPool(client, pool.id());

    assertThrows(
        ResourceNotFoundException.class,
        () -> client.describeUserPool(r -> r.userPoolId(pool.id())));
  }

  @Test
  void refusesAPoolThatIsGone(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    DeleteUserPool.deleteUserPool(client, pool.id());

    assertThrows(
        ResourceNotFoundException.class, () -> DeleteUserPool.deleteUserPool(client, pool.id()));
  }
}
