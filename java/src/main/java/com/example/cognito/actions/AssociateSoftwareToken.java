// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConcurrentModificationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException;

/** Starts linking an authenticator app to a user for TOTP MFA (AssociateSoftwareToken). */
public final class AssociateSoftwareToken {
  private static final Logger LOGGER = System.getLogger(AssociateSoftwareToken.class.getName());

  private AssociateSoftwareToken() {}

  // snippet-start:[java.v2.cognito-idp.AssociateSoftwareToken]
  /**
   * Asks Cognito for a new TOTP secret to put into the user's authenticator app.
   *
   * <p>Cognito generates a secret key for the user and returns it as {@code secretCode()} (base32).
   * Show it to the user, usually also as a QR code of {@code
   * otpauth://totp/<issuer>:<username>?secret=<secretCode>&issuer=<issuer>}, so their authenticator
   * app (Google Authenticator, Authy, 1Password...) can produce codes. Nothing is enabled yet: the
   * user proves the app works by sending its first code to VerifySoftwareToken. Treat the secret
   * like a password: never log or store it.
   *
   * <p>Pass {@code session} while signing in, when Cognito answered with the {@code MFA_SETUP}
   * challenge (the pool requires MFA and the user has none yet); Cognito then returns a new {@code
   * session()} for VerifySoftwareToken. Pass {@code accessToken} instead to add an app for a user
   * who is signed in.
   *
   * @param client the Cognito Identity Provider client
   * @param session the {@code Session} of an {@code MFA_SETUP} challenge, or null
   * @param accessToken the access token of a signed-in user, or null
   * @return the secret ({@code secretCode()}) and, when called with a session, the next session
   * @throws IllegalArgumentException when neither or both of session and access token are given
   */
  public static AssociateSoftwareTokenResponse associateSoftwareToken(
      CognitoIdentityProviderClient client, String session, String accessToken) {
    if ((session == null) == (accessToken == null)) {
      throw new IllegalArgumentException("Give exactly one of session or access token.");
    }
    AssociateSoftwareTokenRequest request =
        AssociateSoftwareTokenRequest.builder().session(session).accessToken(accessToken).build();
    try {
      return client.associateSoftwareToken(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof NotAuthorizedException) {
        LOGGER.log(
            Level.ERROR,
            "The session or access token is expired, revoked or already used: sign in again.");
      } else if (e instanceof SoftwareTokenMfaNotFoundException) {
        LOGGER.log(Level.ERROR, "This user pool doesn't allow TOTP MFA: enable software tokens.");
      } else if (e instanceof ConcurrentModificationException) {
        LOGGER.log(Level.ERROR, "Another request is changing this user's MFA: try again.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't associate a software token. Here's why: %s: %s"
              .formatted(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.AssociateSoftwareToken]

  /**
   * Gets a TOTP secret and prints it in full: the user types it into an authenticator app.
   *
   * @param args {@code --session SESSION} or {@code --access-token TOKEN}
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        AssociateSoftwareToken --session <session> | --access-token <accessToken>
          Gets a TOTP secret for an authenticator app; prints it in full (the setup key).""",
        2,
        (client, a) -> {
          boolean withSession = a.get(0).equals("--session");
          if (!withSession && !a.get(0).equals("--access-token")) {
            throw new IllegalArgumentException("give --session or --access-token");
          }
          AssociateSoftwareTokenResponse response =
              associateSoftwareToken(
                  client, withSession ? a.get(1) : null, withSession ? null : a.get(1));
          System.err.println(
              "The setup key is shown in full: type it into the app, then keep it" + " private.");
          System.out.println("Setup key: " + response.secretCode());
          if (response.session() != null) {
            System.out.println("Session: " + ExampleCli.mask(response.session()));
          }
        });
  }
}
