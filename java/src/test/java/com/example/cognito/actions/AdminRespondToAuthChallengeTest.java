// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class AdminRespondToAuthChallengeTest {

  private static AdminRespondToAuthChallengeResponse sendCode(
      CognitoIdentityProviderClient client, Fixtures.MfaUser user, String session, String code) {
    return AdminRespondToAuthChallenge.adminRespondToAuthChallenge(
        client,
        user.pool().id(),
        user.pool().clientId(),
        ChallengeNameType.SOFTWARE_TOKEN_MFA,
        session,
        Map.of("USERNAME", user.username(), "SOFTWARE_TOKEN_MFA_CODE", code));
  }

  @Test
  void theAuthenticatorCodeGivesTokens(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    String session = fx.adminSignIn(user.pool(), user.username()).session();

    AdminRespondToAuthChallengeResponse response =
        sendCode(client, user, session, fx.totpCode(user.secret()));

    String accessToken = response.authenticationResult().accessToken();
    assertEquals(user.username(), client.getUser(r -> r.accessToken(accessToken)).username());
  }

  @Test
  void refusesAWrongCode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    String session = fx.adminSignIn(user.pool(), user.username()).session();
    String wrong = fx.wrongTotpCode(user.secret());

    assertThrows(CodeMismatchException.class, () -> sendCode(client, user, session, wrong));
  }

  @Test
  void refusesASessionOlderThanThreeMinutes(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    String session = fx.adminSignIn(user.pool(), user.username()).session();

    fx.later(
        181,
        () -> {
          String code = fx.totpCode(user.secret());
          assertThrows(NotAuthorizedException.class, () -> sendCode(client, user, session, code));
        });
  }
}
