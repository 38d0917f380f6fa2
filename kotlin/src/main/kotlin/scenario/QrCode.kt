// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import com.google.zxing.EncodeHintType
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel
import com.google.zxing.qrcode.encoder.Encoder
import java.awt.image.BufferedImage
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import javax.imageio.ImageIO

/**
 * A QR code made by ZXing, drawn in a terminal or written as a PNG image.
 *
 * The terminal drawing uses half-block characters, two modules a character cell in height,
 * and draws the light modules (terminals are mostly light text on a dark background), as
 * `qrencode -t UTF8` does. To keep the code small, error correction is level L (a screen is a
 * clean surface to scan from) and the encoding is ZXing's most compact one, which switches
 * modes within the text (an upper-case base32 secret takes fewer bits than bytes).
 */
class QrCode(
    val text: String,
) {
    /** `true` for a dark module; the matrix includes a light border of [BORDER] modules. */
    private val dark: List<BooleanArray>

    init {
        val hints = mapOf(EncodeHintType.CHARACTER_SET to "UTF-8", EncodeHintType.QR_COMPACT to true)
        val matrix = Encoder.encode(text, ErrorCorrectionLevel.L, hints).matrix
        val size = matrix.width + 2 * BORDER
        dark =
            List(size) { y ->
                BooleanArray(size) { x ->
                    val (mx, my) = x - BORDER to y - BORDER
                    mx in 0 until matrix.width && my in 0 until matrix.height && matrix.get(mx, my).toInt() == 1
                }
            }
    }

    /** Modules a side, border included. */
    val size: Int get() = dark.size

    /** The lines of the terminal drawing: [size] columns, half as many lines. */
    fun lines(): List<String> =
        (0 until size step 2).map { y ->
            buildString {
                for (x in 0 until size) {
                    val top = !dark[y][x]
                    val bottom = y + 1 < size && !dark[y + 1][x]
                    append(
                        when {
                            top && bottom -> '\u2588'
                            top -> '\u2580'
                            bottom -> '\u2584'
                            else -> ' '
                        },
                    )
                }
            }
        }

    /**
     * Writes the code as a PNG only the current user can read (`0600` in a new `0700`
     * folder): the image may hold a secret. Delete it with [removePng].
     */
    fun writePng(scale: Int = 8): Path {
        val folder = Files.createTempDirectory("cognito-mfa-qr-", PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER))
        val path =
            Files.createFile(
                folder.resolve("totp-qr.png"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")),
            )
        val image = BufferedImage(size * scale, size * scale, BufferedImage.TYPE_BYTE_BINARY)
        for (y in 0 until size * scale) {
            for (x in 0 until size * scale) {
                image.setRGB(x, y, if (dark[y / scale][x / scale]) 0x000000 else 0xFFFFFF)
            }
        }
        Files.newOutputStream(path).use { ImageIO.write(image, "png", it) }
        return path
    }

    companion object {
        /** Light modules around the code, as scanners need. */
        const val BORDER = 2

        /** Deletes an image written by [writePng] and its folder. */
        fun removePng(path: Path) {
            Files.deleteIfExists(path)
            path.parent.toFile().delete() // only when empty
        }
    }
}
