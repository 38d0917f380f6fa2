// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.testing;

import com.example.cognito.scenario.LocalBackend;
import com.example.cognito.scenario.Targets;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Starts ONE {@code cognito-emulator} for the whole test run (the first test class that needs it
 * starts it; JUnit stops it when the run ends) and hands tests a {@link
 * CognitoIdentityProviderClient} for it, the {@link LocalBackend} (its control seam) and {@link
 * Fixtures}.
 *
 * <p>It also sets the SDK's system properties ({@code aws.endpointUrl}, {@code aws.region}, dummy
 * credentials), so that an example's {@code main}, which builds its client from the default chain,
 * reaches the emulator too. Surefire points the AWS configuration files at nothing.
 */
public final class CognitoEmulatorExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CognitoEmulatorExtension.class);

  /** What the run shares: the emulator and a client for it. */
  private record Shared(LocalBackend backend, CognitoIdentityProviderClient client)
      implements AutoCloseable {
    static Shared start() {
      LocalBackend backend;
      try {
        backend = LocalBackend.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String host = backend.url().getHost();
      if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
        backend.close();
        throw new IllegalStateException("tests talk only to loopback, not " + backend.url());
      }
      System.setProperty("aws.endpointUrl", backend.url().toString());
      System.setProperty("aws.region", Targets.LOCAL_REGION.id());
      System.setProperty("aws.accessKeyId", "testing");
      System.setProperty("aws.secretAccessKey", "testing");
      return new Shared(backend, Targets.localClient(backend.url()));
    }

    @Override
    public void close() {
      client.close();
      backend.close();
    }
  }

  private static Shared shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    shared(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CognitoIdentityProviderClient.class
        || type == LocalBackend.class
        || type == Fixtures.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared shared = shared(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == CognitoIdentityProviderClient.class) {
      return shared.client();
    }
    if (type == LocalBackend.class) {
      return shared.backend();
    }
    return new Fixtures(shared.client(), shared.backend());
  }
}
