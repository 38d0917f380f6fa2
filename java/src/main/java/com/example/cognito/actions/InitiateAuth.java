// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Starts a sign-in with a password, as an app does (InitiateAuth). */
public final class InitiateAuth {
  private static final Logger LOGGER = System.getLogger(InitiateAuth.class.getName());

  private InitiateAuth() {}

  // snippet-start:[java.v2.cognito-idp.InitiateAuth]
  /**
   * Starts signing a user in with user name and password from an app, without AWS credentials (the
   * {@code USER_PASSWORD_AUTH} flow, which the app client must allow).
   *
   * <p>Cognito checks the password and answers with tokens or with a challenge to answer with
   * RespondToAuthChallenge ({@code MFA_SETUP}, {@code SOFTWARE_TOKEN_MFA}, {@code
   * DEVICE_SRP_AUTH}...), each with a {@code Session} that lives 3 minutes. The password travels to
   * Cognito (over TLS); apps that must not send it use {@code USER_SRP_AUTH} instead.
   *
   * @param client the Cognito Identity Provider client
   * @param clientId the ID of the app client
   * @param username the user name
   * @param password the user's password (never logged)
   * @param secretHash the {@code SECRET_HASH} when the app client has a secret, else null
   * @param deviceKey the key of a device the user remembered, to sign in with it, else null
   * @return the challenge or the tokens ({@code authenticationResult()})
   */
  public static InitiateAuthResponse initiateAuth(
      CognitoIdentityProviderClient client,
      String clientId,
      String username,
      String password,
      String secretHash,
      String deviceKey) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("USERNAME", username);
    parameters.put("PASSWORD", password);
    if (secretHash != null) {
      parameters.put("SECRET_HASH", secretHash);
    }
    if (deviceKey != null) {
      parameters.put("DEVICE_KEY", deviceKey);
    }
    InitiateAuthRequest request =
        InitiateAuthRequest.builder()
            .clientId(clientId)
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(parameters)
            .build();
    try {
      return client.initiateAuth(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof NotAuthorizedException) {
        LOGGER.log(
            Level.ERROR,
            "Wrong user name or password, a disabled user, a missing secret hash, or a flow the"
                + " client doesn't allow (USER_PASSWORD_AUTH).");
      } else if (e instanceof UserNotConfirmedException) {
        LOGGER.log(Level.ERROR, "The user hasn't confirmed the sign-up: ConfirmSignUp first.");
      } else if (e instanceof UserNotFoundException) {
        LOGGER.log(Level.ERROR, "No such user (tell the user the name or password is wrong).");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "Check that the app client allows ALLOW_USER_PASSWORD_AUTH.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't start signing in %s. Here's why: %s: %s"
              .formatted(
                  username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.InitiateAuth]

  /**
   * Starts a sign-in and prints the challenge or the tokens (masked).
   *
   * @param args the client ID, user name and, optionally, password, secret hash and device key
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        InitiateAuth <clientId> <username> [password] [secretHash] [deviceKey]
          Signs in with a password (USER_PASSWORD_AUTH); prints the challenge or the
          tokens, masked. Without a password argument, it is read from the terminal.""",
        2,
        (client, a) -> {
          String password = ExampleCli.password(a, 2, "Password for " + a.get(1) + ": ");
          InitiateAuthResponse response =
              initiateAuth(
                  client,
                  a.get(0),
                  a.get(1),
                  password,
                  ExampleCli.optional(a, 3),
                  ExampleCli.optional(a, 4));
          ExampleCli.printSignIn(
              response.challengeNameAsString(),
              response.session(),
              response.challengeParameters(),
              response.authenticationResult());
        });
  }
}
