/**
 * The second checkout of the same-runner design: the base commit in a temporary
 * `git worktree`, removed afterwards on every exit path (success, failure, timeout, SIGINT, SIGTERM).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BaseUnusableError } from './base-unusable-error.ts';

/** Runs `git <args>` in a folder and resolves with its stdout (the store's `GitRunner` fits). */
export type TreeGit = (args: readonly string[], options: { cwd: string }) => Promise<Buffer>;

/** Registers process signal handlers; the default is `process`. Tests and embedders may pass their own. */
export interface SignalHooks {
  on(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  off(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
}

/** A commit checked out in a temporary worktree. */
export interface WorkTree {
  /** The worktree's top folder. */
  root: string;
  /** Where to run things: `root` plus the workspace's folder inside the repository (e.g. `packages/app`). */
  cwd: string;
  commit: string;
  /** Removes the worktree (`git worktree remove --force`, then `git worktree prune`) and its temporary folder. Safe to call twice. */
  remove(): Promise<void>;
}

/** What `addWorkTree` needs. */
export interface WorkTreeOptions {
  /** A folder of the checked-out repository (the action's working directory). */
  workspace: string;
  /** The commit to check out (full id). */
  commit: string;
  /** Parent of the temporary folder (the runner's temp folder on GitHub). */
  tempDir: string;
  /** Logs what was done. */
  log: { info(message: string): void };
}

/** What `addWorkTree` runs things with. */
export interface WorkTreeDeps {
  git: TreeGit;
  /** @default process */
  signals?: SignalHooks;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function removeSync(repository: string, root: string, folder: string): void {
  for (const args of [
    ['worktree', 'remove', '--force', root],
    ['worktree', 'prune'],
  ]) {
    try {
      execFileSync('git', args, { cwd: repository, stdio: 'ignore' });
    } catch {
      // The folder is removed below either way, and prune forgets a worktree whose folder is gone.
    }
  }
  rmSync(folder, { recursive: true, force: true });
  try {
    execFileSync('git', ['worktree', 'prune'], { cwd: repository, stdio: 'ignore' });
  } catch {
    // Nothing more can be done while the process is being stopped.
  }
}

/**
 * Checks out a commit with `git worktree add --detach` in a new temporary folder. Until `remove`
 * is called, SIGINT and SIGTERM remove the worktree synchronously and then stop the process with
 * the same signal, so a cancelled job leaves no worktree behind.
 * @param options the repository, commit, temporary folder and log
 * @param deps git and the signal hooks
 * @returns the worktree
 * @throws BaseUnusableError (`checkout-failed`) when git cannot check the commit out
 */
export async function addWorkTree(options: WorkTreeOptions, deps: WorkTreeDeps): Promise<WorkTree> {
  const signals = deps.signals ?? process;
  const text = async (args: string[]) => (await deps.git(args, { cwd: options.workspace })).toString('utf8').trim();
  const repository = await text(['rev-parse', '--show-toplevel']);
  const prefix = await text(['rev-parse', '--show-prefix']);
  const folder = await mkdtemp(path.join(options.tempDir, 'benchgate-base-'));
  const root = path.join(folder, 'tree');
  let removed = false;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (!removed) {
      removed = true;
      removeSync(repository, root, folder);
    }
    for (const name of SIGNALS) signals.off(name, handlers[name]);
    process.kill(process.pid, signal);
  };
  const handlers = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };
  for (const name of SIGNALS) signals.on(name, handlers[name]);

  const remove = async () => {
    if (removed) return;
    removed = true;
    for (const name of SIGNALS) signals.off(name, handlers[name]);
    for (const args of [
      ['worktree', 'remove', '--force', root],
      ['worktree', 'prune'],
    ]) {
      await deps.git(args, { cwd: repository }).catch(() => undefined);
    }
    await rm(folder, { recursive: true, force: true });
    await deps.git(['worktree', 'prune'], { cwd: repository }).catch(() => undefined);
    options.log.info(`removed the worktree of ${options.commit.slice(0, 7)} at ${root}`);
  };
  try {
    await deps.git(['worktree', 'add', '--detach', '--quiet', root, options.commit], { cwd: repository });
  } catch (error: unknown) {
    await remove();
    throw new BaseUnusableError(`cannot check out ${options.commit} in a worktree: ${(error as Error).message}`, 'checkout-failed');
  }
  options.log.info(`checked out ${options.commit.slice(0, 7)} in a worktree at ${root}`);
  return { root, cwd: path.resolve(root, prefix), commit: options.commit, remove };
}

/**
 * Runs `work` with a worktree of `commit` and removes the worktree afterwards, whether `work`
 * resolves or throws.
 * @param options as for `addWorkTree`
 * @param deps as for `addWorkTree`
 * @param work what to do with the tree
 */
export async function withWorkTree<T>(options: WorkTreeOptions, deps: WorkTreeDeps, work: (tree: WorkTree) => Promise<T>): Promise<T> {
  const tree = await addWorkTree(options, deps);
  try {
    return await work(tree);
  } finally {
    await tree.remove();
  }
}

/** What `resolveBaseCommit` needs. */
export interface BaseCommitQuery {
  /** The repository folder. */
  workspace: string;
  /** The head commit, full id. */
  head: string;
  /** The pull request's base branch, e.g. `main`. */
  baseBranch: string;
}

/**
 * The base commit of the same-runner design: the merge base of the head and
 * `origin/<baseBranch>`, found by the store's lookup (which deepens a shallow fetch).
 * @param query the workspace, head and base branch
 * @param findMergeBase the lookup (src/baseline's `findMergeBase`, bound to git and the workspace)
 * @throws BaseUnusableError (`no-merge-base`) when there is none or the lookup fails
 */
export async function resolveBaseCommit(query: BaseCommitQuery, findMergeBase: (head: string, baseBranch: string) => Promise<string | null>): Promise<string> {
  let found: string | null;
  try {
    found = await findMergeBase(query.head, query.baseBranch);
  } catch (error: unknown) {
    throw new BaseUnusableError(
      `cannot find the merge base of ${query.head.slice(0, 7)} and origin/${query.baseBranch}: ${(error as Error).message}`,
      'no-merge-base',
    );
  }
  if (found === null) {
    throw new BaseUnusableError(
      `${query.head.slice(0, 7)} and origin/${query.baseBranch} share no history (no merge base), even after deepening the fetch`,
      'no-merge-base',
    );
  }
  return found;
}
