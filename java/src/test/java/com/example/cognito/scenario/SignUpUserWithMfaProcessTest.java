// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/** The scenario as its own process: signals, and what the environment says (CI). */
@ExtendWith(CognitoEmulatorExtension.class)
class SignUpUserWithMfaProcessTest {

  private static ProcessBuilder scenario(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SignUpUserWithMfa.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  @Test
  void refusesTheAwsTargetInCi() throws IOException, InterruptedException {
    ProcessBuilder builder = scenario("--target", "aws");
    builder.environment().put("CI", "true");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(2, process.waitFor());
    assertEquals("SignUpUserWithMfa: --target aws never runs in CI (CI is set).\n", output);
  }

  /** Ctrl-C (SIGINT) or SIGTERM in the middle of a run: clean-up first, then 130 or 143. */
  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalCleansUpBeforeExiting(
      String signal, int expectedStatus, CognitoIdentityProviderClient client, LocalBackend backend)
      throws IOException, InterruptedException {
    Process process = scenario("--auto", "--endpoint", backend.url().toString()).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean sent = false;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (!sent && line.startsWith("Step 3 of 8")) { // the pool and the user exist
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
          sent = true;
        }
      }
    } finally {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    Transcript t = Transcript.of(process.exitValue(), String.join("\n", lines), "");

    t.assertStatus(expectedStatus);
    assertTrue(t.steps().contains(8), "step 8 ran");
    String pool = t.first(Transcript.POOL, 1);
    assertEquals(3, t.all(Transcript.REMOVED, 1).size(), "user, app client, pool");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("SignUpUserWithMfa: interrupted")));
    assertFalse(
        client.listUserPools(r -> r.maxResults(60)).userPools().stream()
            .map(UserPoolDescriptionType::id)
            .toList()
            .contains(pool),
        "no pool left behind");
  }
}
