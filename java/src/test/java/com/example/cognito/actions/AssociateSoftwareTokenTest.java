// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

@ExtendWith(CognitoEmulatorExtension.class)
class AssociateSoftwareTokenTest {

  @Test
  void givesAUsableSecretDuringMfaSetUp(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.ON);
    String session = fx.adminSignIn(pool, fx.confirmedUser(pool)).session();

    AssociateSoftwareTokenResponse response =
        AssociateSoftwareToken.associateSoftwareToken(client, session, null);

    assertTrue(response.secretCode().matches("[A-Z2-7]{32}"), "a base32 secret");
    assertNotNull(response.session());
    // The secret is usable: an authenticator app's code for it verifies.
    assertEquals(
        VerifySoftwareTokenResponseType.SUCCESS,
        client
            .verifySoftwareToken(
                r -> r.session(response.session()).userCode(fx.totpCode(response.secretCode())))
            .status());
  }

  @Test
  void givesASecretToASignedInUser(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String accessToken =
        fx.adminSignIn(pool, fx.confirmedUser(pool)).authenticationResult().accessToken();

    AssociateSoftwareTokenResponse response =
        AssociateSoftwareToken.associateSoftwareToken(client, null, accessToken);

    assertTrue(response.secretCode().matches("[A-Z2-7]{32}"), "a base32 secret");
  }

  @Test
  void refusesAnUnknownSession(CognitoIdentityProviderClient client) {
    assertThrows(
        NotAuthorizedException.class,
        () -> AssociateSoftwareToken.associateSoftwareToken(client, "x".repeat(64), null));
  }

  @Test
  void needsExactlyOneOfSessionAndAccessToken(CognitoIdentityProviderClient client) {
    assertThrows(
        IllegalArgumentException.class,
        () -> AssociateSoftwareToken.associateSoftwareToken(client, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> AssociateSoftwareToken.associateSoftwareToken(client, "session", "token"));
  }
}
