/**
 * The whole same-runner measurement: find the base commit, check it out in a temporary worktree,
 * set both trees up, run the interleaved rounds, and remove the worktree(s) whatever happens.
 */
import { addWorkTree, resolveBaseCommit, type SignalHooks, type TreeGit, type WorkTree } from './base-tree.ts';
import { runPairedRounds, type PairedMeta, type PairedRun, type PairedRunDeps, type PairedRunOptions } from './run-paired-rounds.ts';
import { RunnerError } from './runner-error.ts';
import { setupTrees, type SetupReport } from './setup-trees.ts';

/** Which commit is the base. */
export type BaseSource =
  /** A pull request: the merge base of the head and `origin/<baseBranch>`. */
  | { kind: 'merge-base'; headCommit: string; baseBranch: string }
  /** An explicit commit (`benchgate ab <base-ref>`). */
  | { kind: 'commit'; commit: string };

/** What `measurePaired` measures. */
export interface MeasurePairedOptions extends Omit<PairedRunOptions, 'trees'> {
  /** The head's working folder (the action's working directory, inside the checked-out repository). */
  workspace: string;
  base: BaseSource;
  /** The head: the workspace as it is, or a commit checked out in a second worktree. */
  head: { kind: 'workspace'; commit: string | null } | { kind: 'commit'; commit: string };
  /** The `setup` command, or null to choose by lockfile. */
  setup: string | null;
  /** Each setup command is killed after this many ms. */
  setupTimeout: number;
  /** Parent of the temporary worktrees. */
  tempDir: string;
}

/** What `measurePaired` calls out to. */
export interface MeasurePairedDeps extends PairedRunDeps {
  git: TreeGit;
  /** src/baseline's `findMergeBase`, bound to git and the workspace. */
  findMergeBase: (head: string, baseBranch: string) => Promise<string | null>;
  /** @default process */
  signals?: SignalHooks;
}

/** The paired run, with the commits measured and what setup did. */
export interface PairedMeasurement extends PairedRun {
  baseCommit: string;
  headCommit: string | null;
  setup: SetupReport;
}

/**
 * Measures the base and the head in this job, interleaved. The base worktree (and the head's,
 * for an explicit head commit) is removed afterwards on every path: success, error, timeout, and
 * SIGINT/SIGTERM.
 * @param options the workspace, which base and head, setup, and the rounds
 * @param meta refs and machine for the results headers (commits are filled in here)
 * @param deps git, merge-base lookup, log, stop rule and output reader
 * @throws BaseUnusableError when the base cannot be found, checked out, set up or run (the caller falls back to the stored design)
 * @throws RunnerError when the head cannot be set up or run
 */
export async function measurePaired(
  options: MeasurePairedOptions,
  meta: Omit<PairedMeta, 'base'> & { base: { ref: string | null } },
  deps: MeasurePairedDeps,
): Promise<PairedMeasurement> {
  const baseCommit =
    options.base.kind === 'commit'
      ? options.base.commit
      : await resolveBaseCommit({ workspace: options.workspace, head: options.base.headCommit, baseBranch: options.base.baseBranch }, deps.findMergeBase);
  deps.log.info(
    `same-runner comparison: base ${baseCommit.slice(0, 7)}${options.base.kind === 'merge-base' ? ` (merge base with origin/${options.base.baseBranch})` : ''}, head ${options.head.commit?.slice(0, 7) ?? 'the working tree'}`,
  );
  // Setting up a pair of trees: the options and environment are the same for every pair.
  const setUp = (head: string, base: string, runInHead: boolean) =>
    setupTrees({
      head,
      base,
      setup: options.setup,
      env: options.env,
      token: options.token ?? null,
      passEnv: options.passEnv ?? [],
      timeout: options.setupTimeout,
      log: deps.log,
      runInHead,
    });
  const trees: WorkTree[] = [];
  const treeDeps = { git: deps.git, ...(deps.signals ? { signals: deps.signals } : {}) };
  try {
    const base = await addWorkTree({ workspace: options.workspace, commit: baseCommit, tempDir: options.tempDir, log: deps.log }, treeDeps);
    trees.push(base);
    let headDir = options.workspace;
    if (options.head.kind === 'commit') {
      const head = await addWorkTree({ workspace: options.workspace, commit: options.head.commit, tempDir: options.tempDir, log: deps.log }, treeDeps);
      trees.push(head);
      headDir = head.cwd;
      try {
        await setUp(options.workspace, head.cwd, false);
      } catch (error: unknown) {
        // Here the tree being set up is the head's: its failure is the run's own, not the base's.
        throw new RunnerError(`the head tree (${options.head.commit.slice(0, 7)}): ${(error as Error).message.replace('the base tree', 'its tree')}`);
      }
    }
    const setup = await setUp(options.head.kind === 'commit' ? options.workspace : headDir, base.cwd, options.head.kind === 'workspace');
    const run = await runPairedRounds(
      { ...options, trees: { base: base.cwd, head: headDir } },
      { ...meta, base: { ref: meta.base.ref, commit: baseCommit }, head: { ...meta.head, commit: options.head.commit } },
      deps,
    );
    return { ...run, baseCommit, headCommit: options.head.commit, setup };
  } finally {
    for (const tree of trees.reverse()) await tree.remove();
  }
}
