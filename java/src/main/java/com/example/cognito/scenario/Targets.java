// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import java.io.ByteArrayInputStream;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Where the scenario runs: the local backend, or the AWS account of the SDK's default chain.
 *
 * <p>The local client gets dummy credentials, the Region and the endpoint explicitly and an empty
 * profile file, so it never reads the machine's AWS configuration and never reaches an account,
 * even when a profile or {@code AWS_ENDPOINT_URL} is set.
 */
public final class Targets {
  /** The Region of the local backend. */
  public static final Region LOCAL_REGION = Region.US_EAST_1;

  private Targets() {}

  /**
   * A client for the local backend at {@code url}.
   *
   * @param url the backend's URL
   * @return the client
   */
  public static CognitoIdentityProviderClient localClient(URI url) {
    ProfileFile empty =
        ProfileFile.builder()
            .content(new ByteArrayInputStream(new byte[0]))
            .type(ProfileFile.Type.CONFIGURATION)
            .build();
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(url)
        .region(LOCAL_REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .overrideConfiguration(o -> o.defaultProfileFileSupplier(() -> empty))
        .build();
  }

  /**
   * A client for the account and Region the SDK's default chain finds (environment, profile,
   * instance role...).
   *
   * @return the client
   */
  public static CognitoIdentityProviderClient awsClient() {
    return CognitoIdentityProviderClient.create();
  }
}
