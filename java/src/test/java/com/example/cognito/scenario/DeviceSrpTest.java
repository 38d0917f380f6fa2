// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cognito.testing.CognitoEmulatorExtension;
import com.example.cognito.testing.Fixtures;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

class DeviceSrpTest {

  private static BigInteger hex(String digits) {
    return new BigInteger(digits.replace(" ", ""), 16);
  }

  /**
   * RFC 5054 appendix B: the 1024-bit group, SHA-1, I = alice, P = password123 (numbers in the
   * RFC's groups of 8 hex digits).
   */
  @Nested
  class Rfc5054Vectors {
    final BigInteger n =
        hex(
            "EEAF0AB9ADB38DD69C33F80AFA8FC5E86072618775FF3C0B9EA2314C"
                + "9C256576D674DF7496EA81D3383B4813D692C6E0E0D5D8E250B98BE4"
                + "8E495C1D6089DAD15DC7D7B46154D6B6CE8EF4AD69B15D4982559B29"
                + "7BCF1885C529F566660E57EC68EDBC3C05726CC02FD4CBF4976EAA9A"
                + "FD5138FE8376435B9FC61D2FC0EB06E3");
    final BigInteger g = BigInteger.TWO;
    final byte[] salt = HexFormat.of().parseHex("BEB25379D1A8581EB5A727673A2441EE");
    final BigInteger k = hex("7556AA04 5AEF2CDD 07ABAF0F 665C3E81 8913186F");
    final BigInteger x = hex("94B7555A ABE9127C C58CCF49 93DB6CF8 4D16C124");
    final BigInteger v =
        hex(
            "7E273DE8696FFC4F4E337D05B4B375BEB0DDE1569E8FA00A9886D812"
                + "9BADA1F1822223CA1A605B530E379BA4729FDC59F105B4787E5186F5"
                + "C671085A1447B52A48CF1970B4FB6F8400BBF4CEBFBB168152E08AB5"
                + "EA53D15C1AFF87B2B9DA6E04E058AD51CC72BFC9033B564E26480D78"
                + "E955A5E29E7AB245DB2BE315E2099AFB");
    final BigInteger a = hex("60975527035CF2AD1989806F0407210BC81EDC04E2762A56AFD529DDDA2D4393");
    final BigInteger bigA =
        hex(
            "61D5E490F6F1B79547B0704C436F523DD0E560F0C64115BB72557EC4"
                + "4352E8903211C04692272D8B2D1A5358A2CF1B6E0BFCF99F921530EC"
                + "8E39356179EAE45E42BA92AEACED825171E1E8B9AF6D9C03E1327F44"
                + "BE087EF06530E69F66615261EEF54073CA11CF5858F0EDFDFE15EFEA"
                + "B349EF5D76988A3672FAC47B0769447B");
    final BigInteger bigB =
        hex(
            "BD0C61512C692C0CB6D041FA01BB152D4916A1E77AF46AE105393011"
                + "BAF38964DC46A0670DD125B95A981652236F99D9B681CBF87837EC99"
                + "6C6DA04453728610D0C6DDB58B318885D7D82C7F8DEB75CE7BD4FBAA"
                + "37089E6F9C6059F388838E7A00030B331EB76840910440B1B27AAEAE"
                + "EB4012B7D7665238A8E3FB004B117B58");
    final BigInteger u = hex("CE38B959 3487DA98 554ED47D 70A7AE5F 462EF019");
    final BigInteger premaster =
        hex(
            "B0DC82BABCF30674AE450C0287745E7990A3381F63B387AAF271A10D"
                + "233861E359B48220F7C4693C9AE12B0A6F67809F0876E2D013800D6C"
                + "41BB59B6D5979B5C00A172B4A2A5903A0BDCAF8A709585EB2AFAFA8F"
                + "3499B200210DCC1F10EB33943CD67FC88A2F39A4BE5BEC4EC0A3212D"
                + "C346D7E474B29EDE8A469FFECA686E5A");

