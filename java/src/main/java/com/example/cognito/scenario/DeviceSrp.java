// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceSecretVerifierConfigType;

/**
 * The client side of a remembered device: its SRP verifier for ConfirmDevice, and its proof for the
 * {@code DEVICE_SRP_AUTH} / {@code DEVICE_PASSWORD_VERIFIER} challenges.
 *
 * <p>No maintained Java library on Maven Central does Cognito's variant of SRP-6a, so this one
 * small class does, with {@link BigInteger}, {@link MessageDigest} and {@link Mac}:
 *
 * <ul>
 *   <li>the 3072-bit group of RFC 5054 with {@code g = 2}; {@code H} is SHA-256;
 *   <li>numbers are hashed in "padded hex" form: big-endian, with a {@code 00} byte in front when
 *       the first bit is set ({@link #padded});
 *   <li>{@code k = H(pad(N) | pad(g))}, {@code u = H(pad(A) | pad(B))};
 *   <li>{@code x = H(pad(salt) | H(deviceGroupKey + deviceKey + ":" + password))}, the verifier
 *       {@code v = g^x mod N};
 *   <li>{@code S = (B - k * g^x)^(a + u * x) mod N}; the key is HKDF-SHA256 of {@code pad(S)}
 *       salted with {@code pad(u)}, info {@code "Caldera Derived Key"}, 16 bytes;
 *   <li>the claim: HMAC-SHA256(key, deviceGroupKey + deviceKey + secret block + timestamp).
 * </ul>
 *
 * <p>Cognito never learns the device password; the app keeps it (with the device key and group key)
 * in safe storage to sign in with the device later.
 */
public final class DeviceSrp {
  private static final BigInteger N =
      new BigInteger(
          "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74"
              + "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437"
              + "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed"
              + "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05"
              + "98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb"
              + "9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b"
              + "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718"
              + "3995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33"
              + "a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7"
              + "abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864"
              + "d87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e2"
              + "08e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff",
          16);
  private static final BigInteger G = BigInteger.TWO;
  private static final String HASH = "SHA-256";
  private static final BigInteger K = hashToInteger(HASH, padded(N), padded(G));
  private static final byte[] INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What ConfirmDevice needs, and the password the app keeps.
   *
   * @param password the device password (random; keep it in safe storage, never send it)
   * @param verifierConfig the verifier and salt to send to ConfirmDevice
   */
  public record Registration(String password, DeviceSecretVerifierConfigType verifierConfig) {}

  private final String deviceGroupKey;
  private final String deviceKey;
  private final String password;
  private final BigInteger smallA;
  private final BigInteger bigA;

  /**
   * Starts one sign-in with a remembered device (a new random secret {@code a}).
   *
   * @param deviceGroupKey the device group key from {@code NewDeviceMetadata}
   * @param deviceKey the device key
   * @param password the device password of {@link #register}
   */
  public DeviceSrp(String deviceGroupKey, String deviceKey, String password) {
    this.deviceGroupKey = deviceGroupKey;
    this.deviceKey = deviceKey;
    this.password = password;
    BigInteger a;
    BigInteger publicA;
    do {
      a = new BigInteger(256, RANDOM);
      publicA = G.modPow(a, N);
    } while (publicA.signum() == 0);
    this.smallA = a;
    this.bigA = publicA;
  }

  /**
   * Makes up a random device password and the SRP verifier of it.
   *
   * @param deviceGroupKey the device group key from {@code NewDeviceMetadata}
   * @param deviceKey the device key from {@code NewDeviceMetadata}
   * @return the password to keep and the verifier configuration for ConfirmDevice
   */
  public static Registration register(String deviceGroupKey, String deviceKey) {
    byte[] secret = new byte[40];
    RANDOM.nextBytes(secret);
    String password = Base64.getEncoder().encodeToString(secret);
    byte[] salt = padded(new BigInteger(1, randomBytes(16)));
    BigInteger x = privateKey(HASH, salt, deviceGroupKey + deviceKey, password);
    Base64.Encoder base64 = Base64.getEncoder();
    return new Registration(
        password,
        DeviceSecretVerifierConfigType.builder()
            .passwordVerifier(base64.encodeToString(padded(verifier(N, G, x))))
            .salt(base64.encodeToString(salt))
            .build());
  }

  /**
   * {@code SRP_A}, the device's public value for this sign-in, for {@code DEVICE_SRP_AUTH}.
   *
   * @return hexadecimal
   */
  public String srpA() {
    return bigA.toString(16);
  }

