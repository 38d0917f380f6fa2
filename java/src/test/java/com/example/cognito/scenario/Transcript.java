// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scenario run's output, read with the markers of scenarios/SPECIFICATION.md. */
record Transcript(int status, List<String> lines, String err) {
  static final Pattern STEP = Pattern.compile("^Step (\\d) of 8 \\[[#.]{8}\\]  (.+)$");
  static final Pattern CALL = Pattern.compile("^  -> ([A-Za-z]+)(?: \\(([A-Z_]+)\\))?: ");
  static final Pattern POOL = Pattern.compile("^     User pool ID: (\\S+)$");
  static final Pattern APP_CLIENT = Pattern.compile("^     App client ID: (\\S+)$");
  static final Pattern AUTO_USERNAME = Pattern.compile("^User name: (\\S+)   \\(--auto\\)$");
  static final Pattern SIGNED_UP = Pattern.compile("^  ok Signed up (\\S+) ");
  static final Pattern CODE =
      Pattern.compile("^The local backend 'e-mailed' the code to its outbox: (\\d{6})$");
  static final Pattern SETUP_KEY =
      Pattern.compile("^     Setup key: ([A-Z2-7]{4}(?: [A-Z2-7]{1,4})*)$");
  static final Pattern TOKEN =
      Pattern.compile(
          "^     (IdToken|AccessToken|RefreshToken): (\\S{5})\\.\\.\\.(\\S{4}) \\((\\d+) chars\\)$");
  static final Pattern PROBLEM = Pattern.compile("^  !! (.+)$");
  static final Pattern REMOVED = Pattern.compile("^  ok Removed (.+)\\.$");
  static final Pattern LONG_WORD = Pattern.compile("[A-Za-z0-9_\\-.=+/]{60,}");

  static Transcript of(int status, String out, String err) {
    return new Transcript(status, out.lines().toList(), err);
  }

  List<String> all(Pattern pattern, int group) {
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        found.add(m.group(group));
      }
    }
    return found;
  }

  String first(Pattern pattern, int group) {
    List<String> found = all(pattern, group);
    assertTrue(!found.isEmpty(), "no line matches " + pattern + " in\n" + String.join("\n", lines));
    return found.get(0);
  }

  List<Integer> steps() {
    return all(STEP, 1).stream().map(Integer::valueOf).toList();
  }

  /**
   * Operations called, with the challenge answered: {@code AdminRespondToAuthChallenge/MFA_SETUP}.
   */
  List<String> calls() {
    List<String> calls = new ArrayList<>();
    for (String line : lines) {
      Matcher m = CALL.matcher(line);
      if (m.find()) {
        calls.add(m.group(2) == null ? m.group(1) : m.group(1) + "/" + m.group(2));
      }
    }
    return calls;
  }

  /** No line wider than 80 columns but a file path alone; no word that could be a token. */
  void assertReadableAndMasked() {
    for (String line : lines) {
      boolean pathAlone = line.startsWith("/") && !line.contains(" ");
      assertTrue(line.length() <= 80 || pathAlone, "wider than 80 columns: " + line);
      Matcher word = LONG_WORD.matcher(line);
      while (word.find() && !pathAlone) {
        boolean separator = word.group().chars().allMatch(c -> c == '-');
        assertTrue(separator, "an unmasked secret? " + line);
      }
    }
  }

  void assertStatus(int expected) {
    assertEquals(expected, status, "exit status; stderr: " + err + "\n" + String.join("\n", lines));
  }
}
