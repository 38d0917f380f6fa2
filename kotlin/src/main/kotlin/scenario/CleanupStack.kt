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

    private val items = ArrayDeque<Pair<String, suspend () -> Unit>>()

    val size: Int get() = items.size

    /** Remembers that [what] exists and how to [remove] it. */
    fun push(
        what: String,
        remove: suspend () -> Unit,
    ) {
        items.addLast(what to remove)
    }

    /** Forgets [what] (the flow removed it itself). */
    fun discard(what: String) {
        items.removeAll { it.first == what }
    }

    /** Removes everything, last pushed first. */
    suspend fun close(): List<Removal> {
        val removals = mutableListOf<Removal>()
        while (items.isNotEmpty()) {
            val (what, remove) = items.removeLast()
            removals +=
                try {
                    remove()
                    Removal(what, null)
                } catch (e: Exception) {
                    Removal(what, "${e::class.simpleName}: ${e.message?.lineSequence()?.first().orEmpty()}")
                }
        }
        return removals
    }
}
