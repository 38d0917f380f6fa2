// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDeleteUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Deletes a user as an administrator (AdminDeleteUser). */
public final class AdminDeleteUser {
  private static final Logger LOGGER = System.getLogger(AdminDeleteUser.class.getName());

  private AdminDeleteUser() {}

  // snippet-start:[java.v2.cognito-idp.AdminDeleteUser]
  /**
   * Deletes a user of a pool with AWS credentials (IAM). The user name becomes free again; tokens
   * the user holds stop working once they are checked against the pool.
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param username the user to delete
   */
  public static void adminDeleteUser(
      CognitoIdentityProviderClient client, String userPoolId, String username) {
    try {
      client.adminDeleteUser(
          AdminDeleteUserRequest.builder().userPoolId(userPoolId).username(username).build());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof UserNotFoundException) {
        LOGGER.log(Level.ERROR, "No user " + username + ": it may be deleted already.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't delete user %s. Here's why: %s: %s"
              .formatted(
                  username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.AdminDeleteUser]

  /**
   * Deletes a user.
   *
   * @param args the pool ID and the user name
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        AdminDeleteUser <userPoolId> <username>
          Deletes a user of the pool.""",
        2,
        (client, a) -> {
          adminDeleteUser(client, a.get(0), a.get(1));
          System.out.println("Deleted user " + a.get(1) + ".");
        });
  }
}
