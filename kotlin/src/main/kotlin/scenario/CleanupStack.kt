// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

/**
 * What the scenario created, removed in reverse order whatever happens.
 *
 * Each resource is pushed right after it exists (the pool as soon as CreateUserPool returns),
 * so an error, Ctrl-C or SIGTERM at any later step still removes it. Removal goes on when one
 * removal fails, and reports for each resource whether it is gone.
 */
class CleanupStack {
    /** The outcome of removing one resource: [error] is `null` when it is gone. */
    data class Removal(
        val what: String,
        val error: String?,
    )

    private class Item(
        val what: String,
        val operation: String?,
        val remove: suspend () -> Unit,
    )

    private val items = ArrayDeque<Item>()

    val size: Int get() = items.size

    /** Remembers that [what] exists and how to [remove] it (with Cognito's [operation], if any). */
    fun push(
        what: String,
        operation: String? = null,
        remove: suspend () -> Unit,
    ) {
        items.addLast(Item(what, operation, remove))
    }

    /** Forgets [what] (the flow removed it itself). */
    fun discard(what: String) {
        items.removeAll { it.what == what }
    }

    /**
     * Removes everything, last pushed first: [before] runs before each removal (with the
     * Cognito operation that removes it, or `null` for a local file or process), [after] with
     * its outcome.
     */
    suspend fun close(
        before: (what: String, operation: String?) -> Unit = { _, _ -> },
        after: (Removal) -> Unit = {},
    ): List<Removal> {
        val removals = mutableListOf<Removal>()
        while (items.isNotEmpty()) {
            val item = items.removeLast()
            before(item.what, item.operation)
            val removal =
                try {
                    item.remove()
                    Removal(item.what, null)
                } catch (e: Exception) {
                    Removal(item.what, "${e::class.simpleName}: ${e.message?.lineSequence()?.first().orEmpty()}")
                }
            after(removal)
            removals += removal
        }
        return removals
    }
}
