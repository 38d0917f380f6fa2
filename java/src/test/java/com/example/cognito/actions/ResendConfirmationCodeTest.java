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
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

@ExtendWith(CognitoEmulatorExtension.class)
class ResendConfirmationCodeTest {

  @Test
  void sendsACodeThatConfirms(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.signedUpUser(pool);

    CodeDeliveryDetailsType delivery =
        ResendConfirmationCode.resendConfirmationCode(client, pool.clientId(), username, null);

    assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
    String newCode = fx.deliveredCode(pool, username);
    client.confirmSignUp(
        r -> r.clientId(pool.clientId()).username(username).confirmationCode(newCode));
    assertEquals(UserStatusType.CONFIRMED, fx.status(pool, username));
  }

  @Test
  void refusesAnUnknownUser(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);

    assertThrows(
        UserNotFoundException.class,
        () ->
            ResendConfirmationCode.resendConfirmationCode(
                client, pool.clientId(), Fixtures.unique("nobody"), null));
  }
}
