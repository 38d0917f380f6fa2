// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class AdminDeleteUserTest {

  @Test
  void deletesTheUser(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.confirmedUser(pool);

    AdminDeleteUser.adminDeleteUser(client, pool.id(), username);

    assertThrows(
        UserNotFoundException.class,
        () -> client.adminGetUser(r -> r.userPoolId(pool.id()).username(username)));
  }

  @Test
  void refusesAUserThatIsGone(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.confirmedUser(pool);
    AdminDeleteUser.adminDeleteUser(client, pool.id(), username);

    assertThrows(
        UserNotFoundException.class,
        () -> AdminDeleteUser.adminDeleteUser(client, pool.id(), username));
  }
}
