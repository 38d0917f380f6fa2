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
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class RespondToAuthChallengeTest {

  private static String startSignIn(CognitoIdentityProviderClient client, Fixtures.MfaUser user) {
    return client
        .initiateAuth(
            r ->
                r.clientId(user.pool().clientId())
                    .authFlow("USER_PASSWORD_AUTH")
                    .authParameters(
                        Map.of("USERNAME", user.username(), "PASSWORD", Fixtures.PASSWORD)))
        .session();
  }

  @Test
  void theAuthenticatorCodeGivesTokens(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));

    RespondToAuthChallengeResponse response =
        RespondToAuthChallenge.respondToAuthChallenge(
            client,
            user.pool().clientId(),
            ChallengeNameType.SOFTWARE_TOKEN_MFA,
            startSignIn(client, user),
            Map.of(
                "USERNAME",
                user.username(),
                "SOFTWARE_TOKEN_MFA_CODE",
                fx.totpCode(user.secret())));

    String accessToken = response.authenticationResult().accessToken();
    assertEquals(user.username(), client.getUser(r -> r.accessToken(accessToken)).username());
  }

  @Test
  void refusesAWrongCode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
    String session = startSignIn(client, user);
    String wrong = fx.wrongTotpCode(user.secret());

    assertThrows(
        CodeMismatchException.class,
        () ->
            RespondToAuthChallenge.respondToAuthChallenge(
                client,
                user.pool().clientId(),
                ChallengeNameType.SOFTWARE_TOKEN_MFA,
                session,
                Map.of("USERNAME", user.username(), "SOFTWARE_TOKEN_MFA_CODE", wrong)));
  }
}
