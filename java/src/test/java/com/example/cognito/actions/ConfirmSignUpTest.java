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
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

@ExtendWith(CognitoEmulatorExtension.class)
class ConfirmSignUpTest {

  @Test
  void confirmsWithTheDeliveredCode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.signedUpUser(pool);

    ConfirmSignUp.confirmSignUp(
        client, pool.clientId(), username, fx.deliveredCode(pool, username), null);

    assertEquals(UserStatusType.CONFIRMED, fx.status(pool, username));
  }

  @Test
  void refusesAWrongCode(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.signedUpUser(pool);
    String wrong = fx.deliveredCode(pool, username).equals("000000") ? "111111" : "000000";

    assertThrows(
        CodeMismatchException.class,
        () -> ConfirmSignUp.confirmSignUp(client, pool.clientId(), username, wrong, null));
  }

  @Test
  void refusesACodeOlderThanADay(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.signedUpUser(pool);
    String code = fx.deliveredCode(pool, username);

    fx.later(
        25 * 3600,
        () ->
            assertThrows(
                ExpiredCodeException.class,
                () -> ConfirmSignUp.confirmSignUp(client, pool.clientId(), username, code, null)));
  }
}
