// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/** Answers a sign-in challenge, as an administrator (AdminRespondToAuthChallenge). */
public final class AdminRespondToAuthChallenge {
  private static final Logger LOGGER =
      System.getLogger(AdminRespondToAuthChallenge.class.getName());

  private AdminRespondToAuthChallenge() {}

  // snippet-start:[java.v2.cognito-idp.AdminRespondToAuthChallenge]
  /**
   * Answers the challenge that AdminInitiateAuth (or a previous answer) returned, from a back end
   * with AWS credentials.
   *
   * <p>Cognito checks the answer and returns the tokens, or the next challenge with a new session.
   * The responses depend on the challenge: {@code USERNAME} always; {@code SOFTWARE_TOKEN_MFA_CODE}
   * for {@code SOFTWARE_TOKEN_MFA}; nothing more for {@code MFA_SETUP} once VerifySoftwareToken
   * succeeded; {@code DEVICE_KEY} and {@code SRP_A} for {@code DEVICE_SRP_AUTH}; the password claim
   * for {@code DEVICE_PASSWORD_VERIFIER}; {@code SECRET_HASH} when the app client has a secret.
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param clientId the ID of the app client
   * @param challengeName the challenge being answered
   * @param session the session that came with the challenge (it lives 3 minutes)
   * @param challengeResponses the answers, by name
   * @return the tokens ({@code authenticationResult()}) or the next challenge
   */
  public static AdminRespondToAuthChallengeResponse adminRespondToAuthChallenge(
      CognitoIdentityProviderClient client,
      String userPoolId,
      String clientId,
      ChallengeNameType challengeName,
      String session,
      Map<String, String> challengeResponses) {
    AdminRespondToAuthChallengeRequest request =
        AdminRespondToAuthChallengeRequest.builder()
            .userPoolId(userPoolId)
            .clientId(clientId)
            .challengeName(challengeName)
            .session(session)
            .challengeResponses(challengeResponses)
            .build();
    try {
      return client.adminRespondToAuthChallenge(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof CodeMismatchException) {
        LOGGER.log(Level.ERROR, "Wrong code: ask for the code the authenticator app shows now.");
      } else if (e instanceof ExpiredCodeException) {
        LOGGER.log(Level.ERROR, "The code expired: ask for the current one.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(
            Level.ERROR,
            "The session expired (3 minutes) or was used up, or a proof is wrong: sign in"
                + " again.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't answer the %s challenge. Here's why: %s: %s"
              .formatted(
                  challengeName,
                  e.awsErrorDetails().errorCode(),
                  e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.AdminRespondToAuthChallenge]

  /**
   * Answers a challenge and prints the next one or the tokens (masked).
   *
   * @param args the pool ID, client ID, challenge name, session and NAME=VALUE responses
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        AdminRespondToAuthChallenge <userPoolId> <clientId> <challengeName> <session> NAME=VALUE...
          Answers a sign-in challenge, for example:
          ... SOFTWARE_TOKEN_MFA <session> USERNAME=ana SOFTWARE_TOKEN_MFA_CODE=123456""",
        5,
        (client, a) -> {
          AdminRespondToAuthChallengeResponse response =
              adminRespondToAuthChallenge(
                  client,
                  a.get(0),
                  a.get(1),
                  ChallengeNameType.fromValue(a.get(2)),
                  a.get(3),
                  ExampleCli.responses(a, 4));
          ExampleCli.printSignIn(
              response.challengeNameAsString(),
              response.session(),
              response.challengeParameters(),
              response.authenticationResult());
        });
  }
}
