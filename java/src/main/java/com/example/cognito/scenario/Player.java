// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

/**
 * Who answers the scenario's questions: a person at the terminal ({@link InteractivePlayer}) or
 * {@code --auto} ({@link AutoPlayer}). Both answer the same questions, so the flow reads the same
 * either way.
 */
public interface Player {
  /** The password policy, in words. */
  String PASSWORD_RULES = "8+ characters: upper and lower case, a number, a symbol";

  /**
   * A user name to sign up.
   *
   * @return the name
   */
  String username();

  /**
   * A password for the new user.
   *
   * @return the password
   */
  String password();

  /**
   * An e-mail address for the user.
   *
   * @param username the user's name (the default is {@code <name>@example.com})
   * @return the address
   */
  String email(String username);

  /**
   * The confirmation code, or {@code r} to have a new one sent.
   *
   * @param shownCode the code the local backend delivered, or null (e-mailed)
   * @return the code or {@code r}
   */
  String confirmationCode(String shownCode);

  /**
   * The authenticator app's current code.
   *
   * @param secret the TOTP secret (to compute the code)
   * @return six digits
   */
  String totpCode(String secret);

  /**
   * A yes-or-no question, no by default.
   *
   * @param question the question
   * @return whether the answer is yes
   */
  boolean confirm(String question);
}
