// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The authenticator-app side of TOTP set-up: the setup key, its {@code otpauth://} URI and a QR
 * code of it, in the terminal (ZXing) and as a private image file.
 *
 * <p>Authenticator apps (Google Authenticator, Microsoft Authenticator, 1Password, Authy...) accept
 * the secret of AssociateSoftwareToken typed in as a setup key, or scanned as a QR code of {@code
 * otpauth://totp/ISSUER:USER?secret=...&issuer=ISSUER} (the Key Uri Format). Cognito's codes are
 * that format's defaults: SHA-1, 6 digits, 30 seconds.
 */
public final class AuthenticatorSetup {
  /** The name the authenticator app shows above the code (short, so the QR code stays small). */
  public static final String ISSUER = "CognitoMFA";

  /** The most text lines a QR code may take in the terminal (it shares one 80x24 screen). */
  public static final int MAX_QR_LINES = 21;

  private static final int TERMINAL_BORDER = 2;

  /**
   * The URI of a QR code that fits the terminal, and the account name in its label.
   *
   * @param uri the {@code otpauth://} URI
   * @param label the user name as the URI's label holds it (cut when it was too long)
   */
  public record Fitted(String uri, String label) {}

  private AuthenticatorSetup() {}

  /**
   * The secret in groups of 4 characters, easier to read and type: {@code ABCD EFGH ...}.
   *
   * @param secret the base32 secret
   * @return the grouped secret
   */
  public static String groupSetupKey(String secret) {
    return String.join(" ", secret.split("(?<=\\G.{4})"));
  }

  /**
   * The Key Uri Format URI an authenticator app scans.
   *
   * @param secret the base32 secret
   * @param username the account name the app shows
   * @return {@code otpauth://totp/ISSUER:USER?secret=SECRET&issuer=ISSUER}
   */
  public static String otpauthUri(String secret, String username) {
    return otpauthUri(secret, username, true);
  }

  /**
   * The Key Uri Format URI an authenticator app scans, with or without the {@code issuer} parameter
   * (the label names the issuer either way).
   *
   * @param secret the base32 secret
   * @param username the account name the app shows
   * @param issuerParameter whether to add {@code &issuer=ISSUER}
   * @return {@code otpauth://totp/ISSUER:USER?secret=SECRET[&issuer=ISSUER]}
   */
  public static String otpauthUri(String secret, String username, boolean issuerParameter) {
    String issuer = encode(ISSUER);
    String uri = "otpauth://totp/%s:%s?secret=%s".formatted(issuer, encode(username), secret);
    return issuerParameter ? uri + "&issuer=" + issuer : uri;
  }

  /**
   * The most complete URI whose terminal QR code has at most {@link #MAX_QR_LINES} lines. Tried in
   * turn: the whole URI; without the {@code issuer} parameter; the user name in the label cut
   * shorter and shorter (a long user name: the label is only what the app shows, the secret is
   * whole in every one).
   *
   * @param secret the base32 secret
   * @param username the account name the app shows
   * @return the URI and the label it holds
   * @throws IllegalArgumentException when even a one-character label doesn't fit
   */
  public static Fitted fittingUri(String secret, String username) {
    int[] name = username.codePoints().toArray();
    for (int length = name.length; length > 0; length--) {
      String label = new String(name, 0, length);
      if (length == name.length && fits(otpauthUri(secret, label, true))) {
        return new Fitted(otpauthUri(secret, label, true), label);
      }
      if (fits(otpauthUri(secret, label, false))) {
        return new Fitted(otpauthUri(secret, label, false), label);
      }
    }
    throw new IllegalArgumentException(
        "a " + secret.length() + "-character secret makes too big a QR code for a terminal");
  }

  private static boolean fits(String uri) {
    return (qr(uri, TERMINAL_BORDER, 0).getHeight() + 1) / 2 <= MAX_QR_LINES;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static BitMatrix qr(String uri, int border, int size) {
    try {
      return new QRCodeWriter()
          .encode(
              uri,
              BarcodeFormat.QR_CODE,
              size,
              size,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.L,
                  EncodeHintType.MARGIN,
                  border,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("too long for a QR code: " + e.getMessage(), e);
    }
  }

  /**
   * Draws the QR code of {@code uri} with half-block characters (two modules a character cell, in
   * height), light modules as blocks for the usual light-on-dark terminal, or with {@code ##} when
   * {@code charset} has no block characters.
   *
   * @param uri the text to encode
   * @param out where to draw
   * @param charset the terminal's character set
   * @return false, and nothing drawn, when the code would be taller than {@link #MAX_QR_LINES}
   */
  public static boolean drawQr(String uri, PrintStream out, Charset charset) {
    BitMatrix matrix = qr(uri, TERMINAL_BORDER, 0);
    int size = matrix.getHeight();
    boolean blocks = charset.newEncoder().canEncode("\u2580\u2584\u2588");
    int lines = blocks ? (size + 1) / 2 : size;
    if (lines > MAX_QR_LINES) {
      return false;
    }
    StringBuilder text = new StringBuilder();
    if (!blocks) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          text.append(matrix.get(x, y) ? "  " : "##");
        }
        text.append('\n');
      }
    } else {
      for (int y = 0; y < size; y += 2) {
        for (int x = 0; x < size; x++) {
          boolean top = !matrix.get(x, y);
          boolean bottom = y + 1 < size && !matrix.get(x, y + 1);
          text.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
        }
        text.append('\n');
      }
    }
    out.print(text);
    out.flush();
    return true;
  }

  /**
   * Writes the QR code of {@code uri} as a PNG only the current user can read: a new folder ({@code
   * 0700}) holding {@code totp-qr.png} ({@code 0600}). It holds the TOTP secret: remove it with
   * {@link #removeQrPng} when done.
   *
   * @param uri the text to encode
   * @return the image's path
   * @throws IOException when it can't be written
   */
  public static Path writeQrPng(String uri) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] privateFolder =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
            }
            : new FileAttribute<?>[0];
    FileAttribute<?>[] privateFile =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Path folder = Files.createTempDirectory("cognito-mfa-qr-", privateFolder);
    Path path = Files.createFile(folder.resolve("totp-qr.png"), privateFile);
    BitMatrix matrix = qr(uri, 4, 0);
    BitMatrix scaled = qr(uri, 4, matrix.getWidth() * 8);
    try (OutputStream file = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
      MatrixToImageWriter.writeToStream(scaled, "PNG", file);
    }
    return path;
  }

  /**
   * Deletes the QR image and its folder (when empty).
   *
   * @param path the image's path
   * @throws IOException when the image can't be deleted
   */
  public static void removeQrPng(Path path) throws IOException {
    Files.deleteIfExists(path);
    try {
      Files.deleteIfExists(path.getParent());
    } catch (IOException e) {
      // not empty: leave the folder
    }
  }
}
