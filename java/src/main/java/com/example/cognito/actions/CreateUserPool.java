// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Creates a user pool (CreateUserPool). */
public final class CreateUserPool {
  private static final Logger LOGGER = System.getLogger(CreateUserPool.class.getName());

  private CreateUserPool() {}

  // snippet-start:[java.v2.cognito-idp.CreateUserPool]
  /**
   * Creates a user pool: a directory of users with its sign-in settings.
   *
   * <p>Cognito creates the pool with its default password policy (8 characters with upper and lower
   * case, a number and a symbol) and returns it with its ID ({@code us-east-1_AbC123}). With {@code
   * autoVerifyEmail}, Cognito e-mails a confirmation code at sign-up. With a device configuration,
   * Cognito tracks the devices users sign in from and returns {@code NewDeviceMetadata} with their
   * tokens.
   *
   * @param client the Cognito Identity Provider client
   * @param poolName the pool's name (1 to 128 characters)
   * @param autoVerifyEmail whether Cognito verifies e-mail addresses with a code
   * @param deviceConfiguration how devices are remembered, or null to track none
   * @return the new pool; {@code id()} is what later calls need
   */
  public static UserPoolType createUserPool(
      CognitoIdentityProviderClient client,
      String poolName,
      boolean autoVerifyEmail,
      DeviceConfigurationType deviceConfiguration) {
    CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder().poolName(poolName);
    if (autoVerifyEmail) {
      request.autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
    }
    if (deviceConfiguration != null) {
      request.deviceConfiguration(deviceConfiguration);
    }
    try {
      return client.createUserPool(request.build()).userPool();
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "A setting is not valid: check the pool name and its settings.");
      } else if (e instanceof LimitExceededException) {
        LOGGER.log(Level.ERROR, "The account has too many user pools: delete unused ones.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't create user pool %s. Here's why: %s: %s"
              .formatted(
                  poolName, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.CreateUserPool]

  /**
   * Creates a user pool that verifies e-mail addresses.
   *
   * @param args the pool name
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        CreateUserPool <poolName>
          Creates a user pool that verifies e-mail addresses and prints its ID.""",
        1,
        (client, a) -> {
          UserPoolType pool = createUserPool(client, a.get(0), true, null);
          System.out.println("User pool ID: " + pool.id());
          System.out.println("Name: " + pool.name());
        });
  }
}
