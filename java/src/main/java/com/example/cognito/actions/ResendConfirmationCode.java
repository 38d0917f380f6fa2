// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Sends a new sign-up confirmation code (ResendConfirmationCode). */
public final class ResendConfirmationCode {
  private static final Logger LOGGER = System.getLogger(ResendConfirmationCode.class.getName());

  private ResendConfirmationCode() {}

  // snippet-start:[java.v2.cognito-idp.ResendConfirmationCode]
  /**
   * Has Cognito send a new confirmation code to an unconfirmed user, to the same address as at
   * SignUp. Codes sent before stay valid until they expire.
   *
   * @param client the Cognito Identity Provider client
   * @param clientId the ID of the app client
   * @param username the user name given at SignUp
   * @param secretHash the {@code SECRET_HASH} when the app client has a secret, else null
   * @return where the code went: the medium and the masked address ({@code a***@e***})
   */
  public static CodeDeliveryDetailsType resendConfirmationCode(
      CognitoIdentityProviderClient client, String clientId, String username, String secretHash) {
    ResendConfirmationCodeRequest request =
        ResendConfirmationCodeRequest.builder()
            .clientId(clientId)
            .username(username)
            .secretHash(secretHash)
            .build();
    try {
      return client.resendConfirmationCode(request).codeDeliveryDetails();
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof UserNotFoundException) {
        LOGGER.log(Level.ERROR, "No user " + username + " in this pool: sign up first.");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(Level.ERROR, "The user may be confirmed already: try signing in.");
      } else if (e instanceof LimitExceededException) {
        LOGGER.log(Level.ERROR, "Too many codes sent: wait before asking for another one.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't resend a confirmation code to %s. Here's why: %s: %s"
              .formatted(
                  username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.ResendConfirmationCode]

  /**
   * Sends a new confirmation code.
   *
   * @param args the client ID, the user name and, optionally, the secret hash
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        ResendConfirmationCode <clientId> <username> [secretHash]
          Has Cognito send a new sign-up confirmation code.""",
        2,
        (client, a) -> {
          CodeDeliveryDetailsType delivery =
              resendConfirmationCode(client, a.get(0), a.get(1), ExampleCli.optional(a, 2));
          System.out.println(
              "Code sent by "
                  + delivery.deliveryMediumAsString()
                  + " to "
                  + delivery.destination());
        });
  }
}
