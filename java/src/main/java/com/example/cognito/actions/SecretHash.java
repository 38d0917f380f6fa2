// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes the {@code SECRET_HASH} that app clients with a secret require. */
public final class SecretHash {
  private SecretHash() {}

  // snippet-start:[java.v2.cognito-idp.SecretHash]
  /**
   * Computes the {@code SECRET_HASH} of a user for an app client that has a client secret.
   *
   * <p>Cognito requires it on SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword,
   * ConfirmForgotPassword, (Admin)InitiateAuth and the challenge responses of such a client, to
   * prove that the caller knows the secret without sending it. It is the Base64 of HMAC-SHA256(key
   * = client secret, message = user name + client ID).
   *
   * @param username the user name the call is about
   * @param clientId the ID of the app client
   * @param clientSecret the secret of the app client; keep it out of logs and out of apps that run
   *     on users' devices
   * @return the value for the {@code SecretHash} parameter or the {@code SECRET_HASH} entry
   */
  public static String secretHash(String username, String clientId, String clientSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) { // every Java runtime has HmacSHA256
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  // snippet-end:[java.v2.cognito-idp.SecretHash]

  /**
   * Prints the {@code SECRET_HASH} of a user (no call to Cognito).
   *
   * @param args the user name, the client ID and the client secret
   */
  public static void main(String[] args) {
    String usage =
        """
        SecretHash <username> <clientId> <clientSecret>
          Prints the SECRET_HASH of the user for an app client with a secret.""";
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println(usage);
      return;
    }
    if (args.length != 3) {
      System.err.println(usage);
      System.exit(2);
    }
    System.out.println(secretHash(args[0], args[1], args[2]));
  }
}