    @Test
    void privateKey() {
      assertEquals(x, DeviceSrp.privateKey("SHA-1", salt, "alice", "password123"));
    }

    @Test
    void verifier() {
      assertEquals(v, DeviceSrp.verifier(n, g, x));
    }

    @Test
    void clientPublicValue() {
      assertEquals(bigA, g.modPow(a, n));
    }

    @Test
    void premasterSecret() {
      assertEquals(premaster, DeviceSrp.premasterSecret(n, g, k, x, u, a, bigB));
    }
  }

  @Test
  void hkdfMatchesRfc5869TestCase1() {
    HexFormat hex = HexFormat.of();
    byte[] okm =
        DeviceSrp.hkdf16(
            hex.parseHex("0b".repeat(22)),
            hex.parseHex("000102030405060708090a0b0c"),
            hex.parseHex("f0f1f2f3f4f5f6f7f8f9"));
    assertArrayEquals(hex.parseHex("3cb25f25faacd57a90434f64d0362f2a"), okm);
  }

  @Test
  void paddedAddsAZeroByteOnlyWhenTheFirstBitIsSet() {
    assertArrayEquals(new byte[] {0x7f}, DeviceSrp.padded(BigInteger.valueOf(0x7f)));
    assertArrayEquals(new byte[] {0, (byte) 0x80}, DeviceSrp.padded(BigInteger.valueOf(0x80)));
    assertArrayEquals(new byte[] {0x01, 0x00}, DeviceSrp.padded(BigInteger.valueOf(0x100)));
  }

  /** The values the emulator (whose SRP agrees with pycognito and Amplify) accepts. */
  @Nested
  @ExtendWith(CognitoEmulatorExtension.class)
  class AgainstTheEmulator {

    private AdminRespondToAuthChallengeResponse signInWithDevice(
        CognitoIdentityProviderClient client,
        Fixtures fx,
        Fixtures.MfaUser user,
        Fixtures.Device device,
        String password) {
      AdminInitiateAuthResponse start = fx.adminSignIn(user.pool(), user.username(), device.key());
      assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, start.challengeName());
      DeviceSrp srp = new DeviceSrp(device.groupKey(), device.key(), password);
      AdminRespondToAuthChallengeResponse challenge =
          client.adminRespondToAuthChallenge(
              r ->
                  r.userPoolId(user.pool().id())
                      .clientId(user.pool().clientId())
                      .challengeName(ChallengeNameType.DEVICE_SRP_AUTH)
                      .session(start.session())
                      .challengeResponses(
                          Map.of(
                              "USERNAME", user.username(),
                              "DEVICE_KEY", device.key(),
                              "SRP_A", srp.srpA())));
      assertEquals(ChallengeNameType.DEVICE_PASSWORD_VERIFIER, challenge.challengeName());
      return client.adminRespondToAuthChallenge(
          r ->
              r.userPoolId(user.pool().id())
                  .clientId(user.pool().clientId())
                  .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER)
                  .session(challenge.session())
                  .challengeResponses(
                      srp.passwordVerifier(
                          challenge.challengeParameters(), null, fx.emulatorNow())));
    }

    @Test
    void theDeviceProvesItsPassword(CognitoIdentityProviderClient client, Fixtures fx) {
      Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
      Fixtures.Device device = fx.rememberedDevice(user);

      AdminRespondToAuthChallengeResponse signedIn =
          signInWithDevice(client, fx, user, device, device.password());

      assertNotNull(signedIn.authenticationResult().accessToken());
    }

    @Test
    void aWrongDevicePasswordIsRefused(CognitoIdentityProviderClient client, Fixtures fx) {
      Fixtures.MfaUser user = fx.mfaUser(fx.pool(UserPoolMfaType.ON));
      Fixtures.Device device = fx.rememberedDevice(user);

      assertThrows(
          NotAuthorizedException.class,
          () -> signInWithDevice(client, fx, user, device, device.password() + "x"));
    }
  }
}
