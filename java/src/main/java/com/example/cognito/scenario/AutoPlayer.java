// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** {@code --auto}: answers every question itself and prints each answer it gives. */
public final class AutoPlayer implements Player {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Console console;
  private final TotpCodes totp = new TotpCodes();
  private final Supplier<Instant> serverNow;

  /**
   * A player that answers on {@code console}.
   *
   * @param console where answers are shown
   * @param serverNow the time Cognito goes by, for TOTP codes
   */
  public AutoPlayer(Console console, Supplier<Instant> serverNow) {
    this.console = console;
    this.serverNow = serverNow;
  }

  /**
   * A user name no one has yet.
   *
   * @return {@code mfa-user-} and 8 random characters
   */
  public static String newUsername() {
    return "mfa-user-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A random password that meets Cognito's default policy.
   *
   * @return the password
   */
  public static String newPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.append("aA7!").toString();
  }

  private String answer(String question, String answer) {
    console.write(question + ": " + answer + "   (--auto)");
    return answer;
  }

  @Override
  public String username() {
    return answer("User name", newUsername());
  }

  @Override
  public String password() {
    console.write("Password: ********   (--auto, generated)");
    return newPassword();
  }

  @Override
  public String email(String username) {
    return answer("E-mail address", username + "@example.com");
  }

  @Override
  public String confirmationCode(String shownCode) {
    if (shownCode == null) {
      throw new ScenarioAborted("--auto can't read a confirmation code sent by e-mail");
    }
    return answer("Confirmation code", shownCode);
  }

  @Override
  public String totpCode(String secret) {
    return answer("Authenticator code", totp.unusedCode(secret, serverNow.get()));
  }

  @Override
  public boolean confirm(String question) {
    answer(question, "yes");
    return true;
  }
}
