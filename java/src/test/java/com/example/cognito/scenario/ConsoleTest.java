package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void wrapsWordsWithAnIndentAndKeepsLongWordsWhole() {
    assertEquals(
        List.of("  ok one two", "     three", "     /a/very/long/path"),
        Console.wrap("  ok one two three /a/very/long/path", 12, "     "));
  }
}
