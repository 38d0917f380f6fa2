// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class AdminInitiateAuthTest {

  @Test
  void returnsTokensWhenNoMfaIsRequired(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.confirmedUser(pool);

    AdminInitiateAuthResponse response =
        AdminInitiateAuth.adminInitiateAuth(
            client, pool.id(), pool.clientId(), username, Fixtures.PASSWORD, null, null);

    assertNull(response.challengeName());
    String accessToken = response.authenticationResult().accessToken();
    assertEquals(username, client.getUser(r -> r.accessToken(accessToken)).username());
  }

  @Test
  void asksToSetUpMfaThenForTheCode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.ON);
    String newUser = fx.confirmedUser(pool);
    Fixtures.MfaUser mfaUser = fx.mfaUser(pool);

    AdminInitiateAuthResponse setUp =
        AdminInitiateAuth.adminInitiateAuth(
            client, pool.id(), pool.clientId(), newUser, Fixtures.PASSWORD, null, null);
    AdminInitiateAuthResponse code =
        AdminInitiateAuth.adminInitiateAuth(
            client, pool.id(), pool.clientId(), mfaUser.username(), Fixtures.PASSWORD, null, null);

    assertEquals(ChallengeNameType.MFA_SETUP, setUp.challengeName());
    assertNotNull(setUp.session());
    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, code.challengeName());
    assertNull(code.authenticationResult());
  }

  @Test
  void refusesAWrongPassword(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.confirmedUser(pool);

    assertThrows(
        NotAuthorizedException.class,
        () ->
            AdminInitiateAuth.adminInitiateAuth(
                client, pool.id(), pool.clientId(), username, "Wrong-Password-1", null, null));
  }
}
