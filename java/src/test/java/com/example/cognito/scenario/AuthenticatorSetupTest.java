// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AuthenticatorSetupTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  /** What a phone's camera would read: ZXing's decoder on the picture. */
  private static String decode(BufferedImage image) throws Exception {
    LuminanceSource source = new BufferedImageLuminanceSource(image);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }

  /** The terminal drawing as a picture: blocks are light, blanks dark; 4 pixels a module. */
  private static BufferedImage picture(List<String> lines) {
    int scale = 4;
    int width = lines.get(0).length();
    BufferedImage image =
        new BufferedImage(width * scale, lines.size() * 2 * scale, BufferedImage.TYPE_INT_RGB);
    for (int row = 0; row < lines.size(); row++) {
      for (int col = 0; col < width; col++) {
        char c = lines.get(row).charAt(col);
        boolean top = c == '\u2588' || c == '\u2580';
        boolean bottom = c == '\u2588' || c == '\u2584';
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            image.setRGB(col * scale + dx, row * 2 * scale + dy, top ? 0xFFFFFF : 0);
            image.setRGB(col * scale + dx, (row * 2 + 1) * scale + dy, bottom ? 0xFFFFFF : 0);
          }
        }
      }
    }
    return image;
  }

  @Test
  void groupsTheSetupKeyByFour() {
    assertEquals("JBSW Y3DP EHPK 3PXP AB", AuthenticatorSetup.groupSetupKey("JBSWY3DPEHPK3PXPAB"));
  }

  @Test
  void buildsAKeyUriFormatUri() {
    assertEquals(
        "otpauth://totp/CognitoMFA:ana%20maria?secret=" + SECRET + "&issuer=CognitoMFA",
        AuthenticatorSetup.otpauthUri(SECRET, "ana maria"));
  }

  @Test
  void theTerminalQrCodeScansAndFitsTheScreen() throws Exception {
    String uri = AuthenticatorSetup.otpauthUri(SECRET, AutoPlayer.newUsername());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    boolean drawn =
        AuthenticatorSetup.drawQr(
            uri, new PrintStream(out, true, StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(drawn);
    assertTrue(lines.size() <= AuthenticatorSetup.MAX_QR_LINES, lines.size() + " lines");
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80));
    assertEquals(uri, decode(picture(lines)));
  }

  @Test
  void aShortUserNameKeepsTheWholeUri() {
    AuthenticatorSetup.Fitted fitted = AuthenticatorSetup.fittingUri(SECRET, "mfa-user-1234abcd");

    assertEquals(AuthenticatorSetup.otpauthUri(SECRET, "mfa-user-1234abcd"), fitted.uri());
    assertEquals("mfa-user-1234abcd", fitted.label());
  }

  @Test
  void aLongerUserNameLosesTheIssuerParameterFirst() {
    String name = "a-longer-user-name-of-30-chars";

    AuthenticatorSetup.Fitted fitted = AuthenticatorSetup.fittingUri(SECRET, name);

    assertEquals(AuthenticatorSetup.otpauthUri(SECRET, name, false), fitted.uri());
    assertEquals(name, fitted.label());
  }

  @Test
  void aLongUserNameIsCutInTheLabelAndTheQrCodeStillScans() throws Exception {
    String name = "n".repeat(128); // Cognito's longest user name
    AuthenticatorSetup.Fitted fitted = AuthenticatorSetup.fittingUri(SECRET, name);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    boolean drawn =
        AuthenticatorSetup.drawQr(
            fitted.uri(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(drawn);
    assertTrue(lines.size() <= AuthenticatorSetup.MAX_QR_LINES, lines.size() + " lines");
    assertTrue(name.startsWith(fitted.label()) && fitted.label().length() < name.length());
    assertEquals(AuthenticatorSetup.otpauthUri(SECRET, fitted.label(), false), fitted.uri());
    assertEquals(fitted.uri(), decode(picture(lines)));
  }

  @Test
  void aQrCodeTooTallForTheScreenIsNotDrawn() {
    String uri = AuthenticatorSetup.otpauthUri(SECRET, "a-very-long-user-name-".repeat(5));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    boolean drawn =
        AuthenticatorSetup.drawQr(
            uri, new PrintStream(out, true, StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    assertFalse(drawn);
    assertEquals(0, out.size());
  }

  @Test
  void theImageIsPrivateScansAndIsRemoved() throws Exception {
    String uri = AuthenticatorSetup.otpauthUri(SECRET, "ana");

    Path png = AuthenticatorSetup.writeQrPng(uri);
    try {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)));
      assertEquals(
          "rwx------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(png.getParent())));
      assertEquals(uri, decode(ImageIO.read(png.toFile())));
    } finally {
      AuthenticatorSetup.removeQrPng(png);
    }
    assertFalse(Files.exists(png.getParent()));
  }
}
