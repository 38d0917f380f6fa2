// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** Reads the settings of a user pool (DescribeUserPool). */
public final class DescribeUserPool {
  private static final Logger LOGGER = System.getLogger(DescribeUserPool.class.getName());

  private DescribeUserPool() {}

  // snippet-start:[java.v2.cognito-idp.DescribeUserPool]
  /**
   * Gets the configuration of a user pool: its policies, MFA setting, device tracking, the
   * attributes it verifies, and an estimate of its number of users.
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @return the pool
   */
  public static UserPoolType describeUserPool(
      CognitoIdentityProviderClient client, String userPoolId) {
    try {
      return client
          .describeUserPool(DescribeUserPoolRequest.builder().userPoolId(userPoolId).build())
          .userPool();
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No user pool " + userPoolId + ": check the ID and the Region.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't describe user pool %s. Here's why: %s: %s"
              .formatted(
                  userPoolId, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.DescribeUserPool]

  /**
   * Prints the main settings of a user pool.
   *
   * @param args the pool ID
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        DescribeUserPool <userPoolId>
          Prints the main settings of a user pool.""",
        1,
        (client, a) -> {
          UserPoolType pool = describeUserPool(client, a.get(0));
          System.out.println("Name: " + pool.name());
          System.out.println("MFA: " + pool.mfaConfigurationAsString());
          System.out.println("Auto-verified: " + pool.autoVerifiedAttributesAsStrings());
          System.out.println("Device configuration: " + pool.deviceConfiguration());
          System.out.println("Estimated users: " + pool.estimatedNumberOfUsers());
        });
  }
}
