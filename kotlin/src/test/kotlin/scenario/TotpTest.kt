// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import java.net.URI

class TotpTest {
    // RFC 6238, appendix B: the SHA-1 key, the ASCII digits "1234567890" twice, in base32.
    private val rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    @Test
    fun `computes the RFC 6238 test vectors (6 digits)`() {
        assertEquals("287082", Totp.code(rfcSecret, 59.0))
        assertEquals("081804", Totp.code(rfcSecret, 1111111109.0))
        assertEquals("050471", Totp.code(rfcSecret, 1111111111.0))
        assertEquals("005924", Totp.code(rfcSecret, 1234567890.0))
    }

    @Test
    fun `never hands out the same code twice, then the next step's, then none`() {
        val codes = TotpCodes()
        val first = codes.next(rfcSecret, 59.0)
        val second = codes.next(rfcSecret, 59.0)

        assertEquals(Totp.code(rfcSecret, 59.0), first)
        assertEquals(Totp.code(rfcSecret, 89.0), second)
        assertNotEquals(first, second)
        assertNull(codes.next(rfcSecret, 59.0))
    }

    @Test
    fun `the otpauth URI names the issuer and account and carries the secret`() {
        val uri = URI(Totp.otpauthUri(rfcSecret, "ana", "Cognito"))

        assertEquals("otpauth", uri.scheme)
        assertEquals("totp", uri.host)
        assertEquals("/Cognito:ana", uri.path)
        assertEquals("secret=$rfcSecret", uri.query)
    }

    @Test
    fun `groups the setup key by four`() {
        assertEquals("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", Totp.groupSetupKey(rfcSecret))
        assertEquals("ABCD EF", Totp.groupSetupKey("ABCDEF"))
    }
}
