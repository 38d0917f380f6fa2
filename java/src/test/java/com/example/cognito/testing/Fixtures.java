// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.testing;

import com.example.cognito.scenario.DeviceSrp;
import com.example.cognito.scenario.LocalBackend;
import com.example.cognito.scenario.TotpCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Small, composable test set-ups on the emulator, made with the SDK directly (not with the examples
 * under test): a pool, an app client, a confirmed user, a user with TOTP MFA.
 */
public final class Fixtures {
  /** A password that meets Cognito's default policy. */
  public static final String PASSWORD = "Correct-Horse-7";

  private final CognitoIdentityProviderClient client;
  private final LocalBackend backend;
  private final TotpCodes totp = new TotpCodes();

  Fixtures(CognitoIdentityProviderClient client, LocalBackend backend) {
    this.client = client;
    this.backend = backend;
  }

  /** A user pool and an app client of it. */
  public record Pool(String id, String clientId) {}

  /** A user who set up an authenticator app, with the tokens of the set-up sign-in. */
  public record MfaUser(
      Pool pool, String username, String secret, AuthenticationResultType tokens) {}

  /**
   * A name no other test uses.
   *
   * @param prefix what the name starts with
   * @return the name
   */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A pool that verifies e-mail addresses, with an app client (no secret) that allows every
   * password flow and SRP.
   *
   * @param mfa the pool's MFA: ON with TOTP and device tracking, or OFF
   * @return the pool
   */
  public Pool pool(UserPoolMfaType mfa) {
    String poolId =
        client
            .createUserPool(
                r -> {
                  r.poolName(unique("java-test"))
                      .autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
                  if (mfa == UserPoolMfaType.ON) {
                    r.deviceConfiguration(
                        DeviceConfigurationType.builder()
                            .challengeRequiredOnNewDevice(true)
                            .deviceOnlyRememberedOnUserPrompt(false)
                            .build());
                  }
                })
            .userPool()
            .id();
    if (mfa == UserPoolMfaType.ON) {
      client.setUserPoolMfaConfig(
          r ->
              r.userPoolId(poolId)
                  .mfaConfiguration(UserPoolMfaType.ON)
                  .softwareTokenMfaConfiguration(
                      SoftwareTokenMfaConfigType.builder().enabled(true).build()));
    }
    String clientId =
        client
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("java-test-app")
                        .explicitAuthFlows(
                            List.of(
                                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)))
            .userPoolClient()
            .clientId();
    return new Pool(poolId, clientId);
  }

  /**
   * Signs a new user up (not confirmed).
   *
   * @param pool the pool
   * @return the user name
   */
  public String signedUpUser(Pool pool) {
    String username = unique("user");
    client.signUp(
        r ->
            r.clientId(pool.clientId())
                .username(username)
                .password(PASSWORD)
                .userAttributes(
                    AttributeType.builder()
                        .name("email")
                        .value(username + "@example.com")
                        .build()));
    return username;
  }

  /**
   * Signs a new user up and confirms the sign-up as an administrator.
   *
   * @param pool the pool
   * @return the user name
   */
  public String confirmedUser(Pool pool) {
    String username = signedUpUser(pool);
    client.adminConfirmSignUp(r -> r.userPoolId(pool.id()).username(username));
    return username;
  }

  /**
   * Starts a sign-in of a confirmed user with the admin password flow.
   *
   * @param pool the pool
   * @param username the user
   * @return Cognito's answer
   */
  public AdminInitiateAuthResponse adminSignIn(Pool pool, String username) {
    return adminSignIn(pool, username, null);
  }

  /**
   * Starts a sign-in of a confirmed user with the admin password flow and a device key.
   *
   * @param pool the pool
   * @param username the user
   * @param deviceKey a remembered device's key, or null
   * @return Cognito's answer
   */
  public AdminInitiateAuthResponse adminSignIn(Pool pool, String username, String deviceKey) {
    Map<String, String> parameters = new java.util.HashMap<>();
    parameters.put("USERNAME", username);
    parameters.put("PASSWORD", PASSWORD);
    if (deviceKey != null) {
      parameters.put("DEVICE_KEY", deviceKey);
    }
    return client.adminInitiateAuth(
        r ->
            r.userPoolId(pool.id())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(parameters));
  }

  /**
   * The user's status as Cognito has it.
   *
   * @param pool the pool
   * @param username the user
   * @return {@code UNCONFIRMED}, {@code CONFIRMED}...
   */
  public UserStatusType status(Pool pool, String username) {
    return client.adminGetUser(r -> r.userPoolId(pool.id()).username(username)).userStatus();
  }

  /**
   * A confirmed user of an MFA pool who set up an authenticator app and signed in.
   *
   * @param pool a pool made with {@code pool(UserPoolMfaType.ON)}
   * @return the user, its TOTP secret and tokens (with {@code NewDeviceMetadata})
   */
  public MfaUser mfaUser(Pool pool) {
    String username = confirmedUser(pool);
    AdminInitiateAuthResponse start = adminSignIn(pool, username);
    var associated = client.associateSoftwareToken(r -> r.session(start.session()));
    String secret = associated.secretCode();
    var verified =
        client.verifySoftwareToken(r -> r.session(associated.session()).userCode(totpCode(secret)));
    AdminRespondToAuthChallengeResponse done =
        client.adminRespondToAuthChallenge(
            r ->
                r.userPoolId(pool.id())
                    .clientId(pool.clientId())
                    .challengeName(ChallengeNameType.MFA_SETUP)
                    .session(verified.session())
                    .challengeResponses(Map.of("USERNAME", username)));
    return new MfaUser(pool, username, secret, done.authenticationResult());
  }

  /** A device Cognito remembers, and the password its app keeps. */
  public record Device(String key, String groupKey, String password) {}

  /**
   * Remembers the device of the user's last sign-in (ConfirmDevice, with a verifier from {@link
   * DeviceSrp}).
   *
   * @param user a user of a pool that tracks devices
   * @return the device
   */
  public Device rememberedDevice(MfaUser user) {
    NewDeviceMetadataType metadata = user.tokens().newDeviceMetadata();
    DeviceSrp.Registration registration =
        DeviceSrp.register(metadata.deviceGroupKey(), metadata.deviceKey());
    client.confirmDevice(
        r ->
            r.accessToken(user.tokens().accessToken())
                .deviceKey(metadata.deviceKey())
                .deviceSecretVerifierConfig(registration.verifierConfig())
                .deviceName("test device"));
    return new Device(metadata.deviceKey(), metadata.deviceGroupKey(), registration.password());
  }

  /**
   * A TOTP code of {@code secret} at the emulator's time, never the same one twice.
   *
   * @param secret the base32 secret
   * @return the code
   */
  public String totpCode(String secret) {
    return totp.unusedCode(secret, emulatorNow());
  }

  /**
   * A 6-digit code that no authenticator app shows for {@code secret} now: not the previous,
   * current or next step's code.
   *
   * @param secret the base32 secret
   * @return the code
   */
  public String wrongTotpCode(String secret) {
    Instant now = emulatorNow();
    java.util.Set<String> valid = new java.util.HashSet<>();
    for (int step = -1; step <= 1; step++) {
      valid.add(TotpCodes.codeAt(secret, now.plus(TotpCodes.STEP.multipliedBy(step))));
    }
    for (int candidate = 0; ; candidate++) {
      String code = "%06d".formatted(candidate);
      if (!valid.contains(code)) {
        return code;
      }
    }
  }

  /**
   * The emulator's time (its clock may be ahead of real time).
   *
   * @return the instant
   */
  public Instant emulatorNow() {
    try {
      return Instant.ofEpochMilli((long) (backend.now() * 1000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The newest code the emulator "e-mailed" to a user.
   *
   * @param pool the pool
   * @param username the user
   * @return the code
   */
  public String deliveredCode(Pool pool, String username) {
    try {
      String code = backend.latestCode(username, pool.id());
      if (code == null) {
        throw new AssertionError("the emulator delivered no code to " + username);
      }
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code body} with the emulator's clock {@code seconds} ahead, then puts it back.
   *
   * @param seconds how far ahead
   * @param body what to run meanwhile
   */
  public void later(double seconds, Runnable body) {
    try {
      backend.setClockOffset(seconds);
      try {
        body.run();
      } finally {
        backend.setClockOffset(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
