// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Reads a user as an administrator (AdminGetUser). */
public final class AdminGetUser {
  private static final Logger LOGGER = System.getLogger(AdminGetUser.class.getName());

  private AdminGetUser() {}

  // snippet-start:[java.v2.cognito-idp.AdminGetUser]
  /**
   * Gets a user of a pool by user name, with AWS credentials (IAM) instead of the user's tokens:
   * status, attributes, whether the user is enabled, and the MFA they set up ({@code
   * userMFASettingList}, such as {@code SOFTWARE_TOKEN_MFA}).
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param username the user name (or an alias such as the e-mail address, if the pool has one)
   * @return the user
   */
  public static AdminGetUserResponse adminGetUser(
      CognitoIdentityProviderClient client, String userPoolId, String username) {
    try {
      return client.adminGetUser(
          AdminGetUserRequest.builder().userPoolId(userPoolId).username(username).build());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof UserNotFoundException) {
        LOGGER.log(Level.ERROR, "No user " + username + " in " + userPoolId + ".");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't get user %s. Here's why: %s: %s"
              .formatted(
                  username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.AdminGetUser]

  /**
   * Prints a user.
   *
   * @param args the pool ID and the user name
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        AdminGetUser <userPoolId> <username>
          Prints a user's status, attributes and MFA settings.""",
        2,
        (client, a) -> {
          AdminGetUserResponse user = adminGetUser(client, a.get(0), a.get(1));
          System.out.println("User: " + user.username());
          System.out.println("Status: " + user.userStatusAsString());
          System.out.println("Enabled: " + user.enabled());
          user.userAttributes()
              .forEach(attr -> System.out.println("  " + attr.name() + ": " + attr.value()));
          System.out.println("MFA: " + user.userMFASettingList());
        });
  }
}
