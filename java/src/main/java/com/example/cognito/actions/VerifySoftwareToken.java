// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;

/** Verifies the first code of an authenticator app (VerifySoftwareToken). */
public final class VerifySoftwareToken {
  private static final Logger LOGGER = System.getLogger(VerifySoftwareToken.class.getName());

  private VerifySoftwareToken() {}

  // snippet-start:[java.v2.cognito-idp.VerifySoftwareToken]
  /**
   * Checks a code from the user's authenticator app against the secret of AssociateSoftwareToken,
   * which proves the app is set up.
   *
   * <p>When the code matches, Cognito registers the app as the user's TOTP MFA and answers {@code
   * SUCCESS}. During sign-in ({@code session} given), it also returns a new session: answer the
   * {@code MFA_SETUP} challenge with it to get the tokens.
   *
   * @param client the Cognito Identity Provider client
   * @param userCode the 6-digit code the app shows now
   * @param session the session returned by AssociateSoftwareToken during sign-in, or null
   * @param accessToken the access token of a signed-in user (instead of a session), or null
   * @param friendlyDeviceName a name for the app that the user recognises, or null
   * @return the status ({@code SUCCESS} or {@code ERROR}) and, with a session, the next session
   */
  public static VerifySoftwareTokenResponse verifySoftwareToken(
      CognitoIdentityProviderClient client,
      String userCode,
      String session,
      String accessToken,
      String friendlyDeviceName) {
    VerifySoftwareTokenRequest request =
        VerifySoftwareTokenRequest.builder()
            .userCode(userCode)
            .session(session)
            .accessToken(accessToken)
            .friendlyDeviceName(friendlyDeviceName)
            .build();
    try {
      return client.verifySoftwareToken(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof EnableSoftwareTokenMfaException || e instanceof CodeMismatchException) {
        LOGGER.log(
            Level.ERROR,
            "The code doesn't match: check the account in the app and the phone's clock, then"
                + " send the code it shows now.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(Level.ERROR, "The session or access token expired: sign in again.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't verify the software token. Here's why: %s: %s"
              .formatted(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.VerifySoftwareToken]

  /**
   * Verifies an authenticator app's code.
   *
   * @param args the code, then {@code --session SESSION} or {@code --access-token TOKEN}
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        VerifySoftwareToken <code> --session <session> | --access-token <accessToken>
          Verifies the authenticator app's current code; prints the status.""",
        3,
        (client, a) -> {
          boolean withSession = a.get(1).equals("--session");
          if (!withSession && !a.get(1).equals("--access-token")) {
            throw new IllegalArgumentException("give --session or --access-token");
          }
          VerifySoftwareTokenResponse response =
              verifySoftwareToken(
                  client,
                  a.get(0),
                  withSession ? a.get(2) : null,
                  withSession ? null : a.get(2),
                  "authenticator app");
          System.out.println("Status: " + response.statusAsString());
          if (response.session() != null) {
            System.out.println("Session: " + ExampleCli.mask(response.session()));
          }
        });
  }
}
