/**
 * Why the base side of a same-runner comparison cannot be measured. The pipeline branches on it:
 * it warns with the message and compares with the stored baseline instead.
 * - `no-merge-base`: the head and the base branch share no history (or the base cannot be fetched)
 * - `checkout-failed`: `git worktree add` of the base commit failed
 * - `setup-failed`: the base tree's `setup` command or clean install failed
 * - `no-suites`: the base tree has none of the suite files, or none of them loads
 * - `command-failed`: the `command` failed, or wrote no readable output, in the base tree
 */
export type BaseProblem = 'no-merge-base' | 'checkout-failed' | 'setup-failed' | 'no-suites' | 'command-failed';

/** The base side cannot be measured; `reason` says why and the message gives the details. */
export class BaseUnusableError extends Error {
  override name = 'BaseUnusableError';
  readonly reason: BaseProblem;
  constructor(message: string, reason: BaseProblem) {
    super(message);
    this.reason = reason;
  }
}
