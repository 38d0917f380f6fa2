// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The command line that every action's {@code main} shares: usage, a client from the default chain,
 * and one line for each kind of failure. Not part of any snippet: the example methods stand alone.
 */
public final class ExampleCli {

  /** What a {@code main} does once its arguments are there. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the example.
     *
     * @param client a client built from the SDK's default chain
     * @param args the positional arguments (at least as many as the usage requires)
     */
    void run(CognitoIdentityProviderClient client, List<String> args);
  }

  private ExampleCli() {}

  /**
   * Runs {@code body} like a program: prints the usage for {@code --help} (status 0), or when fewer
   * than {@code required} arguments are given (status 2); exits with status 1 when Cognito refuses
   * the call (the example has logged its error code and message), 2 when the SDK has no Region or
   * credentials.
   *
   * @param args the program's arguments
   * @param usage the usage text, starting with the class name
   * @param required how many positional arguments the example needs
   * @param body the example
   */
  public static void run(String[] args, String usage, int required, Body body) {
    int status = execute(args, usage, required, body, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Like {@link #run} but returns the exit status instead of exiting.
   *
   * @param args the program's arguments
   * @param usage the usage text
   * @param required how many positional arguments the example needs
   * @param body the example
   * @param out where the usage goes for {@code --help}
   * @param err where errors go
   * @return the exit status: 0, 1 (Cognito refused the call) or 2 (usage, Region, credentials)
   */
  public static int execute(
      String[] args, String usage, int required, Body body, PrintStream out, PrintStream err) {
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      out.println(usage);
      return 0;
    }
    if (arguments.size() < required) {
      err.println(usage);
      return 2;
    }
    String name = usage.split("\\s", 2)[0];
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      // One line a message ("SEVERE: Couldn't sign up ana. Here's why: ..."), not JUL's two.
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    try (CognitoIdentityProviderClient client = CognitoIdentityProviderClient.create()) {
      body.run(client, arguments);
      return 0;
    } catch (CognitoIdentityProviderException e) {
      err.printf(
          "%s: %s: %s%n",
          name, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
      return 1;
    } catch (SdkClientException e) { // no Region or credentials, endpoint unreachable
      err.printf("%s: %s%n", name, clientProblem(e));
      return 2;
    } catch (IllegalArgumentException e) {
      err.printf("%s: %s%n", name, e.getMessage());
      return 2;
    }
  }

  /**
   * What the SDK couldn't do before calling Cognito, in one short line.
   *
   * @param e the SDK's exception
   * @return the explanation
   */
  static String clientProblem(SdkClientException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load region")) {
      return "no AWS Region: set AWS_REGION, or a region in your AWS profile";
    }
    if (message.startsWith("Unable to load credentials")) {
      return "no AWS credentials: configure a profile or the AWS_ACCESS_KEY_ID variables";
    }
    String first = message.lines().findFirst().orElse("SDK error");
    return first.length() > 200 ? first.substring(0, 200) + "..." : first;
  }

  /**
   * A token or session cut to its first 5 and last 4 characters: {@code eyJra...Q3xw (1071 chars)},
   * enough to tell two apart, never the secret itself.
   *
   * @param value the token, or null
   * @return the masked value, or {@code (none)}
   */
  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "(none)";
    }
    if (value.length() < 16) {
      return "**** (" + value.length() + " chars)";
    }
    return value.substring(0, 5)
        + "..."
        + value.substring(value.length() - 4)
        + " ("
        + value.length()
        + " chars)";
  }

  /**
   * The optional argument at {@code index}, or null when it is absent or empty.
   *
   * @param args the positional arguments
   * @param index which one
   * @return the argument or null
   */
  public static String optional(List<String> args, int index) {
    return index < args.size() && !args.get(index).isEmpty() ? args.get(index) : null;
  }

  /**
   * A password: the argument at {@code index} when given, else read from the terminal without echo.
   *
   * @param args the positional arguments
   * @param index where the password may be
   * @param prompt the prompt for the terminal
   * @return the password
   * @throws IllegalArgumentException when it is absent and there is no terminal
   */
  public static String password(List<String> args, int index, String prompt) {
    String given = optional(args, index);
    if (given != null) {
      return given;
    }
    if (System.console() == null) {
      throw new IllegalArgumentException("give the password as an argument (no terminal)");
    }
    return new String(System.console().readPassword("%s", prompt));
  }

  /**
   * Prints what a sign-in call answered, tokens and session masked: either the next challenge or
   * the tokens (and the new device's key, when the pool tracks devices).
   *
   * @param challenge the challenge name, or null
   * @param session the challenge's session, or null
   * @param parameters the challenge parameters (none of them is secret)
   * @param tokens the tokens, or null
   */
  public static void printSignIn(
      String challenge,
      String session,
      Map<String, String> parameters,
      AuthenticationResultType tokens) {
    if (challenge != null) {
      System.out.println("Challenge: " + challenge);
      System.out.println("Session: " + mask(session));
      parameters.forEach((name, value) -> System.out.println("  " + name + ": " + value));
    }
    if (tokens != null) {
      System.out.println("IdToken: " + mask(tokens.idToken()));
      System.out.println("AccessToken: " + mask(tokens.accessToken()));
      System.out.println("RefreshToken: " + mask(tokens.refreshToken()));
      if (tokens.newDeviceMetadata() != null) {
        System.out.println("New device key: " + tokens.newDeviceMetadata().deviceKey());
        System.out.println("Device group key: " + tokens.newDeviceMetadata().deviceGroupKey());
      }
    }
  }

  /**
   * Challenge responses given as {@code NAME=VALUE} arguments.
   *
   * @param args the positional arguments
   * @param from the index of the first {@code NAME=VALUE}
   * @return the responses, in order
   * @throws IllegalArgumentException for an argument without {@code =}
   */
  public static Map<String, String> responses(List<String> args, int from) {
    Map<String, String> responses = new java.util.LinkedHashMap<>();
    for (String arg : args.subList(from, args.size())) {
      int equals = arg.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("a challenge response is NAME=VALUE, not " + arg);
      }
      responses.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    return responses;
  }
}
