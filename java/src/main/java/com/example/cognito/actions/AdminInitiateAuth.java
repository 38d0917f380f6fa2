// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Starts a sign-in with a password, as an administrator (AdminInitiateAuth). */
public final class AdminInitiateAuth {
  private static final Logger LOGGER = System.getLogger(AdminInitiateAuth.class.getName());

  private AdminInitiateAuth() {}

  // snippet-start:[java.v2.cognito-idp.AdminInitiateAuth]
  /**
   * Starts signing a user in with user name and password, from a back end that has AWS credentials
   * (the {@code ADMIN_USER_PASSWORD_AUTH} flow, which the app client must allow).
   *
   * <p>Cognito checks the password and answers either with tokens or with a challenge to answer
   * with AdminRespondToAuthChallenge: {@code MFA_SETUP} when the pool requires MFA and the user has
   * none yet, {@code SOFTWARE_TOKEN_MFA} for the code of the user's authenticator app, {@code
   * DEVICE_SRP_AUTH} when {@code deviceKey} names a remembered device, {@code
   * NEW_PASSWORD_REQUIRED}... Each challenge comes with a {@code Session} that lives 3 minutes.
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param clientId the ID of the app client
   * @param username the user name
   * @param password the user's password (sent over TLS, never logged)
   * @param secretHash the {@code SECRET_HASH} when the app client has a secret, else null
   * @param deviceKey the key of a device the user remembered, to sign in with it, else null
   * @return the challenge ({@code challengeName()}, {@code session()}, {@code
   *     challengeParameters()}) or the tokens ({@code authenticationResult()})
   */
  public static AdminInitiateAuthResponse adminInitiateAuth(
      CognitoIdentityProviderClient client,
      String userPoolId,
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
    AdminInitiateAuthRequest request =
        AdminInitiateAuthRequest.builder()
            .userPoolId(userPoolId)
            .clientId(clientId)
            .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
            .authParameters(parameters)
            .build();
    try {
      return client.adminInitiateAuth(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof NotAuthorizedException) {
        LOGGER.log(
            Level.ERROR,
            "Wrong user name or password, a disabled user, or a missing secret hash. Tell the"
                + " user only that the user name or password is wrong.");
      } else if (e instanceof UserNotConfirmedException) {
        LOGGER.log(Level.ERROR, "The user hasn't confirmed the sign-up: ConfirmSignUp first.");
      } else if (e instanceof PasswordResetRequiredException) {
        LOGGER.log(Level.ERROR, "The user must reset the password (ForgotPassword).");
      } else if (e instanceof UserNotFoundException) {
        LOGGER.log(Level.ERROR, "No such user (tell the user the name or password is wrong).");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(
            Level.ERROR,
            "Check that the app client allows ALLOW_ADMIN_USER_PASSWORD_AUTH and the inputs.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't start signing in %s. Here's why: %s: %s"
              .formatted(
                  username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.AdminInitiateAuth]

  /**
   * Starts a sign-in and prints the challenge or the tokens (masked).
   *
   * @param args the pool ID, client ID, user name and, optionally, password, secret hash and device
   *     key
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        AdminInitiateAuth <userPoolId> <clientId> <username> [password] [secretHash] [deviceKey]
          Signs in with a password (ADMIN_USER_PASSWORD_AUTH); prints the challenge or the
          tokens, masked. Without a password argument, it is read from the terminal.""",
        3,
        (client, a) -> {
          String password = ExampleCli.password(a, 3, "Password for " + a.get(2) + ": ");
          AdminInitiateAuthResponse response =
              adminInitiateAuth(
                  client,
                  a.get(0),
                  a.get(1),
                  a.get(2),
                  password,
                  ExampleCli.optional(a, 4),
                  ExampleCli.optional(a, 5));
          ExampleCli.printSignIn(
              response.challengeNameAsString(),
              response.session(),
              response.challengeParameters(),
              response.authenticationResult());
        });
  }
}
