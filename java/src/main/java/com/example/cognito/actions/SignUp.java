// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryFailureException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** Signs a new user up with a user name, password and e-mail address (SignUp). */
public final class SignUp {
  private static final Logger LOGGER = System.getLogger(SignUp.class.getName());

  private SignUp() {}

  // snippet-start:[java.v2.cognito-idp.SignUp]
  /**
   * Signs a new user up through an app client, as an app does for a visitor.
   *
   * <p>Cognito creates the user with status {@code UNCONFIRMED}. When the pool verifies e-mail
   * addresses, Cognito e-mails a confirmation code to {@code email}; the user confirms the sign-up
   * with it (ConfirmSignUp) before signing in. The call needs no AWS credentials.
   *
   * @param client the Cognito Identity Provider client
   * @param clientId the ID of the app client
   * @param username the user name to sign up
   * @param password the new user's password; it must meet the pool's password policy. It goes to
   *     Cognito over TLS and is never logged
   * @param email the user's e-mail address, where Cognito sends the confirmation code
   * @param secretHash the {@code SECRET_HASH} of the user name when the app client has a secret
   *     (see {@link SecretHash}), else null
   * @return whether the user is confirmed already, where the code went ({@code a***@e***}) and the
   *     user's unique ID ({@code userSub})
   */
  public static SignUpResponse signUp(
      CognitoIdentityProviderClient client,
      String clientId,
      String username,
      String password,
      String email,
      String secretHash) {
    SignUpRequest request =
        SignUpRequest.builder()
            .clientId(clientId)
            .username(username)
            .password(password)
            .userAttributes(AttributeType.builder().name("email").value(email).build())
            .secretHash(secretHash)
            .build();
    try {
      return client.signUp(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof UsernameExistsException) {
        LOGGER.log(
            Level.ERROR,
            "User name "
                + username
                + " is taken: choose another one, or, if it is this user, confirm the"
                + " sign-up (ConfirmSignUp) or sign in.");
      } else if (e instanceof InvalidPasswordException) {
        LOGGER.log(
            Level.ERROR,
            "The password doesn't meet the pool's password policy: make it longer or add the"
                + " missing kinds of characters.");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "A value is not valid: check the e-mail address and user name.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(
            Level.ERROR,
            "The app client refused the sign-up: pass a secret hash if it has a secret, and"
                + " check that the pool lets users sign themselves up.");
      } else if (e instanceof CodeDeliveryFailureException) {
        LOGGER.log(Level.ERROR, "Cognito couldn't deliver the confirmation code to " + email);
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't sign up %s. Here's why: %s: %s"
              .formatted(
                  username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.SignUp]

  /**
   * Signs a user up; asks for the password on the terminal when it is not given.
   *
   * @param args the client ID, user name, e-mail address and, optionally, password and secret hash
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        SignUp <clientId> <username> <email> [password] [secretHash]
          Signs a new user up; Cognito e-mails a confirmation code. Without a password
          argument, the password is read from the terminal.""",
        3,
        (client, a) -> {
          String password = ExampleCli.password(a, 3, "Password for " + a.get(1) + ": ");
          SignUpResponse response =
              signUp(client, a.get(0), a.get(1), password, a.get(2), ExampleCli.optional(a, 4));
          System.out.println("User sub: " + response.userSub());
          System.out.println("Confirmed: " + response.userConfirmed());
          if (response.codeDeliveryDetails() != null) {
            System.out.println(
                "Code sent by "
                    + response.codeDeliveryDetails().deliveryMediumAsString()
                    + " to "
                    + response.codeDeliveryDetails().destination());
          }
        });
  }
}
