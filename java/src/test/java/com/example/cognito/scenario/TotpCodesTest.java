// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpCodesTest {
  /** RFC 6238 appendix B's SHA-1 seed, the ASCII digits 1 to 0 twice, in base32. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void matchesRfc6238TestVectors() {
    // The RFC's 8-digit values 94287082, 07081804, 89005924: Cognito uses the last 6 digits.
    assertEquals("287082", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59)));
    assertEquals("081804", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
    assertEquals("005924", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
  }

  @Test
  void neverGivesTheSameCodeTwice() {
    TotpCodes codes = new TotpCodes();
    Instant now = Instant.ofEpochSecond(1234567890);

    String first = codes.unusedCode(RFC_SECRET, now);
    String second = codes.unusedCode(RFC_SECRET, now);

    assertEquals(TotpCodes.codeAt(RFC_SECRET, now), first);
    assertEquals(TotpCodes.codeAt(RFC_SECRET, now.plus(TotpCodes.STEP)), second);
    assertNotEquals(first, second);
    assertThrows(IllegalStateException.class, () -> codes.unusedCode(RFC_SECRET, now));
  }
}
