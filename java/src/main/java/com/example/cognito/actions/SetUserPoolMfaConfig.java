// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/** Sets a user pool's multi-factor sign-in (SetUserPoolMfaConfig). */
public final class SetUserPoolMfaConfig {
  private static final Logger LOGGER = System.getLogger(SetUserPoolMfaConfig.class.getName());

  private SetUserPoolMfaConfig() {}

  // snippet-start:[java.v2.cognito-idp.SetUserPoolMfaConfig]
  /**
   * Sets whether users of a pool sign in with a second factor, and which ones they may use.
   *
   * <p>With {@code ON}, every user must use MFA: a user without an authenticator app is asked to
   * set one up at the next sign-in (the {@code MFA_SETUP} challenge). With {@code OPTIONAL}, users
   * choose. Software tokens are the codes of authenticator apps (TOTP).
   *
   * @param client the Cognito Identity Provider client
   * @param userPoolId the ID of the user pool
   * @param mfaConfiguration {@code ON}, {@code OPTIONAL} or {@code OFF}
   * @param softwareTokenEnabled whether authenticator apps (TOTP) are allowed
   * @return the pool's MFA settings as Cognito now has them
   */
  public static SetUserPoolMfaConfigResponse setUserPoolMfaConfig(
      CognitoIdentityProviderClient client,
      String userPoolId,
      UserPoolMfaType mfaConfiguration,
      boolean softwareTokenEnabled) {
    SetUserPoolMfaConfigRequest request =
        SetUserPoolMfaConfigRequest.builder()
            .userPoolId(userPoolId)
            .mfaConfiguration(mfaConfiguration)
            .softwareTokenMfaConfiguration(
                SoftwareTokenMfaConfigType.builder().enabled(softwareTokenEnabled).build())
            .build();
    try {
      return client.setUserPoolMfaConfig(request);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof ResourceNotFoundException) {
        LOGGER.log(Level.ERROR, "No user pool " + userPoolId + ": check the ID and the Region.");
      } else if (e instanceof InvalidParameterException) {
        LOGGER.log(
            Level.ERROR, "MFA ON or OPTIONAL needs at least one factor: enable software tokens.");
      }
      LOGGER.log(
          Level.ERROR,
          "Couldn't set the MFA configuration of %s. Here's why: %s: %s"
              .formatted(
                  userPoolId, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
      throw e;
    }
  }

  // snippet-end:[java.v2.cognito-idp.SetUserPoolMfaConfig]

  /**
   * Requires MFA by authenticator app in a pool, or sets another MFA configuration.
   *
   * @param args the pool ID and, optionally, ON, OPTIONAL or OFF
   */
  public static void main(String[] args) {
    ExampleCli.run(
        args,
        """
        SetUserPoolMfaConfig <userPoolId> [ON|OPTIONAL|OFF]
          Sets the pool's MFA (default ON) with authenticator apps (TOTP) enabled.""",
        1,
        (client, a) -> {
          String mode = ExampleCli.optional(a, 1);
          UserPoolMfaType mfa = UserPoolMfaType.fromValue(mode == null ? "ON" : mode);
          if (mfa == UserPoolMfaType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("the MFA configuration is ON, OPTIONAL or OFF");
          }
          boolean totp = mfa != UserPoolMfaType.OFF;
          SetUserPoolMfaConfigResponse response = setUserPoolMfaConfig(client, a.get(0), mfa, totp);
          System.out.println("MFA: " + response.mfaConfigurationAsString());
          System.out.println(
              "Software tokens (TOTP): "
                  + (response.softwareTokenMfaConfiguration() != null
                      && Boolean.TRUE.equals(response.softwareTokenMfaConfiguration().enabled())));
        });
  }
}
