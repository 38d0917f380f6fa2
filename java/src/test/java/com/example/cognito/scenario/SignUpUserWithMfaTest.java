// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

@ExtendWith(CognitoEmulatorExtension.class)
class SignUpUserWithMfaTest {

  private static Transcript run(InteractivePlayer.Lines lines, String... args) {
    return run(lines, new ByteArrayOutputStream(), args);
  }

  private static Transcript run(
      InteractivePlayer.Lines lines, ByteArrayOutputStream out, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        SignUpUserWithMfa.run(
            args,
            lines,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return Transcript.of(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> poolIds(CognitoIdentityProviderClient client) {
    return client.listUserPools(r -> r.maxResults(60)).userPools().stream()
        .map(UserPoolDescriptionType::id)
        .toList();
  }

  /** Answers prompts by their words, as the specification's harness does. */
  private static final class ScriptedUser implements InteractivePlayer.Lines {
    final List<String> prompts = new ArrayList<>();
    final Function<String, String> answer;

    ScriptedUser(Function<String, String> answer) {
      this.answer = answer;
    }

    @Override
    public String readLine(String prompt) {
      prompts.add(prompt);
      return answer.apply(prompt);
    }

    @Override
    public String readSecret(String prompt) {
      return readLine(prompt);
    }
  }

  @Test
  void autoRunsEveryStepAndLeavesNothingBehind(
      CognitoIdentityProviderClient client, LocalBackend backend) {
    Transcript t = run(null, "--auto", "--endpoint", backend.url().toString());

    t.assertStatus(0);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), t.steps());
    assertEquals(
        List.of(
            "CreateUserPool",
            "SetUserPoolMfaConfig",
            "CreateUserPoolClient",
            "SignUp",
            "ConfirmSignUp",
            "ListUsers",
            "AdminInitiateAuth",
            "AssociateSoftwareToken",
            "VerifySoftwareToken",
            "AdminRespondToAuthChallenge/MFA_SETUP",
            "AdminInitiateAuth",
            "AdminRespondToAuthChallenge/SOFTWARE_TOKEN_MFA",
            "ConfirmDevice",
            "AdminInitiateAuth",
            "AdminRespondToAuthChallenge/DEVICE_SRP_AUTH",
            "AdminRespondToAuthChallenge/DEVICE_PASSWORD_VERIFIER",
            "ListDevices",
            "ForgetDevice",
            "AdminDeleteUser",
            "DeleteUserPoolClient",
            "DeleteUserPool"),
        t.calls());
    assertEquals(9, t.all(Transcript.TOKEN, 1).size(), "three sign-ins, three tokens each");
    assertTrue(t.first(Transcript.SETUP_KEY, 1).replace(" ", "").matches("[A-Z2-7]{32}"));
    t.first(Transcript.CODE, 1);
    t.assertReadableAndMasked();
    assertTrue(t.lines().get(t.lines().size() - 1).startsWith("Done: "));
    // Clean-up: everything created, last created first.
    String pool = t.first(Transcript.POOL, 1);
    String app = t.first(Transcript.APP_CLIENT, 1);
    String user = t.first(Transcript.AUTO_USERNAME, 1);
    assertEquals(
        List.of("the QR code image", "user " + user, "app client " + app, "user pool " + pool),
        t.all(Transcript.REMOVED, 1));
    assertFalse(poolIds(client).contains(pool), "the pool is gone");
    String png =
        t.lines().stream().filter(l -> l.endsWith("totp-qr.png")).findFirst().orElseThrow();
    assertFalse(Files.exists(Path.of(png)), "the QR image is removed");
  }

  @Test
  void keepLeavesTheQrImageAndSaysWhere(LocalBackend backend) throws IOException {
    Transcript t = run(null, "--auto", "--keep", "--endpoint", backend.url().toString());

    t.assertStatus(0);
    Path png =
        Path.of(
            t.lines().stream().filter(l -> l.endsWith("totp-qr.png")).findFirst().orElseThrow());
    try {
      assertTrue(Files.exists(png), "kept");
      assertFalse(t.all(Transcript.REMOVED, 1).contains("the QR code image"));
      List<String> lines = t.lines();
      int kept = lines.indexOf("Kept (--keep), the QR code image:");
      assertEquals(png.toString(), lines.get(kept + 1), "the path on the line after");
    } finally {
      AuthenticatorSetup.removeQrPng(png);
    }
  }

  @Test
  void interactiveMistakesAreExplainedAndAskedAgain(
      CognitoIdentityProviderClient client, LocalBackend backend) {
    String taken = "taken-" + UUID.randomUUID().toString().substring(0, 8);
    String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Deque<String> usernames = new ArrayDeque<>(List.of(taken, fresh));
    Deque<String> passwords = new ArrayDeque<>(List.of("weak", "Str0ng-Enough!"));
    Deque<String> confirmations = new ArrayDeque<>(List.of("000000", "r"));
    Deque<String> totpCodes = new ArrayDeque<>(List.of("12ab56", "１２３４５６"));
    ScriptedUser person =
        new ScriptedUser(
            prompt -> {
              Transcript sofar = Transcript.of(0, out.toString(StandardCharsets.UTF_8), "");
              if (prompt.contains("User name")) {
                return usernames.poll();
              }
              if (prompt.contains("Password")) {
                if (passwords.size() == 2) { // someone takes the first name meanwhile
                  client.signUp(
                      r ->
                          r.clientId(sofar.first(Transcript.APP_CLIENT, 1))
                              .username(taken)
                              .password("Other-Passw0rd!")
                              .userAttributes(a -> a.name("email").value("t@example.com")));
                }
                return passwords.poll();
              }
              if (prompt.contains("E-mail")) {
                return "";
              }
              if (prompt.contains("Confirmation code")) {
                return confirmations.isEmpty()
                    ? latestCode(backend, fresh, sofar.first(Transcript.POOL, 1))
                    : confirmations.poll();
              }
              if (prompt.contains("authenticator app")) {
                return totpCodes.isEmpty() ? "" : totpCodes.poll(); // Enter: computed
              }
              throw new AssertionError("unexpected prompt " + prompt);
            });

    Transcript t = run(person, out, "--endpoint", backend.url().toString());

    t.assertStatus(0);
    List<String> problems = t.all(Transcript.PROBLEM, 1);
    assertEquals(5, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("is taken"), problems.get(0));
    assertTrue(problems.get(1).contains("refused the password"), problems.get(1));
    assertTrue(problems.get(2).startsWith("Wrong code"), problems.get(2));
    assertTrue(problems.get(3).contains("6 digits"), problems.get(3));
    assertTrue(problems.get(4).contains("6 digits"), problems.get(4));
    assertTrue(t.calls().contains("ResendConfirmationCode"));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), t.steps());
    t.assertReadableAndMasked();
    assertFalse(poolIds(client).contains(t.first(Transcript.POOL, 1)));
  }

  @Test
  void endOfInputStopsTheRunAndCleansUp(
      CognitoIdentityProviderClient client, LocalBackend backend) {
    ScriptedUser person =
        new ScriptedUser(prompt -> prompt.contains("Confirmation code") ? null : "");
    Deque<String> passwords = new ArrayDeque<>(List.of("Str0ng-Enough!"));
    ScriptedUser withPassword =
        new ScriptedUser(
            prompt -> prompt.contains("Password") ? passwords.poll() : person.answer.apply(prompt));

    Transcript t =
        run(withPassword, new ByteArrayOutputStream(), "--endpoint", backend.url().toString());

    t.assertStatus(1);
    assertTrue(t.err().startsWith("SignUpUserWithMfa: input ended"), t.err());
    assertEquals(List.of(1, 2, 8), t.steps());
    String pool = t.first(Transcript.POOL, 1);
    assertEquals(3, t.all(Transcript.REMOVED, 1).size(), "user, app client, pool");
    assertFalse(poolIds(client).contains(pool));
  }

  @Test
  void aCognitoErrorStopsTheRunAndAFailedRemovalIsReported(
      CognitoIdentityProviderClient client, LocalBackend backend) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScriptedUser person =
        new ScriptedUser(
            prompt -> {
              if (prompt.contains("Password")) {
                return "Str0ng-Enough!";
              }
              if (prompt.contains("Confirmation code")) { // the user vanishes meanwhile
                Transcript sofar = Transcript.of(0, out.toString(StandardCharsets.UTF_8), "");
                String user = sofar.first(Transcript.SIGNED_UP, 1);
                client.adminDeleteUser(
                    r -> r.userPoolId(sofar.first(Transcript.POOL, 1)).username(user));
                return "123456";
              }
              return "";
            });

    Transcript t = run(person, out, "--endpoint", backend.url().toString());

    t.assertStatus(1);
    assertTrue(
        t.err().startsWith("SignUpUserWithMfa: ConfirmSignUp failed: UserNotFoundException"),
        t.err());
    List<String> problems = t.all(Transcript.PROBLEM, 1);
    assertTrue(
        problems.stream()
            .anyMatch(
                p -> p.startsWith("Couldn't remove user ") && p.contains("UserNotFoundException")),
        problems.toString());
    String pool = t.first(Transcript.POOL, 1);
    assertTrue(t.all(Transcript.REMOVED, 1).contains("user pool " + pool), "the rest is removed");
    assertFalse(poolIds(client).contains(pool));
  }

  @Test
  void usageMistakesExitWithStatus2() {
    assertEquals(2, run(null, new ByteArrayOutputStream(), "--target", "mars").status());
    assertEquals(2, run(null, new ByteArrayOutputStream(), "--auto", "--target", "aws").status());
    assertEquals(
        2,
        run(null, new ByteArrayOutputStream(), "--user-pool-id", "us-east-1_x").status(),
        "needs --client-id and --target aws");
    Transcript noTerminal = run(null, new ByteArrayOutputStream());
    assertEquals(2, noTerminal.status());
    assertTrue(noTerminal.err().contains("--auto"), noTerminal.err());
    Transcript help = run(null, new ByteArrayOutputStream(), "--help");
    assertEquals(0, help.status());
    assertTrue(help.lines().get(0).startsWith("Usage:"));
  }

  private static String latestCode(LocalBackend backend, String user, String poolId) {
    try {
      return backend.latestCode(user, poolId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
