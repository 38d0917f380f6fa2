// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

@ExtendWith(CognitoEmulatorExtension.class)
class SecretHashTest {

  @Test
  void isBase64OfHmacSha256OfUsernameAndClientId() {
    // Computed independently with Python's hmac and base64 modules.
    assertEquals(
        "JQvfuYqbrYfTH2r+ubMNANQcoXHbuWDS6SjvZP8wWEA=",
        SecretHash.secretHash("ana", "1example23456789", "1exampleclientsecret"));
  }

  @Test
  void isWhatAClientWithASecretRequires(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    UserPoolClientType app =
        client
            .createUserPoolClient(
                r ->
                    r.userPoolId(pool.id())
                        .clientName("server")
                        .generateSecret(true)
                        .explicitAuthFlows(List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)))
            .userPoolClient();
    String username = Fixtures.unique("user");
    String email = username + "@example.com";
    String right = SecretHash.secretHash(username, app.clientId(), app.clientSecret());

    assertThrows(
        NotAuthorizedException.class,
        () ->
            SignUp.signUp(
                client,
                app.clientId(),
                username,
                Fixtures.PASSWORD,
                email,
                SecretHash.secretHash(username, app.clientId(), "not-the-secret")));
    assertFalse(
        SignUp.signUp(client, app.clientId(), username, Fixtures.PASSWORD, email, right)
            .userConfirmed());
  }
}
