// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import com.example.cognito.actions.AdminDeleteUser;
import com.example.cognito.actions.AdminInitiateAuth;
import com.example.cognito.actions.AdminRespondToAuthChallenge;
import com.example.cognito.actions.AssociateSoftwareToken;
import com.example.cognito.actions.ConfirmDevice;
import com.example.cognito.actions.ConfirmSignUp;
import com.example.cognito.actions.CreateUserPool;
import com.example.cognito.actions.CreateUserPoolClient;
import com.example.cognito.actions.DeleteUserPool;
import com.example.cognito.actions.DeleteUserPoolClient;
import com.example.cognito.actions.DescribeUserPool;
import com.example.cognito.actions.DescribeUserPoolClient;
import com.example.cognito.actions.ForgetDevice;
import com.example.cognito.actions.GetUserPoolMfaConfig;
import com.example.cognito.actions.ListDevices;
import com.example.cognito.actions.ListUsers;
import com.example.cognito.actions.ResendConfirmationCode;
import com.example.cognito.actions.SecretHash;
import com.example.cognito.actions.SetUserPoolMfaConfig;
import com.example.cognito.actions.SignUp;
import com.example.cognito.actions.UpdateDeviceStatus;
import com.example.cognito.actions.VerifySoftwareToken;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;

/**
 * Guided scenario: sign a user up, set up an authenticator app, sign in with TOTP, remember the
 * device. It follows {@code scenarios/SPECIFICATION.md} of this project, step by step, with the
 * action examples of {@code com.example.cognito.actions}:
 *
 * <ol>
 *   <li>the target: by default the local Cognito backend ({@code cognito-emulator}) with a new user
 *       pool (MFA required, authenticator apps, device tracking) and an app client;
 *   <li>sign up, and confirm the sign-up with the code Cognito sends;
 *   <li>list the pool's users;
 *   <li>sign in: Cognito asks to set up MFA; the setup key and a QR code for the app are shown;
 *   <li>verify the app's first code and finish signing in;
 *   <li>sign in again with password + the app's code;
 *   <li>remember this device, sign in with it (no code), list and forget it;
 *   <li>remove everything it created, also after an error, Ctrl-C or SIGTERM.
 * </ol>
 *
 * <pre>
 * java -jar target/cognito-idp-examples.jar [--auto] [--target local|aws] [--endpoint URL]
 *     [--user-pool-id ID --client-id ID] [--keep]
 * </pre>
 */
public final class SignUpUserWithMfa {
  static final String PROG = "SignUpUserWithMfa";
  static final int TOTAL_STEPS = 8;

  /** Wrong answers (codes, passwords, names) accepted before the scenario gives up. */
  static final int MAX_TRIES = 5;

  /** Sign-ins started again after an expired session before the scenario gives up. */
  static final int MAX_SIGN_INS = 3;

  static final DeviceConfigurationType DEVICE_CONFIGURATION =
      DeviceConfigurationType.builder()
          .challengeRequiredOnNewDevice(true)
          .deviceOnlyRememberedOnUserPrompt(false)
          .build();
  static final List<ExplicitAuthFlowsType> AUTH_FLOWS =
      List.of(
          ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
          ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
          ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);

  private SignUpUserWithMfa() {}

  /** What the steps share: where to talk, who answers, and what exists so far. */
  static final class Scenario {
    final Console console;
    final CleanupStack cleanup;
    final boolean keep;
    final String target;
    Player player;
    CognitoIdentityProviderClient client;
    LocalBackend backend;
    String userPoolId;
    String clientId;
    String clientSecret;
    String username;
    String password;
    String totpSecret;
    Path qrPath;
    String firstCode;
    AuthenticationResultType tokens;
    NewDeviceMetadataType newDevice;

    Scenario(Console console, CleanupStack cleanup, boolean keep, String target) {
      this.console = console;
      this.cleanup = cleanup;
      this.keep = keep;
      this.target = target;
    }

    /** SECRET_HASH for the user when the app client has a secret, else null. */
    String secretHash(String user) {
      return clientSecret == null ? null : SecretHash.secretHash(user, clientId, clientSecret);
    }

    String secretHash() {
      return secretHash(username);
    }

