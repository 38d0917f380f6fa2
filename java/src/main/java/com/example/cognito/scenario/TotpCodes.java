// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import com.bastiaanjansen.otp.TOTPGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The codes an authenticator app shows for a TOTP secret (RFC 6238: HMAC-SHA1, 6 digits, 30 s, as
 * Cognito uses), computed with otp-java, never the same code twice.
 *
 * <p>Cognito may refuse a code it accepted already, and accepts one 30-second step of drift: when
 * the current step's code was used, the next step's is given instead, so no one has to wait.
 */
public final class TotpCodes {
  /** The length of one time step. */
  public static final Duration STEP = Duration.ofSeconds(30);

  private final Set<String> used = new HashSet<>();

  /**
   * The code of {@code secret} at {@code time}.
   *
   * @param secret the base32 secret from AssociateSoftwareToken
   * @param time the instant
   * @return the 6-digit code
   */
  public static String codeAt(String secret, Instant time) {
    return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII))
        .withPeriod(STEP)
        .build()
        .at(time);
  }

  /**
   * A code for {@code secret} at {@code now} that this object hasn't given before: the current
   * step's, else the next step's.
   *
   * @param secret the base32 secret
   * @param now the time the server goes by
   * @return the code
   * @throws IllegalStateException when both codes were given already
   */
  public String unusedCode(String secret, Instant now) {
    for (Instant at : new Instant[] {now, now.plus(STEP)}) {
      String code = codeAt(secret, at);
      if (used.add(secret + ":" + code)) {
        return code;
      }
    }
    throw new IllegalStateException("no unused TOTP code left in this time window");
  }
}
