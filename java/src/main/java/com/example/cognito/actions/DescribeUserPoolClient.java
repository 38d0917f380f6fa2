// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** Reads the settings of an app client (DescribeUserPoolClient). */
public final class DescribeUserPoolClient {
  private static final Logger LOGGER = System.getLogger(DescribeUserPoolClient.class.getName());

  private DescribeUserPoolClient() {}

  // snippet-start:[java.v2.cognito-idp.DescribeUserPoolClient]
  /**
   * Gets the settings of an app client: its allowed sign-in flows, token lifetimes and, when it has
   * one, its client secret (which sign-up and sign-in calls need for {@code SECRET_HASH}).
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param clientId the ID of the app client
   * @return the app client
   */
  public static UserPoolClientType describeUserPoolClient(
      CognitoIdentityProviderClient client, String userPoolId, String clientId) {
    try {
      return client
          .describeUserPoolClient(
              DescribeUserPoolClientRequest.builder()
                  .userPoolId(userPoolId)
                  .clientId(clientId)
                  .build())
          .userPoolClient();
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No such pool or app client: check both IDs and the Region.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't describe app client %s of %s. Here's why: %s: %s"
              .formatted(
                  clientId,
                  userPoolId,
                  e.awsErrorDetails().errorCode(),
                  e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.DescribeUserPoolClient]

  /**
   * Prints the settings of an app client (never its secret).
   *
   * @param args the pool ID and the client ID
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        DescribeUserPoolClient <userPoolId> <clientId>
          Prints the settings of an app client (whether it has a secret, not the secret).""",
        2,
        (client, a) -> {
          UserPoolClientType app = describeUserPoolClient(client, a.get(0), a.get(1));
          System.out.println("Name: " + app.clientName());
          System.out.println("Flows: " + app.explicitAuthFlowsAsStrings());
          System.out.println("Has a secret: " + (app.clientSecret() != null));
        });
  }
}