    /** The time Cognito goes by: the local backend's clock, or this machine's. */
    Instant serverNow() {
      if (backend == null) {
        return Instant.now();
      }
      try {
        return Instant.ofEpochMilli((long) (backend.now() * 1000));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static boolean sessionExpired(CognitoIdentityProviderException e) {
    String message = e.awsErrorDetails().errorMessage();
    return e instanceof NotAuthorizedException
        && message != null
        && message.toLowerCase(Locale.ROOT).contains("session");
  }

  private static String message(CognitoIdentityProviderException e) {
    return e.awsErrorDetails().errorMessage();
  }

  // snippet-start:[java.v2.cognito-idp.Scenario_SignUpUserWithMfa]
  /** Steps 1 to 7; step 8 (clean-up) runs in {@code run} whatever happens here. */
  static void runScenario(Scenario s, ScenarioOptions options) {
    step1Target(s, options);
    step2SignUp(s);
    step3ListUsers(s);
    boolean verified = false;
    for (int i = 0; i < MAX_SIGN_INS && !verified; i++) {
      String session = step4StartMfaSetup(s);
      verified = step5VerifyAuthenticator(s, session);
      if (!verified) {
        s.console.problem(
            "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again."
                + " Cognito hands out a new secret, so replace the entry in your authenticator"
                + " app.");
      }
    }
    if (!verified) {
      throw new ScenarioAborted("the sign-in session expired again and again");
    }
    step6SignInWithTotp(s);
    step7RememberDevice(s);
  }

  static void step1Target(Scenario s, ScenarioOptions options) {
    s.console.step(1, "Where the scenario runs");
    if (s.target.equals("local")) {
      if (options.endpoint() != null) {
        s.backend = LocalBackend.at(options.endpoint());
      } else {
        s.console.say("Starting the local Cognito backend (cognito-emulator) on a free port.");
        try {
          LocalBackend starting =
              s.cleanup.create(
                  SignUpUserWithMfa::launchBackend,
                  b -> "the local backend (stopped) and its folder",
                  b -> b::close);
          s.backend = starting.awaitReady();
        } catch (IOException | UncheckedIOException e) {
          throw new ScenarioAborted(e.getMessage());
        }
      }
      s.client = Targets.localClient(s.backend.url());
      s.console.ok(
          "Local Cognito backend at " + s.backend.url() + "; codes it 'e-mails' go to its outbox.");
      createPoolAndClient(s);
      return;
    }
    s.client = Targets.awsClient();
    if (options.userPoolId() != null) {
      useExistingPool(s, options.userPoolId(), options.clientId());
      return;
    }
    String region = s.client.serviceClientConfiguration().region().id();
    s.console.say(
        "This creates, in your AWS account (Region "
            + region
            + "): a user pool named mfa-scenario-* (MFA required, authenticator apps, device"
            + " tracking) and an app client. Cognito may charge for them (most use stays in the"
            + " free tier). The scenario deletes both at the end.");
    if (!s.player.confirm("Create them?")) {
      throw new ScenarioAborted("nothing created: you chose not to create the user pool");
    }
    createPoolAndClient(s);
  }

  static void createPoolAndClient(Scenario s) {
    String name = "mfa-scenario-" + UUID.randomUUID().toString().substring(0, 8);
    s.console.call(
        "CreateUserPool",
        "a directory for the users, verifying e-mail addresses and tracking the devices they"
            + " sign in from.");
    CognitoIdentityProviderClient client = s.client;
    String poolId =
        s.cleanup.create(
            () -> CreateUserPool.createUserPool(client, name, true, DEVICE_CONFIGURATION).id(),
            id -> "user pool " + id,
            "DeleteUserPool",
            id -> () -> DeleteUserPool.deleteUserPool(client, id));
    s.userPoolId = poolId;
    s.console.ok("User pool " + name + " created.");
    s.console.show("User pool ID", poolId);

    s.console.call(
        "SetUserPoolMfaConfig",
        "makes MFA required (ON), with authenticator apps (software tokens), so every user must"
            + " set one up at first sign-in.");
    SetUserPoolMfaConfig.setUserPoolMfaConfig(s.client, poolId, UserPoolMfaType.ON, true);
    s.console.ok("MFA required, by authenticator app (TOTP).");

    s.console.call(
        "CreateUserPoolClient",
        "the app client that sign-up and sign-in go through; no client secret, and the admin"
            + " password flow allowed.");
    String appId =
        s.cleanup.create(
            () ->
                CreateUserPoolClient.createUserPoolClient(
                        client, poolId, "mfa-scenario-app", false, AUTH_FLOWS)
                    .clientId(),
            id -> "app client " + id,
            "DeleteUserPoolClient",
            id -> () -> DeleteUserPoolClient.deleteUserPoolClient(client, poolId, id));
    s.clientId = appId;
    s.console.ok("App client created.");
    s.console.show("App client ID", appId);
  }

  static void step2SignUp(Scenario s) {
    s.console.step(2, "Sign up and confirm the sign-up");
    String username = s.player.username();
    String password = s.player.password();
    String email = s.player.email(username);
    SignUpResponse result = null;
    for (int i = 0; i < MAX_TRIES && result == null; i++) {
      s.console.call(
          "SignUp", "creates the user, unconfirmed, and has Cognito e-mail a confirmation code.");
      String name = username;
      String secret = password;
      String address = email;
      CognitoIdentityProviderClient client = s.client;
      String poolId = s.userPoolId;
      try {
        result =
            s.cleanup.create(
                () -> SignUp.signUp(client, s.clientId, name, secret, address, s.secretHash(name)),
                created -> "user " + name,
                "AdminDeleteUser",
                created -> () -> AdminDeleteUser.adminDeleteUser(client, poolId, name));
      } catch (UsernameExistsException e) {
        s.console.problem("The user name " + username + " is taken. Choose another one.");
        username = s.player.username();
      } catch (InvalidPasswordException e) {
        s.console.problem(
            "Cognito refused the password: "
                + message(e)
                + ". The pool's policy: "
                + Player.PASSWORD_RULES
                + ".");
        password = s.player.password();
      } catch (InvalidParameterException e) {
        String lower = message(e).toLowerCase(Locale.ROOT);
        if (lower.contains("password")) {
          s.console.problem("Cognito refused the password: " + message(e));
          password = s.player.password();
        } else if (lower.contains("email")) {
          s.console.problem("Cognito refused the e-mail address: " + message(e));
          email = s.player.email(username);
        } else if (lower.contains("username")) {
          s.console.problem(
              "Cognito refused the user name: "
                  + message(e)
                  + " Use at most 128 letters, digits and symbols, without spaces.");
          username = s.player.username();
          email = s.player.email(username);
        } else {
          throw e;
        }
      }
    }
    if (result == null) {
      throw new ScenarioAborted("sign-up refused too many times");
    }
    s.username = username;
    s.password = password;
    CodeDeliveryDetailsType delivery = result.codeDeliveryDetails();
    s.console.ok(
        "Signed up %s (user sub %s); Cognito sent a code by %s to %s."
            .formatted(
                username,
                result.userSub(),
                delivery == null ? "e-mail" : delivery.deliveryMediumAsString(),
                delivery == null ? "the user" : delivery.destination()));
    confirmTheSignUp(s);
  }

  /** On local, the newest code the backend delivered (shown); on AWS, null (e-mailed). */
  static String deliveredCode(Scenario s) {
    if (s.backend == null) {
      s.console.say("Look for the e-mail from Cognito (no-reply@verificationemail.com).");
      return null;
    }
    String code;
    try {
      code = s.backend.latestCode(s.username, s.userPoolId);
    } catch (IOException e) {
      throw new ScenarioAborted("the local backend didn't say which code it sent: " + e);
    }
    if (code == null) {
      throw new ScenarioAborted("the local backend delivered no confirmation code");
    }
    s.console.say("The local backend 'e-mailed' the code to its outbox: " + code);
    return code;
  }

  static void confirmTheSignUp(Scenario s) {
    String shown = deliveredCode(s);
    for (int i = 0; i < MAX_TRIES; i++) {
      String answer = s.player.confirmationCode(shown);
      if (answer.equalsIgnoreCase("r") || answer.equalsIgnoreCase("resend")) {
        s.console.call(
            "ResendConfirmationCode", "has Cognito send a new code to the same address.");
        ResendConfirmationCode.resendConfirmationCode(
            s.client, s.clientId, s.username, s.secretHash());
        shown = deliveredCode(s);
        continue;
      }
      s.console.call(
          "ConfirmSignUp",
          "proves the user owns the e-mail address; the user becomes CONFIRMED and can sign in.");
      try {
        ConfirmSignUp.confirmSignUp(s.client, s.clientId, s.username, answer, s.secretHash());
      } catch (CodeMismatchException e) {
        s.console.problem("Wrong code: " + message(e) + " Type it again, or r for a new one.");
        continue;
      } catch (ExpiredCodeException e) {
        s.console.problem("That code has expired: " + message(e) + " Type r for a new one.");
        continue;
      }
      s.console.ok(s.username + " is confirmed.");
      return;
    }
    throw new ScenarioAborted("too many wrong confirmation codes");
  }

  static void step3ListUsers(Scenario s) {
    s.console.step(3, "List the users of the pool");
    s.console.call("ListUsers", "reads the pool's users, to see the new one and its status.");
    List<UserType> users = ListUsers.listUsers(s.client, s.userPoolId);
    for (UserType user : users.subList(0, Math.min(20, users.size()))) {
      String email =
          user.attributes().stream()
              .filter(a -> a.name().equals("email"))
              .map(AttributeType::value)
              .findFirst()
              .orElse("");
      String marker = user.username().equals(s.username) ? "   <- new" : "";
      s.console.write(
          "     %s  %s  %s%s".formatted(user.username(), user.userStatusAsString(), email, marker));
    }
    if (users.size() > 20) {
      s.console.write("     ... and " + (users.size() - 20) + " more");
    }
    if (users.stream().noneMatch(u -> u.username().equals(s.username))) {
      throw new ScenarioAborted("ListUsers doesn't show " + s.username);
    }
  }

  /** Signs in with the password (and a device); Cognito must answer the expected challenge. */
  static AdminInitiateAuthResponse signInExpecting(
      Scenario s, ChallengeNameType expected, String deviceKey, String why) {
    s.console.call("AdminInitiateAuth", why);
    AdminInitiateAuthResponse response =
        AdminInitiateAuth.adminInitiateAuth(
            s.client, s.userPoolId, s.clientId, s.username, s.password, s.secretHash(), deviceKey);
    if (response.challengeName() != expected) {
      throw new ScenarioAborted(
          "expected the %s challenge, Cognito answered %s"
              .formatted(expected, response.challengeNameAsString()));
    }
    return response;
  }

  /** The challenge answers, with SECRET_HASH when the app client has a secret. */
  static Map<String, String> answers(Scenario s, Map<String, String> answers) {
    Map<String, String> all = new HashMap<>(answers);
    if (s.secretHash() != null) {
      all.put("SECRET_HASH", s.secretHash());
    }
    return all;
  }

  static String step4StartMfaSetup(Scenario s) {
    s.console.step(4, "Sign in: Cognito asks to set up an authenticator app");
    AdminInitiateAuthResponse response =
        signInExpecting(
            s,
            ChallengeNameType.MFA_SETUP,
            null,
            "signs in with the password; the pool requires MFA and the user has none yet, so"
                + " Cognito answers with the MFA_SETUP challenge.");
    s.console.ok("Challenge MFA_SETUP, session " + Console.mask(response.session()));
    s.console.call(
        "AssociateSoftwareToken",
        "asks Cognito for a new TOTP secret for the user; the authenticator app derives its"
            + " codes from it.");
    AssociateSoftwareTokenResponse associated =
        AssociateSoftwareToken.associateSoftwareToken(s.client, response.session(), null);
    s.totpSecret = associated.secretCode();
    showAuthenticatorSetup(s);
    return associated.session() != null ? associated.session() : response.session();
  }

  /**
   * The setup key and QR code, then the prompt for the app's first code, all on one 80x24 screen
   * (the image path comes first); the code is answered in step 5.
   */
  static void showAuthenticatorSetup(Scenario s) {
    // At most 21 lines, so that the key, the QR code and the code prompt fit on one screen.
    AuthenticatorSetup.Fitted fitted = AuthenticatorSetup.fittingUri(s.totpSecret, s.username);
    String uri = fitted.uri();
    if (s.qrPath != null) { // a second set-up after an expired session
      Path old = s.qrPath;
      s.cleanup.discard("the QR code image");
      try {
        AuthenticatorSetup.removeQrPng(old);
      } catch (IOException e) {
        s.console.problem("Couldn't remove the old QR code image " + old + ": " + e.getMessage());
      }
      s.qrPath = null;
    }
    try {
      s.qrPath =
          s.keep
              ? writeQrPng(uri)
              : s.cleanup.create(
                  () -> writeQrPng(uri),
                  p -> "the QR code image",
                  p -> () -> AuthenticatorSetup.removeQrPng(p));
      s.console.say(
          "The QR code below is also in this image, to scan it again later"
              + (s.keep
                  ? " (kept: --keep; it holds the secret):"
                  : " (private; removed at the end):"));
      s.console.write(s.qrPath.toString());
    } catch (UncheckedIOException e) {
      s.console.problem("Couldn't write the QR code image: " + e.getMessage());
    }
    s.console.say(
        "Add an account to your authenticator app: scan the QR code, or type the setup key"
            + " (time-based, 6 digits, every 30 seconds).");
    s.console.show("Account", AuthenticatorSetup.ISSUER + ":" + fitted.label());
    s.console.show("Setup key", AuthenticatorSetup.groupSetupKey(s.totpSecret));
    if (!AuthenticatorSetup.drawQr(uri, s.console.out(), charset(s.console.out()))) {
      s.console.say("(The QR code is too large for this screen: open the image above.)");
    }
    s.firstCode = s.player.totpCode(s.totpSecret);
  }

  /** Verifies the app's first code and answers MFA_SETUP; false if the session expired. */
  static boolean step5VerifyAuthenticator(Scenario s, String session) {
    s.console.step(5, "Verify the authenticator app and finish signing in");
    VerifySoftwareTokenResponse verified = null;
    for (int i = 0; i < MAX_TRIES && verified == null; i++) {
      String code = i == 0 && s.firstCode != null ? s.firstCode : s.player.totpCode(s.totpSecret);
      s.console.call(
          "VerifySoftwareToken",
          "checks the app's code against the secret, which proves the app is set up; Cognito"
              + " registers it as the user's MFA.");
      try {
        verified =
            VerifySoftwareToken.verifySoftwareToken(
                s.client, code, session, null, "authenticator app");
      } catch (EnableSoftwareTokenMfaException | CodeMismatchException e) {
        s.console.problem(
            "Cognito refused the code ("
                + message(e)
                + "). Check the account in the app and the phone's clock, then type the current"
                + " code.");
      } catch (NotAuthorizedException e) {
        if (sessionExpired(e)) {
          return false;
        }
        throw e;
      }
    }
    if (verified == null) {
      throw new ScenarioAborted("too many wrong authenticator codes");
    }
    s.console.ok("Status " + verified.statusAsString() + ".");
    s.console.call(
        "AdminRespondToAuthChallenge (MFA_SETUP)",
        "tells Cognito the set-up is done; it answers with the user's tokens.");
    try {
      AdminRespondToAuthChallengeResponse result =
          AdminRespondToAuthChallenge.adminRespondToAuthChallenge(
              s.client,
              s.userPoolId,
              s.clientId,
              ChallengeNameType.MFA_SETUP,
              verified.session() != null ? verified.session() : session,
              answers(s, Map.of("USERNAME", s.username)));
      showTokens(s, result);
    } catch (NotAuthorizedException e) {
      if (sessionExpired(e)) {
        return false;
      }
      throw e;
    }
    return true;
  }

  static AuthenticationResultType showTokens(
      Scenario s, AdminRespondToAuthChallengeResponse result) {
    AuthenticationResultType tokens = result.authenticationResult();
    if (tokens == null || tokens.accessToken() == null) {
      throw new ScenarioAborted(
          "expected tokens, Cognito answered " + result.challengeNameAsString());
    }
    s.console.ok("Signed in. Tokens (masked):");
    s.console.show("IdToken", Console.mask(tokens.idToken()));
    s.console.show("AccessToken", Console.mask(tokens.accessToken()));
    s.console.show("RefreshToken", Console.mask(tokens.refreshToken()));
    s.tokens = tokens;
    return tokens;
  }

  static void step6SignInWithTotp(Scenario s) {
    s.console.step(6, "Sign in with password + authenticator code");
    for (int i = 0; i < MAX_SIGN_INS; i++) {
      AdminInitiateAuthResponse response =
          signInExpecting(
              s,
              ChallengeNameType.SOFTWARE_TOKEN_MFA,
              null,
              "signs in with the password; the user has an authenticator now, so Cognito asks"
                  + " for its code (SOFTWARE_TOKEN_MFA).");
      s.console.ok("Challenge SOFTWARE_TOKEN_MFA, session " + Console.mask(response.session()));
      AdminRespondToAuthChallengeResponse result = answerTotpChallenge(s, response.session());
      if (result != null) {
        AuthenticationResultType tokens = showTokens(s, result);
        s.newDevice = tokens.newDeviceMetadata();
        return;
      }
      s.console.problem(
          "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again.");
    }
    throw new ScenarioAborted("the sign-in session expired again and again");
  }

  /** Sends the app's code until Cognito accepts it; null when the session expired. */
  static AdminRespondToAuthChallengeResponse answerTotpChallenge(Scenario s, String session) {
    for (int i = 0; i < MAX_TRIES; i++) {
      String code = s.player.totpCode(s.totpSecret);
      s.console.call(
          "AdminRespondToAuthChallenge (SOFTWARE_TOKEN_MFA)",
          "sends the app's current code, the second factor.");
      try {
        return AdminRespondToAuthChallenge.adminRespondToAuthChallenge(
            s.client,
            s.userPoolId,
            s.clientId,
            ChallengeNameType.SOFTWARE_TOKEN_MFA,
            session,
            answers(s, Map.of("USERNAME", s.username, "SOFTWARE_TOKEN_MFA_CODE", code)));
      } catch (CodeMismatchException e) {
        s.console.problem(
            "Cognito refused the code (" + message(e) + "). Type the code the app shows now.");
      } catch (NotAuthorizedException e) {
        if (sessionExpired(e)) {
          return null;
        }
        throw e;
      }
    }
    throw new ScenarioAborted("too many wrong authenticator codes");
  }

  static void step7RememberDevice(Scenario s) {
    s.console.step(7, "Remember the device, sign in with it, list and forget it");
    if (s.newDevice == null || s.newDevice.deviceKey() == null) {
      throw new ScenarioAborted(
          "Cognito sent no NewDeviceMetadata: the pool doesn't track devices");
    }
    String key = s.newDevice.deviceKey();
    String groupKey = s.newDevice.deviceGroupKey();
    s.console.say(
        "Cognito started tracking the device of this sign-in: "
            + key
            + ". Remembering it lets later sign-ins from it skip the authenticator code.");
    DeviceSrp.Registration registration = DeviceSrp.register(groupKey, key);
    String deviceName = deviceName();
    s.console.call(
        "ConfirmDevice",
        "registers the device with an SRP verifier of a random device password; the password"
            + " itself never leaves this program.");
    boolean ask =
        Boolean.TRUE.equals(
            ConfirmDevice.confirmDevice(
                    s.client,
                    s.tokens.accessToken(),
                    key,
                    registration.verifierConfig(),
                    deviceName)
                .userConfirmationNecessary());
    if (ask) {
      s.console.call(
          "UpdateDeviceStatus",
          "the pool remembers devices only when asked: marks this one remembered.");
      UpdateDeviceStatus.updateDeviceStatus(s.client, s.tokens.accessToken(), key, true);
    }
    s.console.ok("Device remembered as '" + deviceName + "'.");

    AdminInitiateAuthResponse response =
        signInExpecting(
            s,
            ChallengeNameType.DEVICE_SRP_AUTH,
            key,
            "signs in with the password and the remembered device's key; Cognito asks the device"
                + " to prove itself (DEVICE_SRP_AUTH) instead of asking for a code.");
    DeviceSrp proof = new DeviceSrp(groupKey, key, registration.password());
    s.console.call(
        "AdminRespondToAuthChallenge (DEVICE_SRP_AUTH)",
        "sends SRP_A, the device's public value for this sign-in.");
    AdminRespondToAuthChallengeResponse challenge =
        AdminRespondToAuthChallenge.adminRespondToAuthChallenge(
            s.client,
            s.userPoolId,
            s.clientId,
            ChallengeNameType.DEVICE_SRP_AUTH,
            response.session(),
            answers(s, Map.of("USERNAME", s.username, "DEVICE_KEY", key, "SRP_A", proof.srpA())));
    if (challenge.challengeName() != ChallengeNameType.DEVICE_PASSWORD_VERIFIER) {
      throw new ScenarioAborted(
          "expected the DEVICE_PASSWORD_VERIFIER challenge, Cognito answered "
              + challenge.challengeNameAsString());
    }
    s.console.call(
        "AdminRespondToAuthChallenge (DEVICE_PASSWORD_VERIFIER)",
        "proves the device knows its password, without sending the password.");
    AdminRespondToAuthChallengeResponse result =
        AdminRespondToAuthChallenge.adminRespondToAuthChallenge(
            s.client,
            s.userPoolId,
            s.clientId,
            ChallengeNameType.DEVICE_PASSWORD_VERIFIER,
            challenge.session(),
            proof.passwordVerifier(challenge.challengeParameters(), s.secretHash(), s.serverNow()));
    showTokens(s, result);
    s.console.ok("Signed in with password + remembered device: no authenticator code asked.");

    s.console.call("ListDevices", "lists the user's tracked devices.");
    for (DeviceType device : ListDevices.listDevices(s.client, s.tokens.accessToken())) {
      Map<String, String> attributes = new HashMap<>();
      device.deviceAttributes().forEach(a -> attributes.put(a.name(), a.value()));
      s.console.write("     " + device.deviceKey());
      s.console.write(
          "       %s, %s"
              .formatted(
                  attributes.getOrDefault("device_name", ""),
                  attributes.getOrDefault("dev:device_remembered_status", "")));
    }
    s.console.call(
        "ForgetDevice",
        "forgets the device: the next sign-in from it asks for the authenticator code again.");
    ForgetDevice.forgetDevice(s.client, s.tokens.accessToken(), key);
    s.console.ok("Device " + key + " forgotten.");
  }

  // snippet-end:[java.v2.cognito-idp.Scenario_SignUpUserWithMfa]

  private static LocalBackend launchBackend() {
    try {
      return LocalBackend.launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writeQrPng(String uri) {
    try {
      return AuthenticatorSetup.writeQrPng(uri);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String deviceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "this computer";
    }
    String name = "mfa scenario on " + host;
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  static void useExistingPool(Scenario s, String poolId, String clientId) {
    s.console.call(
        "DescribeUserPool / GetUserPoolMfaConfig / DescribeUserPoolClient",
        "checks that the given pool requires TOTP MFA and tracks devices.");
    var pool = DescribeUserPool.describeUserPool(s.client, poolId);
    GetUserPoolMfaConfigResponse mfa = GetUserPoolMfaConfig.getUserPoolMfaConfig(s.client, poolId);
    UserPoolClientType app =
        DescribeUserPoolClient.describeUserPoolClient(s.client, poolId, clientId);
    if (mfa.mfaConfiguration() != UserPoolMfaType.ON
        || mfa.softwareTokenMfaConfiguration() == null
        || !Boolean.TRUE.equals(mfa.softwareTokenMfaConfiguration().enabled())) {
      throw new ScenarioAborted("user pool " + poolId + " must require MFA (ON) with TOTP");
    }
    if (pool.deviceConfiguration() == null) {
      throw new ScenarioAborted("user pool " + poolId + " doesn't track devices");
    }
    if (!app.explicitAuthFlows().contains(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)) {
      throw new ScenarioAborted(
          "app client " + clientId + " must allow ALLOW_ADMIN_USER_PASSWORD_AUTH");
    }
    s.userPoolId = poolId;
    s.clientId = clientId;
    s.clientSecret = app.clientSecret();
    s.console.ok(
        "Using user pool "
            + poolId
            + " and app client "
            + clientId
            + (s.clientSecret != null ? " (with a secret: calls carry a SECRET_HASH)." : "."));
  }

  /** Step 8: removes what the scenario created; false if something couldn't be removed. */
  static boolean step8CleanUp(Scenario s) {
    s.console.step(TOTAL_STEPS, "Clean up");
    if (s.cleanup.size() == 0) {
      s.console.say("Nothing to remove: the scenario created nothing.");
    }
    List<CleanupStack.Outcome> outcomes =
        s.cleanup.close(
            (what, operation) -> {
              if (operation != null) {
                s.console.call(operation, "removes " + what + ".");
              }
            },
            outcome -> {
              if (outcome.ok()) {
                s.console.ok("Removed " + outcome.what() + ".");
              } else {
                s.console.problem("Couldn't remove " + outcome.what() + ": " + outcome.error());
              }
            });
    boolean allRemoved = outcomes.stream().allMatch(CleanupStack.Outcome::ok);
    if (s.keep && s.qrPath != null) {
      s.console.say("Kept (--keep), the QR code image:");
      s.console.write(s.qrPath.toString());
    }
    return allRemoved;
  }

  /**
   * The character set of {@code out}'s terminal: UTF-8 through a pipe, else the console's.
   *
   * @param out the stream
   * @return the character set
   */
  static Charset charset(PrintStream out) {
    if (System.console() == null) {
      return StandardCharsets.UTF_8;
    }
    String name = System.getProperty("sun.stdout.encoding", System.getProperty("native.encoding"));
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /**
   * Runs the scenario; returns the exit status (0, 1, 2; 130 or 143 come from the JVM after a
   * signal, when the shutdown hook has cleaned up).
   *
   * @param args the command line
   * @param lines where answers come from (tests), or null for the terminal
   * @param out the transcript
   * @param err one line when the scenario stops
   * @return the exit status
   */
  static int run(String[] args, InteractivePlayer.Lines lines, PrintStream out, PrintStream err) {
    ScenarioOptions options;
    try {
      options = ScenarioOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(PROG + ": " + e.getMessage());
      err.println(ScenarioOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(ScenarioOptions.USAGE);
      return 0;
    }
    if (options.target().equals("aws") && options.auto()) {
      err.println(PROG + ": --auto runs only on --target local (on AWS the code comes by e-mail).");
      return 2;
    }
    if (options.target().equals("aws") && System.getenv("CI") != null) {
      err.println(PROG + ": --target aws never runs in CI (CI is set).");
      return 2;
    }
    if (!options.auto() && lines == null && System.console() == null) {
      err.println(
          PROG
              + ": stdin is not a terminal: run it in a terminal, or pass --auto (java -jar"
              + " target/cognito-idp-examples.jar --auto).");
      return 2;
    }
    Console console = new Console(out, TOTAL_STEPS);
    Scenario s = new Scenario(console, new CleanupStack(), options.keep(), options.target());
    Supplier<Instant> serverNow = s::serverNow;
    s.player =
        options.auto()
            ? new AutoPlayer(console, serverNow)
            : new InteractivePlayer(
                console,
                lines == null ? InteractivePlayer.Lines.of(System.console()) : lines,
                serverNow);
    console.say(
        "Amazon Cognito: sign up, set up an authenticator app, sign in with TOTP, remember the"
            + " device."
            + (options.auto() ? "" : " Ctrl-C stops and cleans up."));

    Finisher finisher = new Finisher(s, err);
    Thread hook = new Thread(finisher::onSignal, "scenario-clean-up");
    Runtime.getRuntime().addShutdownHook(hook);
    Logger actions = Logger.getLogger("com.example.cognito.actions");
    Level previous = actions.getLevel();
    actions.setLevel(Level.OFF); // the scenario explains Cognito's errors itself
    int status = 0;
    String reason = "";
    try {
      runScenario(s, options);
    } catch (ScenarioAborted e) {
      status = 1;
      reason = e.getMessage();
    } catch (CognitoIdentityProviderException e) {
      status = 1;
      reason =
          "%s failed: %s: %s"
              .formatted(operationOf(e), e.awsErrorDetails().errorCode(), message(e));
    } catch (SdkException e) { // no Region or credentials, endpoint unreachable
      status = 1;
      reason = e.getMessage().lines().findFirst().orElse("SDK error");
    } catch (RuntimeException e) { // anything else: still clean up, and say it in one line
      status = 1;
      reason = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      actions.setLevel(previous);
    }
    int result = finisher.finish(status, reason);
    boolean signalled = false;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // A signal came: the JVM is shutting down, and exits 130 or 143 once the hook returns
      // (the hook cleaned up, or says why the run ends if the clean-up here was under way).
      signalled = true;
    }
    if (result == 0 && !signalled) {
      console.write();
      console.write("Done: sign-up, authenticator set-up, TOTP sign-in and a remembered device.");
    }
    return result;
  }

  /** The operation that failed: the action example it was called through. */
  private static String operationOf(CognitoIdentityProviderException e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("com.example.cognito.actions.")) {
        return frame.getClassName().substring("com.example.cognito.actions.".length());
      }
    }
    return "a call";
  }

  /** Step 8, run once: by the main thread at the end, or by the shutdown hook on a signal. */
  static final class Finisher {
    private final Scenario s;
    private final PrintStream err;
    private boolean done;
    private int finishedWith;

    Finisher(Scenario s, PrintStream err) {
      this.s = s;
      this.err = err;
    }

    synchronized int finish(int status, String reason) {
      if (done) {
        if (finishedWith == 0) { // a signal during a clean-up that went right: still the end
          err.println(PROG + ": interrupted while cleaning up");
        }
        return 1;
      }
      done = true;
      s.console.onlyFrom(Thread.currentThread()); // the steps' thread may still be printing
      if (status != 0) {
        s.console.write(); // a signal may come in the middle of a prompt's line
        s.console.problem("Stopping: " + reason + (reason.endsWith(".") ? "" : "."));
      }
      boolean cleaned = step8CleanUp(s);
      if (s.client != null) {
        s.client.close();
      }
      if (!cleaned && status == 0) {
        status = 1;
        reason = "some resources couldn't be removed (listed above)";
      }
      if (status != 0) {
        err.println(PROG + ": " + reason);
      }
      finishedWith = status;
      return status;
    }

    void onSignal() {
      finish(130, "interrupted (Ctrl-C or SIGTERM)");
    }
  }

  /**
   * Runs the scenario and exits with its status.
   *
   * @param args the command line (see {@code --help})
   */
  public static void main(String[] args) {
    PrintStream out =
        System.console() == null
            ? new PrintStream(
                new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8)
            : System.out;
    int status = run(args, null, out, System.err);
    out.flush();
    System.exit(status);
  }
}
