// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** Creates an app client of a user pool (CreateUserPoolClient). */
public final class CreateUserPoolClient {
  private static final Logger LOGGER = System.getLogger(CreateUserPoolClient.class.getName());

  private CreateUserPoolClient() {}

  // snippet-start:[java.v2.cognito-idp.CreateUserPoolClient]
  /**
   * Creates an app client: what an application names (by its client ID) to sign users up and in.
   *
   * <p>The sign-in flows the client allows are listed in {@code explicitAuthFlows}; Cognito refuses
   * any other. With {@code generateSecret}, Cognito creates a client secret, and every sign-up and
   * sign-in call must then carry a {@code SECRET_HASH} (see {@link SecretHash}); a secret suits
   * server-side apps only, never code that runs on a user's device.
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param clientName a name for the app client
   * @param generateSecret whether Cognito creates a client secret
   * @param explicitAuthFlows the sign-in flows allowed, such as {@code
   *     ALLOW_ADMIN_USER_PASSWORD_AUTH}, {@code ALLOW_USER_SRP_AUTH}, {@code
   *     ALLOW_REFRESH_TOKEN_AUTH}
   * @return the new app client; {@code clientId()} is what sign-up and sign-in calls need, and
   *     {@code clientSecret()} its secret, if any
   */
  public static UserPoolClientType createUserPoolClient(
      CognitoIdentityProviderClient client,
      String userPoolId,
      String clientName,
      boolean generateSecret,
      List<ExplicitAuthFlowsType> explicitAuthFlows) {
    CreateUserPoolClientRequest request =
        CreateUserPoolClientRequest.builder()
            .userPoolId(userPoolId)
            .clientName(clientName)
            .generateSecret(generateSecret)
            .explicitAuthFlows(explicitAuthFlows)
            .build();
    try {
      return client.createUserPoolClient(request).userPoolClient();
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No user pool " + userPoolId + ": check the ID and the Region.");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "A setting is not valid: check the client name and the flows.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't create app client %s in %s. Here's why: %s: %s"
              .formatted(
                  clientName,
                  userPoolId,
                  e.awsErrorDetails().errorCode(),
                  e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.CreateUserPoolClient]

  /**
   * Creates an app client without a secret that allows the admin password, SRP and refresh flows.
   *
   * @param args the pool ID and the client name
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        CreateUserPoolClient <userPoolId> <clientName>
          Creates an app client (no secret; admin password, SRP and refresh-token
          sign-in) and prints its ID.""",
        2,
        (client, a) -> {
          UserPoolClientType app =
              createUserPoolClient(
                  client,
                  a.get(0),
                  a.get(1),
                  false,
                  List.of(
                      ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                      ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                      ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
          System.out.println("App client ID: " + app.clientId());
          System.out.println("Flows: " + app.explicitAuthFlowsAsStrings());
        });
  }
}
