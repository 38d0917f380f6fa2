// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

@ExtendWith(CognitoEmulatorExtension.class)
class VerifySoftwareTokenTest {

  @Test
  void theAppsCodeCompletesMfaSetUp(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.ON);
    String username = fx.confirmedUser(pool);
    String session = fx.adminSignIn(pool, username).session();
    AssociateSoftwareTokenResponse associated =
        client.associateSoftwareToken(r -> r.session(session));

    VerifySoftwareTokenResponse verified =
        VerifySoftwareToken.verifySoftwareToken(
            client,
            fx.totpCode(associated.secretCode()),
            associated.session(),
            null,
            "authenticator app");

    assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
    assertNotNull(
        client
            .adminRespondToAuthChallenge(
                r ->
                    r.userPoolId(pool.id())
                        .clientId(pool.clientId())
                        .challengeName(ChallengeNameType.MFA_SETUP)
                        .session(verified.session())
                        .challengeResponses(Map.of("USERNAME", username)))
            .authenticationResult()
            .accessToken());
    assertEquals(
        java.util.List.of("SOFTWARE_TOKEN_MFA"),
        client.adminGetUser(r -> r.userPoolId(pool.id()).username(username)).userMFASettingList());
  }

  @Test
  void refusesAWrongCode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.ON);
    String session = fx.adminSignIn(pool, fx.confirmedUser(pool)).session();
    AssociateSoftwareTokenResponse associated =
        client.associateSoftwareToken(r -> r.session(session));
    String wrong = fx.wrongTotpCode(associated.secretCode());

    assertThrows(
        EnableSoftwareTokenMfaException.class,
        () ->
            VerifySoftwareToken.verifySoftwareToken(
                client, wrong, associated.session(), null, null));
  }
}