  /**
   * The answers to {@code DEVICE_PASSWORD_VERIFIER}: the signature that proves the device knows its
   * password.
   *
   * @param challengeParameters the challenge's {@code SRP_B}, {@code SALT}, {@code SECRET_BLOCK}
   *     and {@code USERNAME}
   * @param secretHash the {@code SECRET_HASH} when the app client has a secret, else null
   * @param now the time to sign (Cognito refuses a timestamp far from its own time)
   * @return the challenge responses
   * @throws IllegalArgumentException when {@code SRP_B} is 0 mod N, or {@code u} is 0
   */
  public Map<String, String> passwordVerifier(
      Map<String, String> challengeParameters, String secretHash, Instant now) {
    BigInteger bigB = new BigInteger(challengeParameters.get("SRP_B"), 16);
    if (bigB.mod(N).signum() == 0) {
      throw new IllegalArgumentException("SRP_B is 0 mod N");
    }
    BigInteger u = hashToInteger(HASH, padded(bigA), padded(bigB));
    if (u.signum() == 0) {
      throw new IllegalArgumentException("u is 0");
    }
    byte[] salt = padded(new BigInteger(challengeParameters.get("SALT"), 16));
    BigInteger x = privateKey(HASH, salt, deviceGroupKey + deviceKey, password);
    BigInteger s = premasterSecret(N, G, K, x, u, smallA, bigB);
    byte[] key = hkdf16(padded(s), padded(u), INFO);

    String secretBlock = challengeParameters.get("SECRET_BLOCK");
    String timestamp = TIMESTAMP.format(now);
    byte[] signature =
        hmacSha256(
            key,
            deviceGroupKey.getBytes(StandardCharsets.UTF_8),
            deviceKey.getBytes(StandardCharsets.UTF_8),
            Base64.getDecoder().decode(secretBlock),
            timestamp.getBytes(StandardCharsets.UTF_8));
    Map<String, String> responses = new LinkedHashMap<>();
    responses.put("USERNAME", challengeParameters.get("USERNAME"));
    responses.put("DEVICE_KEY", deviceKey);
    responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
    responses.put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(signature));
    responses.put("TIMESTAMP", timestamp);
    if (secretHash != null) {
      responses.put("SECRET_HASH", secretHash);
    }
    return responses;
  }

  // The maths, with the group and hash as parameters so that RFC 5054's test vectors apply.

  /**
   * {@code x = H(salt | H(identity ":" password))} (RFC 5054 section 2.4).
   *
   * @param hash the digest algorithm
   * @param salt the salt bytes as hashed (Cognito: padded hex)
   * @param identity the identity ({@code I}; Cognito devices: group key + device key)
   * @param password the password
   * @return x
   */
  static BigInteger privateKey(String hash, byte[] salt, String identity, String password) {
    byte[] inner = digest(hash, (identity + ":" + password).getBytes(StandardCharsets.UTF_8));
    return hashToInteger(hash, salt, inner);
  }

  /**
   * {@code v = g^x mod N}.
   *
   * @param n the group's prime
   * @param g the generator
   * @param x the private key
   * @return v
   */
  static BigInteger verifier(BigInteger n, BigInteger g, BigInteger x) {
    return g.modPow(x, n);
  }

  /**
   * The client's premaster secret {@code S = (B - k * g^x) ^ (a + u * x) mod N}.
   *
   * @param n the group's prime
   * @param g the generator
   * @param k the multiplier
   * @param x the private key
   * @param u the scrambling parameter
   * @param a the client's secret
   * @param bigB the server's public value
   * @return S
   */
  static BigInteger premasterSecret(
      BigInteger n,
      BigInteger g,
      BigInteger k,
      BigInteger x,
      BigInteger u,
      BigInteger a,
      BigInteger bigB) {
    BigInteger base = bigB.subtract(k.multiply(g.modPow(x, n))).mod(n);
    return base.modPow(a.add(u.multiply(x)), n);
  }

  /**
   * The first 16 bytes of HKDF-SHA256 (RFC 5869): extract with {@code salt}, expand one block.
   *
   * @param ikm the input keying material
   * @param salt the salt
   * @param info the context
   * @return 16 bytes of key
   */
  static byte[] hkdf16(byte[] ikm, byte[] salt, byte[] info) {
    byte[] prk = hmacSha256(salt, ikm);
    byte[] block = hmacSha256(prk, info, new byte[] {1});
    return java.util.Arrays.copyOf(block, 16);
  }

  /**
   * A positive number as Cognito hashes it: big-endian bytes, with a leading zero byte when the
   * first bit is set (the "padded hex" of Cognito's clients).
   *
   * @param value a positive number
   * @return its bytes
   */
  static byte[] padded(BigInteger value) {
    String hex = value.toString(16);
    if (hex.length() % 2 == 1) {
      hex = "0" + hex;
    }
    if ("89abcdef".indexOf(hex.charAt(0)) >= 0) {
      hex = "00" + hex;
    }
    return HexFormat.of().parseHex(hex);
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static byte[] digest(String hash, byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance(hash);
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hash + " is not available", e);
    }
  }

  private static BigInteger hashToInteger(String hash, byte[]... parts) {
    return new BigInteger(1, digest(hash, parts));
  }

  private static byte[] hmacSha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
