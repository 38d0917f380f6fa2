// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import java.net.URI;

/**
 * The scenario's command line, parsed: {@code --auto}, {@code --target local|aws}, {@code
 * --endpoint URL}, {@code --user-pool-id ID --client-id ID}, {@code --keep}, {@code --help}.
 *
 * @param auto play the user
 * @param target {@code local} or {@code aws}
 * @param endpoint a running local backend to use, or null
 * @param userPoolId an existing pool (AWS), or null
 * @param clientId its app client, or null
 * @param keep keep the QR code image
 * @param help show the usage
 */
record ScenarioOptions(
    boolean auto,
    String target,
    URI endpoint,
    String userPoolId,
    String clientId,
    boolean keep,
    boolean help) {

  /** The usage text ({@code --help}). */
  static final String USAGE =
      """
      Usage: java -jar target/cognito-idp-examples.jar [options]
      Guided Amazon Cognito scenario: sign up, set up an authenticator app, sign in with TOTP,
      remember the device.

        --auto                play the user: generated names, codes read and computed, no prompt
        --target local|aws    local: a local Cognito backend (default); aws: your account
        --endpoint URL        with --target local: a cognito-emulator already serving at URL
        --user-pool-id ID     with --target aws: use this user pool (with --client-id)
        --client-id ID        with --target aws: use this app client (with --user-pool-id)
        --keep                keep the QR code image at the end (it holds the TOTP secret)
        --help                this text""";

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException for a usage mistake, with a one-line message
   */
  static ScenarioOptions parse(String[] args) {
    boolean auto = false;
    boolean keep = false;
    boolean help = false;
    String target = "local";
    URI endpoint = null;
    String poolId = null;
    String clientId = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--auto" -> auto = true;
        case "--keep" -> keep = true;
        case "--help", "-h" -> help = true;
        case "--target", "--endpoint", "--user-pool-id", "--client-id" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
          }
          String value = args[++i];
          switch (arg) {
            case "--target" -> target = value;
            case "--endpoint" -> endpoint = endpoint(value);
            case "--user-pool-id" -> poolId = value;
            default -> clientId = value;
          }
        }
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (!target.equals("local") && !target.equals("aws")) {
      throw new IllegalArgumentException("--target is local or aws, not " + target);
    }
    if ((poolId == null) != (clientId == null)) {
      throw new IllegalArgumentException("give both --user-pool-id and --client-id, or neither");
    }
    if (poolId != null && !target.equals("aws")) {
      throw new IllegalArgumentException("--user-pool-id and --client-id go with --target aws");
    }
    if (endpoint != null && !target.equals("local")) {
      throw new IllegalArgumentException("--endpoint goes with --target local");
    }
    return new ScenarioOptions(auto, target, endpoint, poolId, clientId, keep, help);
  }

  private static URI endpoint(String value) {
    try {
      URI uri = URI.create(value);
      if ((uri.getScheme() == null || !uri.getScheme().startsWith("http"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("--endpoint is a URL such as http://127.0.0.1:9229");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--endpoint is a URL such as http://127.0.0.1:9229");
    }
  }
}
