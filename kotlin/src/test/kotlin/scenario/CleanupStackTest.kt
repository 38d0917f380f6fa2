// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class CleanupStackTest {
    @Test
    fun `removes last first, goes on after a failure, and reports each outcome`() =
        runBlocking {
            val removed = mutableListOf<String>()
            val announced = mutableListOf<String?>()
            val stack = CleanupStack()
            stack.push("pool", "DeleteUserPool") { removed += "pool" }
            stack.push("user", "AdminDeleteUser") { error("Cognito is unreachable") }
            stack.push("image") { removed += "image" }

            val removals = stack.close(before = { _, operation -> announced += operation })

            assertEquals(listOf("image", "pool"), removed)
            assertEquals(listOf(null, "AdminDeleteUser", "DeleteUserPool"), announced)
            assertEquals(listOf("image", "user", "pool"), removals.map { it.what })
            assertEquals(listOf(null, "IllegalStateException: Cognito is unreachable", null), removals.map { it.error })
            assertEquals(0, stack.size)
        }

    @Test
    fun `a discarded item is not removed`() =
        runBlocking {
            val stack = CleanupStack()
            stack.push("old image") { error("must not run") }
            stack.discard("old image")

            assertEquals(emptyList<CleanupStack.Removal>(), stack.close())
        }
}
