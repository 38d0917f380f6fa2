// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTest {

  @Test
  void masksTokensAndShortSecrets() {
    assertEquals("eyJhb...Q3xw (20 chars)", Console.mask("eyJhbGciOiJSUzI1Q3xw"));
    assertEquals("**** (6 chars)", Console.mask("abcdef"));
    assertEquals("(none)", Console.mask(null));
  }

  @Test
  void onceTheCleanUpStartsOnlyItsThreadWrites() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), 8);
    Thread steps = new Thread(() -> console.ok("App client created."));

    console.write("before");
    console.onlyFrom(Thread.currentThread());
    steps.start();
    steps.join();
    console.write("clean-up");

    String nl = System.lineSeparator();
    assertEquals("before" + nl + "clean-up" + nl, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void wrapsWordsWithAnIndentAndKeepsLongWordsWhole() {
    assertEquals(
        List.of("  ok one two", "     three", "     /a/very/long/path"),
        Console.wrap("  ok one two three /a/very/long/path", 12, "     "));
  }
}
