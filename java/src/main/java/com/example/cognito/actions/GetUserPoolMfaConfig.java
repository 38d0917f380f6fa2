// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** Reads a user pool's multi-factor sign-in settings (GetUserPoolMfaConfig). */
public final class GetUserPoolMfaConfig {
  private static final Logger LOGGER = System.getLogger(GetUserPoolMfaConfig.class.getName());

  private GetUserPoolMfaConfig() {}

  // snippet-start:[java.v2.cognito-idp.GetUserPoolMfaConfig]
  /**
   * Gets whether a pool requires MFA ({@code ON}, {@code OPTIONAL}, {@code OFF}) and which factors
   * it allows: authenticator apps (software tokens), SMS, e-mail.
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @return the pool's MFA settings
   */
  public static GetUserPoolMfaConfigResponse getUserPoolMfaConfig(
      CognitoIdentityProviderClient client, String userPoolId) {
    try {
      return client.getUserPoolMfaConfig(
          GetUserPoolMfaConfigRequest.builder().userPoolId(userPoolId).build());
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No user pool " + userPoolId + ": check the ID and the Region.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't get the MFA configuration of %s. Here's why: %s: %s"
              .formatted(
                  userPoolId, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.GetUserPoolMfaConfig]

  /**
   * Prints a pool's MFA settings.
   *
   * @param args the pool ID
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        GetUserPoolMfaConfig <userPoolId>
          Prints whether the pool requires MFA and whether authenticator apps are allowed.""",
        1,
        (client, a) -> {
          GetUserPoolMfaConfigResponse mfa = getUserPoolMfaConfig(client, a.get(0));
          System.out.println("MFA: " + mfa.mfaConfigurationAsString());
          System.out.println(
              "Software tokens (TOTP): "
                  + (mfa.softwareTokenMfaConfiguration() != null
                      && Boolean.TRUE.equals(mfa.softwareTokenMfaConfiguration().enabled())));
        });
  }
}
