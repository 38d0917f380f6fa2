// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Lists the users of a user pool (ListUsers). */
public final class ListUsers {
  private static final Logger LOGGER = System.getLogger(ListUsers.class.getName());

  private ListUsers() {}

  // snippet-start:[java.v2.cognito-idp.ListUsers]
  /**
   * Lists every user of a pool with their status ({@code UNCONFIRMED}, {@code CONFIRMED}, {@code
   * FORCE_CHANGE_PASSWORD}...) and attributes.
   *
   * <p>Cognito answers one page at a time (at most 60 users); this method asks for the next page
   * with the {@code PaginationToken} until there is none. ({@code listUsersPaginator} does the same
   * lazily.)
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @return all users of the pool
   */
  public static List<UserType> listUsers(CognitoIdentityProviderClient client, String userPoolId) {
    List<UserType> users = new ArrayList<>();
    String token = null;
    try {
      do {
        ListUsersResponse page =
            client.listUsers(
                ListUsersRequest.builder().userPoolId(userPoolId).paginationToken(token).build());
        users.addAll(page.users());
        token = page.paginationToken();
      } while (token != null && !token.isEmpty());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No user pool " + userPoolId + ": check the ID and the Region.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't list the users of %s. Here's why: %s: %s"
              .formatted(
                  userPoolId, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
    return users;
  }

  // snippet-end:[java.v2.cognito-idp.ListUsers]

  /**
   * Prints the users of a pool.
   *
   * @param args the pool ID
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        ListUsers <userPoolId>
          Prints every user of the pool with their status.""",
        1,
        (client, a) -> {
          for (UserType user : listUsers(client, a.get(0))) {
            System.out.println(user.username() + "  " + user.userStatusAsString());
          }
        });
  }
}
