// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The error messages an example logs while it runs (through java.util.logging). */
public final class LoggedErrors extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> messages = new ArrayList<>();

  private LoggedErrors(Logger logger) {
    this.logger = logger;
  }

  /**
   * Starts recording what {@code example} logs at ERROR (SEVERE).
   *
   * @param example the example class
   * @return the recorder; close it to stop
   */
  public static LoggedErrors of(Class<?> example) {
    LoggedErrors recorder = new LoggedErrors(Logger.getLogger(example.getName()));
    recorder.logger.addHandler(recorder);
    return recorder;
  }

  /**
   * What was logged, in order.
   *
   * @return the messages
   */
  public synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
      messages.add(record.getMessage());
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
