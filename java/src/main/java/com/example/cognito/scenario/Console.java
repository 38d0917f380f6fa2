// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reader sees: numbered steps, the Cognito call about to be made and why, results, and
 * problems; narration wrapped at 78 columns. Tokens and sessions go through {@link #mask}, never
 * whole.
 */
public final class Console {
  /** The width narration is wrapped to. */
  public static final int WIDTH = 78;

  private final PrintStream out;
  private final int totalSteps;
  private volatile Thread onlyWriter;

  /**
   * A console writing to {@code out}.
   *
   * @param out where the transcript goes
   * @param totalSteps how many steps the scenario has
   */
  public Console(PrintStream out, int totalSteps) {
    this.out = out;
    this.totalSteps = totalSteps;
  }

  /**
   * {@code eyJra...Q3xw (1071 chars)}: enough to recognise a token, never the token itself.
   *
   * @param value a token or session, or null
   * @return the masked value
   */
  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "(none)";
    }
    if (value.length() < 16) {
      return "**** (" + value.length() + " chars)";
    }
    return "%s...%s (%d chars)"
        .formatted(value.substring(0, 5), value.substring(value.length() - 4), value.length());
  }

  /**
   * The stream the transcript goes to.
   *
   * @return the stream
   */
  public PrintStream out() {
    return out;
  }

  /**
   * From now on, only {@code thread} writes; other threads' lines are dropped. The clean-up calls
   * it as it starts: after a signal it runs in a shutdown hook while the main thread may still be
   * finishing a step, whose lines would land in the middle of step 8.
   *
   * @param thread the thread that goes on writing (the clean-up's)
   */
  public void onlyFrom(Thread thread) {
    onlyWriter = thread;
  }

  /**
   * One line as is (nothing from another thread once {@link #onlyFrom} was called).
   *
   * @param text the line
   */
  public synchronized void write(String text) {
    Thread only = onlyWriter;
    if (only != null && only != Thread.currentThread()) {
      return;
    }
    out.println(text);
    out.flush();
  }

  /** An empty line. */
  public void write() {
    write("");
  }

  /**
   * A separator and the step's number, progress and title.
   *
   * @param number the step's number, from 1
   * @param title the step's title
   */
  public void step(int number, String title) {
    String progress = "#".repeat(number) + ".".repeat(totalSteps - number);
    write();
    write("-".repeat(WIDTH));
    write("Step %d of %d [%s]  %s".formatted(number, totalSteps, progress, title));
    write("-".repeat(WIDTH));
  }

  /**
   * A sentence of explanation, wrapped.
   *
   * @param text the sentence
   */
  public void say(String text) {
    wrapped(text, "");
  }

  /**
   * The Cognito operation about to be called, and why.
   *
   * @param operation the operation, and the challenge it answers in parentheses
   * @param why one sentence
   */
  public void call(String operation, String why) {
    wrapped("  -> " + operation + ": " + why, "     ");
  }

  /**
   * A success.
   *
   * @param text what worked
   */
  public void ok(String text) {
    wrapped("  ok " + text, "     ");
  }

  /**
   * A labelled value on its own line ({@code User pool ID: ...}).
   *
   * @param label the label
   * @param value the value
   */
  public void show(String label, String value) {
    write("     " + label + ": " + value);
  }

  /**
   * A mistake the user can fix (the scenario asks again), or why the scenario stops.
   *
   * @param text the problem
   */
  public void problem(String text) {
    wrapped("  !! " + text, "     ");
  }

  private void wrapped(String text, String indent) {
    for (String line : wrap(text, WIDTH, indent)) {
      write(line);
    }
  }

  /**
   * Words of {@code text} in lines of at most {@code width} columns; later lines start with {@code
   * indent}. A word longer than a line (a file path) gets a line of its own.
   *
   * @param text the text
   * @param width the width
   * @param indent the indent of every line but the first
   * @return the lines
   */
  static List<String> wrap(String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    int lead = text.length() - text.stripLeading().length();
    StringBuilder line = new StringBuilder(text.substring(0, lead));
    boolean empty = true;
    for (String word : text.substring(lead).split(" +")) {
      if (!empty && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    lines.add(line.toString());
    return lines;
  }
}
