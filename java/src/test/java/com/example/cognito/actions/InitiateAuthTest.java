// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class InitiateAuthTest {

  @Test
  void returnsTokensForTheRightPassword(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.confirmedUser(pool);

    InitiateAuthResponse response =
        InitiateAuth.initiateAuth(client, pool.clientId(), username, Fixtures.PASSWORD, null, null);

    String accessToken = response.authenticationResult().accessToken();
    assertEquals(username, client.getUser(r -> r.accessToken(accessToken)).username());
  }

  @Test
  void asksAnMfaUserForTheCode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));

    InitiateAuthResponse response =
        InitiateAuth.initiateAuth(
            client, user.pool().clientId(), user.username(), Fixtures.PASSWORD, null, null);

    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, response.challengeName());
  }

  @Test
  void refusesAnUnconfirmedUser(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.signedUpUser(pool);

    assertThrows(
        UserNotConfirmedException.class,
        () ->
            InitiateAuth.initiateAuth(
                client, pool.clientId(), username, Fixtures.PASSWORD, null, null));
  }
}
