package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

@ExtendWith(CognitoEmulatorExtension.class)
class SignUpUserWithMfaTest {

  private static Transcript run(InteractivePlayer.Lines lines, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
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
            "ForgetDevice"),
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
}
