// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Confirms a sign-up with the code Cognito sent (ConfirmSignUp). */
public final class ConfirmSignUp {
  private static final Logger LOGGER = System.getLogger(ConfirmSignUp.class.getName());

  private ConfirmSignUp() {}

  // snippet-start:[java.v2.cognito-idp.ConfirmSignUp]
  /**
   * Confirms a user's sign-up with the code Cognito e-mailed at SignUp.
   *
   * <p>The code proves that the user owns the e-mail address: Cognito marks the address verified
   * and the user {@code CONFIRMED}, who can then sign in. A code is valid for 24 hours;
   * ResendConfirmationCode sends a new one.
   *
   * @param client the Cognito Identity Provider client
   * @param clientId the ID of the app client
   * @param username the user name given at SignUp
   * @param confirmationCode the code the user received
   * @param secretHash the {@code SECRET_HASH} when the app client has a secret, else null
   */
  public static void confirmSignUp(
      CognitoIdentityProviderClient client,
      String clientId,
      String username,
      String confirmationCode,
      String secretHash) {
    ConfirmSignUpRequest request =
        ConfirmSignUpRequest.builder()
            .clientId(clientId)
            .username(username)
            .confirmationCode(confirmationCode)
            .secretHash(secretHash)
            .build();
    try {
      client.confirmSignUp(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof CodeMismatchException) {
        LOGGER.log(Level.ERROR, "Wrong code: ask the user to type it again.");
      } else if (e instanceof ExpiredCodeException) {
        LOGGER.log(Level.ERROR, "The code expired: send a new one (ResendConfirmationCode).");
      } else if (e instanceof UserNotFoundException) {
        LOGGER.log(Level.ERROR, "No user " + username + " in this pool: sign up first.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(Level.ERROR, "The user may be confirmed already: try signing in.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't confirm the sign-up of %s. Here's why: %s: %s"
              .formatted(
                  username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.ConfirmSignUp]

  /**
   * Confirms a sign-up.
   *
   * @param args the client ID, the user name, the code and, optionally, the secret hash
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        ConfirmSignUp <clientId> <username> <confirmationCode> [secretHash]
          Confirms a sign-up with the code Cognito e-mailed.""",
        3,
        (client, a) -> {
          confirmSignUp(client, a.get(0), a.get(1), a.get(2), ExampleCli.optional(a, 3));
          System.out.println(a.get(1) + " is confirmed.");
        });
  }
}
