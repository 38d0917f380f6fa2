// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeleteUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** Deletes a user pool (DeleteUserPool). */
public final class DeleteUserPool {
  private static final Logger LOGGER = System.getLogger(DeleteUserPool.class.getName());

  private DeleteUserPool() {}

  // snippet-start:[java.v2.cognito-idp.DeleteUserPool]
  /**
   * Deletes a user pool with all its users, groups and app clients. There is no undo.
   *
   * <p>Cognito refuses while the pool has deletion protection on, or a domain (delete the domain
   * first).
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool to delete
   */
  public static void deleteUserPool(CognitoIdentityProviderClient client, String userPoolId) {
    try {
      client.deleteUserPool(DeleteUserPoolRequest.builder().userPoolId(userPoolId).build());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No user pool " + userPoolId + ": it may be deleted already.");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "Turn deletion protection off and delete the pool's domain.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't delete user pool %s. Here's why: %s: %s"
              .formatted(
                  userPoolId, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.DeleteUserPool]

  /**
   * Deletes a user pool.
   *
   * @param args the pool ID
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        DeleteUserPool <userPoolId>
          Deletes a user pool with all its users and app clients.""",
        1,
        (client, a) -> {
          deleteUserPool(client, a.get(0));
          System.out.println("Deleted user pool " + a.get(0) + ".");
        });
  }
}
