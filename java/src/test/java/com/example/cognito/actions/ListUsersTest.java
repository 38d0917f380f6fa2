// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

@ExtendWith(CognitoEmulatorExtension.class)
class ListUsersTest {

  @Test
  void listsEveryUserAcrossPages(CognitoIdentityProviderClient client, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    // More than one page: Cognito returns at most 60 users a page.
    Set<String> created =
        java.util.stream.IntStream.range(0, 61)
            .mapToObj(i -> fx.signedUpUser(pool))
            .collect(Collectors.toSet());

    Set<String> listed =
        ListUsers.listUsers(client, pool.id()).stream()
            .map(UserType::username)
            .collect(Collectors.toSet());

    assertEquals(created, listed);
  }

  @Test
  void refusesAnUnknownPool(CognitoIdentityProviderClient client) {
    assertThrows(
        ResourceNotFoundException.class, () -> ListUsers.listUsers(client, "us-east-1_missing00"));
  }
}
