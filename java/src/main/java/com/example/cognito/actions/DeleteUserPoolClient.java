// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeleteUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** Deletes an app client of a user pool (DeleteUserPoolClient). */
public final class DeleteUserPoolClient {
  private static final Logger LOGGER = System.getLogger(DeleteUserPoolClient.class.getName());

  private DeleteUserPoolClient() {}

  // snippet-start:[java.v2.cognito-idp.DeleteUserPoolClient]
  /**
   * Deletes an app client. Applications that use its client ID can no longer sign users up or in;
   * the pool and its users stay.
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param clientId the ID of the app client to delete
   */
  public static void deleteUserPoolClient(
      CognitoIdentityProviderClient client, String userPoolId, String clientId) {
    try {
      client.deleteUserPoolClient(
          DeleteUserPoolClientRequest.builder().userPoolId(userPoolId).clientId(clientId).build());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No such pool or app client: it may be deleted already.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't delete app client %s of %s. Here's why: %s: %s"
              .formatted(
                  clientId,
                  userPoolId,
                  e.awsErrorDetails().errorCode(),
                  e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.DeleteUserPoolClient]

  /**
   * Deletes an app client.
   *
   * @param args the pool ID and the client ID
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        DeleteUserPoolClient <userPoolId> <clientId>
          Deletes an app client of a user pool.""",
        2,
        (client, a) -> {
          deleteUserPoolClient(client, a.get(0), a.get(1));
          System.out.println("Deleted app client " + a.get(1) + ".");
        });
  }
}
