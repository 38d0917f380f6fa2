// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/** Answers a sign-in challenge, as an app does (RespondToAuthChallenge). */
public final class RespondToAuthChallenge {
  private static final Logger LOGGER = System.getLogger(RespondToAuthChallenge.class.getName());

  private RespondToAuthChallenge() {}

  // snippet-start:[java.v2.cognito-idp.RespondToAuthChallenge]
  /**
   * Answers the challenge that InitiateAuth (or a previous answer) returned, from an app, without
   * AWS credentials.
   *
   * <p>Cognito checks the answer and returns the tokens, or the next challenge with a new session.
   * For {@code SOFTWARE_TOKEN_MFA} the responses are {@code USERNAME} and {@code
   * SOFTWARE_TOKEN_MFA_CODE} (the authenticator app's current code); add {@code SECRET_HASH} when
   * the app client has a secret.
   *
   * @param client the Cognito Identity Provider client
   * @param clientId the ID of the app client
   * @param challengeName the challenge being answered
   * @param session the session that came with the challenge (it lives 3 minutes)
   * @param challengeResponses the answers, by name
   * @return the tokens ({@code authenticationResult()}) or the next challenge
   */
  public static RespondToAuthChallengeResponse respondToAuthChallenge(
      CognitoIdentityProviderClient client,
      String clientId,
      ChallengeNameType challengeName,
      String session,
      Map<String, String> challengeResponses) {
    RespondToAuthChallengeRequest request =
        RespondToAuthChallengeRequest.builder()
            .clientId(clientId)
            .challengeName(challengeName)
            .session(session)
            .challengeResponses(challengeResponses)
            .build();
    try {
      return client.respondToAuthChallenge(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof CodeMismatchException) {
        LOGGER.log(Level.ERROR, "Wrong code: ask for the code the authenticator app shows now.");
      } else if (e instanceof ExpiredCodeException) {
        LOGGER.log(Level.ERROR, "The code expired: ask for the current one.");
      } else if (e instanceof NotAuthorizedException) {
        LOGGER.log(Level.ERROR, "The session expired (3 minutes) or was used up: sign in again.");
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

  // snippet-end:[java.v2.cognito-idp.RespondToAuthChallenge]

  /**
   * Answers a challenge and prints the next one or the tokens (masked).
   *
   * @param args the client ID, challenge name, session and NAME=VALUE responses
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        RespondToAuthChallenge <clientId> <challengeName> <session> NAME=VALUE...
          Answers a sign-in challenge, for example:
          ... SOFTWARE_TOKEN_MFA <session> USERNAME=ana SOFTWARE_TOKEN_MFA_CODE=123456""",
        4,
        (client, a) -> {
          RespondToAuthChallengeResponse response =
              respondToAuthChallenge(
                  client,
                  a.get(0),
                  ChallengeNameType.fromValue(a.get(1)),
                  a.get(2),
                  ExampleCli.responses(a, 3));
          ExampleCli.printSignIn(
              response.challengeNameAsString(),
              response.session(),
              response.challengeParameters(),
              response.authenticationResult());
        });
  }
}
