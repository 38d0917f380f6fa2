// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import com.google.zxing.BinaryBitmap
import com.google.zxing.RGBLuminanceSource
import com.google.zxing.common.HybridBinarizer
import com.google.zxing.qrcode.QRCodeReader
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE
import java.nio.file.attribute.PosixFilePermission.OWNER_READ
import java.nio.file.attribute.PosixFilePermission.OWNER_WRITE
import javax.imageio.ImageIO

class QrCodeTest {
    private val uri = Totp.otpauthUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "mfa-user-1a2b3c4d", ISSUER)

    @Test
    fun `the drawing scans back to the text, and fits 19 lines by 80 columns`() {
        val lines = QrCode(uri).lines()

        assertTrue(lines.size <= 19, "${lines.size} lines")
        assertTrue(lines.all { it.length <= 80 })
        assertEquals(uri, decode(drawingToPixels(lines)))
    }

    @Test
    fun `a long user name is shortened in the label so the code still fits a screen`() {
        val long = "a-very-long-user-name-that-someone-typed-at-the-prompt@example.com"
        val qr = fittingQrCode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", long)

        assertTrue(qr.lines().size <= 19)
        assertTrue("secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" in qr.text)
    }

    @Test
    fun `the PNG is private, scans back to the text, and is removed with its folder`() {
        val path = QrCode(uri).writePng()
        try {
            assertEquals(setOf(OWNER_READ, OWNER_WRITE), Files.getPosixFilePermissions(path))
            assertEquals(setOf(OWNER_READ, OWNER_WRITE, OWNER_EXECUTE), Files.getPosixFilePermissions(path.parent))
            val image = ImageIO.read(path.toFile())
            val pixels = List(image.height) { y -> BooleanArray(image.width) { x -> image.getRGB(x, y) and 0xFFFFFF != 0 } }
            assertEquals(uri, decode(pixels))
        } finally {
            QrCode.removePng(path)
        }
        assertTrue(!Files.exists(path.parent))
    }

    /** Each character cell is two pixels tall; a drawn half is a light module. */
    private fun drawingToPixels(lines: List<String>): List<BooleanArray> =
        lines.flatMap { line ->
            listOf(
                BooleanArray(line.length) { line[it] == '\u2588' || line[it] == '\u2580' },
                BooleanArray(line.length) { line[it] == '\u2588' || line[it] == '\u2584' },
            )
        }

    /** Decodes light (`true`) / dark pixels with ZXing, scaled up and framed in white. */
    private fun decode(
        light: List<BooleanArray>,
        scale: Int = 4,
    ): String {
        val margin = 8
        val width = light[0].size * scale + 2 * margin
        val height = light.size * scale + 2 * margin
        val argb =
            IntArray(width * height) { index ->
                val x = (index % width - margin).floorDiv(scale)
                val y = (index / width - margin).floorDiv(scale)
                val isLight = y !in light.indices || x !in light[0].indices || light[y][x]
                if (isLight) 0xFFFFFFFF.toInt() else 0xFF000000.toInt()
            }
        return QRCodeReader().decode(BinaryBitmap(HybridBinarizer(RGBLuminanceSource(width, height, argb)))).text
    }
}
