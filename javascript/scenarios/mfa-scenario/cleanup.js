// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
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
 * @property {string} [operation] The Cognito operation that removes it, if any.
 * @property {string} [error] Why it couldn't be removed (one line).
 */

/**
 * @typedef {object} Item A resource on the stack.
 * @property {string} what
 * @property {() => Promise<void> | void} remove
 * @property {string} [operation]
 */

export class CleanupStack {
  constructor() {
    /** @type {Item[]} */
    this.items = [];
  }

  /**
   * Remember that `what` exists and how to remove it (with Cognito's `operation`).
   *
   * @param {string} what
   * @param {() => Promise<void> | void} remove
   * @param {string} [operation] Such as `DeleteUserPool`; none for a local file.
   */
  push(what, remove, operation) {
    this.items.push({ what, remove, operation });
  }

  /** Forget `what` (the flow removed it itself). @param {string} what */
  discard(what) {
    this.items = this.items.filter((item) => item.what !== what);
  }

  get size() {
    return this.items.length;
  }

  /**
   * Remove everything, last pushed first. `before(what, operation)` runs before each removal
   * (to announce its call), `after(removal)` after it (to report it).
   *
   * @param {(what: string, operation?: string) => void} [before]
   * @param {(removal: Removal) => void} [after]
   * @returns {Promise<Removal[]>}
   */
  async close(before, after) {
    /** @type {Removal[]} */
    const removals = [];
    while (this.items.length) {
      const { what, remove, operation } = /** @type {Item} */ (this.items.pop());
      before?.(what, operation);
      /** @type {Removal} */
      let removal;
      try {
        await remove();
        removal = { what, operation };
      } catch (err) {
        const error = /** @type {Error} */ (err);
        const first = String(error.message ?? error).split("\n")[0];
        removal = { what, operation, error: `${error.name ?? "Error"}: ${first}` };
      }
      removals.push(removal);
      after?.(removal);
    }
    return removals;
  }
}
