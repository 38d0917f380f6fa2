// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import com.example.cognito.testing.LoggedErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

@ExtendWith(CognitoEmulatorExtension.class)
class SignUpTest {

  @Test
  void signsUpAnUnconfirmedUserAndSendsACode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = Fixtures.unique("user");

    SignUpResponse response =
        SignUp.signUp(
            client, pool.clientId(), username, Fixtures.PASSWORD, username + "@example.com", null);

    assertFalse(response.userConfirmed());
    assertEquals(DeliveryMediumType.EMAIL, response.codeDeliveryDetails().deliveryMedium());
    assertEquals(UserStatusType.UNCONFIRMED, fx.status(pool, username));
    assertEquals(6, fx.deliveredCode(pool, username).length());
  }

  @Test
  void refusesATakenUserName(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.signedUpUser(pool);

    try (LoggedErrors logged = LoggedErrors.of(SignUp.class)) {
      assertThrows(
          UsernameExistsException.class,
          () ->
              SignUp.signUp(
                  client, pool.clientId(), username, Fixtures.PASSWORD, "b@example.com", null));

      // The reader learns what to do, then Cognito's error code and message.
      assertEquals(2, logged.messages().size(), logged.messages().toString());
      assertTrue(logged.messages().get(0).contains("is taken: choose another one"));
      assertEquals(
          "Couldn't sign up "
              + username
              + ". Here's why: UsernameExistsException: User already exists",
          logged.messages().get(1));
    }
  }

  @Test
  void refusesAWeakPassword(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    assertThrows(
        InvalidPasswordException.class,
        () ->
            SignUp.signUp(
                client, pool.clientId(), Fixtures.unique("user"), "short", "c@example.com", null));
  }
}
