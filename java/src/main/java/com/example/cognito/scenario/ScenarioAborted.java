// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

/** The scenario can't go on; the message is the one-line reason shown to the user. */
public final class ScenarioAborted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why the scenario stops, in a few words
   */
  public ScenarioAborted(String reason) {
    super(reason);
  }
}
