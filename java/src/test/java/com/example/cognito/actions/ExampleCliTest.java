// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** Every action's command line: {@code --help}, a run against the emulator, the exit status. */
@ExtendWith(CognitoEmulatorExtension.class)
class ExampleCliTest {

  private record Output(int status, String out, String err) {}

  private static Output execute(String[] args, int required, ExampleCli.Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ExampleCli.execute(
            args,
            "Example <arg>\n  Does something.",
            required,
            body,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code main} in this JVM and returns what it printed (it exits only on failure). */
  private static String runMain(Class<?> example, String... args) throws Exception {
    Method main = example.getMethod("main", String[].class);
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) args);
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AdminDeleteUser", "AdminGetUser", "AdminInitiateAuth", "AdminRespondToAuthChallenge",
        "AssociateSoftwareToken", "ConfirmDevice", "ConfirmSignUp", "CreateUserPool",
        "CreateUserPoolClient", "DeleteUserPool", "DeleteUserPoolClient", "DescribeUserPool",
        "DescribeUserPoolClient", "ForgetDevice", "GetUserPoolMfaConfig", "InitiateAuth",
        "ListDevices", "ListUsers", "RespondToAuthChallenge", "ResendConfirmationCode",
        "SecretHash", "SetUserPoolMfaConfig", "SignUp", "UpdateDeviceStatus",
        "VerifySoftwareToken"
      })
  void everyExampleAnswersHelp(String name) throws Exception {
    Class<?> example = Class.forName("com.example.cognito.actions." + name);

    String usage = runMain(example, "--help");

    assertTrue(usage.startsWith(name + " "), usage);
  }

  @Test
  void signUpAndAdminGetUserRunAgainstTheConfiguredEndpoint(Fixtures fx) throws Exception {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = Fixtures.unique("cli");

    String signedUp =
        runMain(
            SignUp.class, pool.clientId(), username, username + "@example.com", Fixtures.PASSWORD);
    String got = runMain(AdminGetUser.class, pool.id(), username);

    assertTrue(signedUp.contains("Code sent by EMAIL"), signedUp);
    assertTrue(got.contains("Status: " + UserStatusType.UNCONFIRMED), got);
  }

  @Test
  void signInOutputMasksTheTokens(Fixtures fx) throws Exception {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    String username = fx.confirmedUser(pool);

    String out =
        runMain(AdminInitiateAuth.class, pool.id(), pool.clientId(), username, Fixtures.PASSWORD);

    List<String> tokenLines = out.lines().filter(l -> l.contains("Token: ")).toList();
    assertEquals(3, tokenLines.size(), out);
    for (String line : tokenLines) {
      assertTrue(line.matches("\\w+Token: \\S{5}\\.\\.\\.\\S{4} \\(\\d+ chars\\)"), line);
    }
  }

  @Test
  void aMissingRegionIsOneShortLine() {
    String problem =
        ExampleCli.clientProblem(
            software.amazon.awssdk.core.exception.SdkClientException.create(
                "Unable to load region from any of the providers in the chain ..."));

    assertEquals("no AWS Region: set AWS_REGION, or a region in your AWS profile", problem);
  }

  @Test
  void exitStatusesSayWhatWentWrong() {
    Output help = execute(new String[] {"--help"}, 1, (c, a) -> {});
    Output missing = execute(new String[] {}, 1, (c, a) -> {});
    Output refused =
        execute(
            new String[] {"us-east-1_missing00"},
            1,
            (client, a) -> DescribeUserPool.describeUserPool(client, a.get(0)));
    Output badInput =
        execute(
            new String[] {"x"},
            1,
            (c, a) -> {
              throw new IllegalArgumentException("the status is remembered or not_remembered");
            });

    assertEquals(0, help.status());
    assertTrue(help.out().startsWith("Example <arg>"));
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("Example <arg>"));
    assertEquals(1, refused.status());
    assertTrue(refused.err().startsWith("Example: ResourceNotFoundException: "), refused.err());
    assertEquals(2, badInput.status());
    assertEquals("Example: the status is remembered or not_remembered\n", badInput.err());
    assertFalse(refused.out().contains("Exception"), "nothing on stdout");
  }
}
