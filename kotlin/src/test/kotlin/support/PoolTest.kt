// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.support

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll

/**
 * A test class with a user pool of its own, [pool] (see [newPool] for [mfa], [devices] and
 * [secret]), made before its first test and deleted after its last; with [withMfaPool], also
 * [mfaPool], a pool that requires MFA.
 */
abstract class PoolTest(
    private val mfa: Boolean = false,
    private val devices: Boolean = false,
    private val secret: Boolean = false,
    private val withMfaPool: Boolean = false,
) : EmulatorTest() {
    lateinit var pool: TestPool
    lateinit var mfaPool: TestPool

    @BeforeAll
    fun createPools() =
        cognitoTest {
            pool = newPool(mfa, devices, secret)
            if (withMfaPool) mfaPool = newPool(mfa = true)
        }

    @AfterAll
    fun deletePools() {
        removePool(pool)
        if (withMfaPool) removePool(mfaPool)
    }
}
