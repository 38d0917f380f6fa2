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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

@ExtendWith(CognitoEmulatorExtension.class)
class AdminGetUserTest {

  @Test
  void getsStatusAttributesAndMfa(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));

    AdminGetUserResponse got = AdminGetUser.adminGetUser(client, user.pool().id(), user.username());

    assertEquals(UserStatusType.CONFIRMED, got.userStatus());
    assertEquals(
        user.username() + "@example.com",
        got.userAttributes().stream()
            .filter(a -> a.name().equals("email"))
            .findFirst()
            .orElseThrow()
            .value());
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), got.userMFASettingList());
  }

  @Test
  void refusesAnUnknownUser(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    assertThrows(
        UserNotFoundException.class,
        () -> AdminGetUser.adminGetUser(client, pool.id(), Fixtures.unique("nobody")));
  }
}
