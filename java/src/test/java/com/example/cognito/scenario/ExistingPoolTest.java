// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * {@code --user-pool-id/--client-id}: the pool is checked, and an app client with a secret makes
 * every call carry a SECRET_HASH (steps 2 to 7 run here on the emulator instead of AWS).
 */
@ExtendWith(CognitoEmulatorExtension.class)
class ExistingPoolTest {

  private static SignUpUserWithMfa.Scenario scenario(
      CognitoIdentityProviderClient client, LocalBackend backend, ByteArrayOutputStream out) {
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), 8);
    SignUpUserWithMfa.Scenario s =
        new SignUpUserWithMfa.Scenario(console, new CleanupStack(), false, "local");
    s.client = client;
    s.backend = backend;
    s.player = new AutoPlayer(console, s::serverNow);
    return s;
  }

  @Test
  void aClientWithASecretSignsUpAndInWithSecretHashes(
      CognitoIdentityProviderClient client, LocalBackend backend, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.ON);
    String appId =
        client
            .createUserPoolClient(
                r ->
                    r.userPoolId(pool.id())
                        .clientName("server-app")
                        .generateSecret(true)
                        .explicitAuthFlows(
                            List.of(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)))
            .userPoolClient()
            .clientId();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SignUpUserWithMfa.Scenario s = scenario(client, backend, out);

    SignUpUserWithMfa.useExistingPool(s, pool.id(), appId);
    SignUpUserWithMfa.step2SignUp(s);
    SignUpUserWithMfa.step3ListUsers(s);
    String session = SignUpUserWithMfa.step4StartMfaSetup(s);
    assertTrue(SignUpUserWithMfa.step5VerifyAuthenticator(s, session));
    SignUpUserWithMfa.step6SignInWithTotp(s);
    SignUpUserWithMfa.step7RememberDevice(s);
    List<CleanupStack.Outcome> removed = s.cleanup.close();

    assertNotNull(s.clientSecret);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("calls carry a SECRET_HASH"));
    assertNotNull(s.tokens.accessToken());
    assertEquals(
        List.of("the QR code image", "user " + s.username),
        removed.stream().map(CleanupStack.Outcome::what).toList(),
        "an existing pool and client stay; only what the run created goes");
  }

  @Test
  void aPoolWithoutRequiredMfaIsRefused(
      CognitoIdentityProviderClient client, LocalBackend backend, Fixtures fx) {
    Fixtures.Pool pool = fx.pool(UserPoolMfaType.OFF);
    SignUpUserWithMfa.Scenario s = scenario(client, backend, new ByteArrayOutputStream());

    ScenarioAborted refused =
        assertThrows(
            ScenarioAborted.class,
            () -> SignUpUserWithMfa.useExistingPool(s, pool.id(), pool.clientId()));

    assertTrue(refused.getMessage().contains("must require MFA"), refused.getMessage());
  }
}
