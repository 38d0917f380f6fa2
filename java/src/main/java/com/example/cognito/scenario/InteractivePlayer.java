// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import java.time.Instant;
import java.util.function.Supplier;

/** A person at the terminal: prompts, passwords read without echo where possible. */
public final class InteractivePlayer implements Player {
  /** Where answers come from; null means the input ended. */
  public interface Lines {
    /**
     * Reads one line after showing {@code prompt}.
     *
     * @param prompt the prompt
     * @return the line, or null at the end of input
     */
    String readLine(String prompt);

    /**
     * Reads a secret (without echo where the terminal allows).
     *
     * @param prompt the prompt
     * @return the secret, or null at the end of input
     */
    String readSecret(String prompt);

    /**
     * The terminal: {@link java.io.Console}, passwords without echo.
     *
     * @param terminal the console
     * @return the lines
     */
    static Lines of(java.io.Console terminal) {
      return new Lines() {
        @Override
        public String readLine(String prompt) {
          return terminal.readLine("%s", prompt);
        }

        @Override
        public String readSecret(String prompt) {
          char[] secret = terminal.readPassword("%s", prompt);
          return secret == null ? null : new String(secret);
        }
      };
    }
  }

  private final Console console;
  private final Lines lines;
  private final TotpCodes totp = new TotpCodes();
  private final Supplier<Instant> serverNow;

  /**
   * A player that asks on {@code lines}.
   *
   * @param console where problems are shown
   * @param lines where answers come from
   * @param serverNow the time Cognito goes by, for codes computed here
   */
  public InteractivePlayer(Console console, Lines lines, Supplier<Instant> serverNow) {
    this.console = console;
    this.lines = lines;
    this.serverNow = serverNow;
  }

  private String input(String prompt, boolean secret) {
    String answer;
    try {
      answer = secret ? lines.readSecret(prompt) : lines.readLine(prompt);
    } catch (java.io.IOError e) { // the terminal went away (hang-up)
      answer = null;
    }
    if (answer == null) {
      throw new ScenarioAborted("input ended before the scenario did");
    }
    return answer.strip();
  }

  @Override
  public String username() {
    String offered = AutoPlayer.newUsername();
    String answer = input("User name [" + offered + "]: ", false);
    return answer.isEmpty() ? offered : answer;
  }

  @Override
  public String password() {
    while (true) {
      String password = input("Password (" + PASSWORD_RULES + "): ", true);
      if (!password.isEmpty()) {
        return password;
      }
      console.problem("The password can't be empty.");
    }
  }

  @Override
  public String email(String username) {
    String offered = username + "@example.com";
    String answer = input("E-mail address [" + offered + "]: ", false);
    return answer.isEmpty() ? offered : answer;
  }

  @Override
  public String confirmationCode(String shownCode) {
    while (true) {
      String code = input("Confirmation code (or r to send a new one): ", false).replace(" ", "");
      if (!code.isEmpty()) {
        return code;
      }
      console.problem("Type the code from the e-mail, or r to get a new one.");
    }
  }

  @Override
  public String totpCode(String secret) {
    while (true) {
      String answer =
          input("6-digit code from your authenticator app (Enter: compute it): ", false)
              .replace(" ", "");
      if (answer.isEmpty()) {
        String code = totp.unusedCode(secret, serverNow.get());
        console.write("     computed with otp-java, as an authenticator app would: " + code);
        return code;
      }
      if (answer.matches("[0-9]{6}")) {
        return answer;
      }
      console.problem("An authenticator code is 6 digits, such as 123456.");
    }
  }

  @Override
  public boolean confirm(String question) {
    String answer = input(question + " [y/N]: ", false).toLowerCase(java.util.Locale.ROOT);
    return answer.equals("y") || answer.equals("yes");
  }
}
