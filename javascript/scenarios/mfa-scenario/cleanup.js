/**
 * What the scenario created, in a stack, removed in reverse order whatever happens.
 *
 * Each resource is pushed right after it exists (the pool as soon as CreateUserPool
 * returns), so an error, Ctrl-C or SIGTERM at any later step still removes it. Removal keeps
 * going when one removal fails and reports, for each resource, whether it is gone.
 */

/**
 * @typedef {object} Removal The outcome of removing one resource.
 * @property {string} what
 * @property {string} [error] Why it couldn't be removed (one line).
 */

export class CleanupStack {
  constructor() {
    /** @type {{what: string, remove: () => Promise<void> | void}[]} */
    this.items = [];
  }

  /**
   * Remember that `what` exists and how to remove it.
   *
   * @param {string} what
   * @param {() => Promise<void> | void} remove
   */
  push(what, remove) {
    this.items.push({ what, remove });
  }

  /** Forget `what` (the flow removed it itself). @param {string} what */
  discard(what) {
    this.items = this.items.filter((item) => item.what !== what);
  }

  get size() {
    return this.items.length;
  }

  /**
   * Remove everything, last pushed first.
   *
   * @returns {Promise<Removal[]>}
   */
  async close() {
    /** @type {Removal[]} */
    const removals = [];
    while (this.items.length) {
      const { what, remove } = /** @type {{what: string, remove: () => Promise<void> | void}} */ (
        this.items.pop()
      );
      try {
        await remove();
        removals.push({ what });
      } catch (err) {
        const error = /** @type {Error} */ (err);
        const first = String(error.message ?? error).split("\n")[0];
        removals.push({ what, error: `${error.name ?? "Error"}: ${first}` });
      }
    }
    return removals;
  }
}
