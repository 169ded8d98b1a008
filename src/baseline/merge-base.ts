import { ensureCommit as ensureCommitIn, findMergeBase as findMergeBaseIn } from './find-merge-base.ts';
import { checkCommit } from './layout.ts';
import type { GitRunner } from './run-git.ts';
import { StoreError, type BaselineQuery } from './store.ts';

/** The merge base and its first-parent line, or why they are unknown. */
export interface FirstParentLine {
  /** The merge base followed by its first-parent ancestors; empty when unknown. */
  commits: string[];
  mergeBase: string | null;
  /** For messages: `merge base abc1234`, or why it is unknown. */
  note: string;
}

/** Where to look. */
export interface MergeBaseOptions {
  workspace: string;
  remote: string;
  /** First-parent commits listed from the merge base. */
  searchDepth: number;
}

function short(commit: string): string {
  return commit.slice(0, 7);
}

/**
 * The merge base of the head and the base branch, then its first-parent ancestors, from the
 * workspace repository. A shallow workspace is deepened (`--deepen=100`, `--deepen=1000`, then
 * `--unshallow`) until the merge base is found. Failure is not an error: the caller falls back
 * to the newest stored run.
 * @param git the git runner
 * @param options the workspace, its remote and the search depth
 * @param query the head commit or a known merge base, and the base branch
 * @param info where progress (deepening a shallow clone) is logged
 * @throws StoreError only for an invalid commit SHA
 */
export async function resolveFirstParentLine(
  git: GitRunner,
  options: MergeBaseOptions,
  query: BaselineQuery,
  info: (message: string) => void,
): Promise<FirstParentLine> {
  if (!query.mergeBase && !query.headCommit) return { commits: [], mergeBase: null, note: 'no head commit was given' };
  const text = async (args: string[]) => (await git(args, { cwd: options.workspace })).toString('utf8').trim();
  const lookup = { workspace: options.workspace, remote: options.remote, log: { info } };
  const ensureCommit = (commit: string) => ensureCommitIn(git, lookup, commit);
  const findMergeBase = (head: string, baseBranch: string) => findMergeBaseIn(git, lookup, head, baseBranch);
  try {
    const mergeBase = query.mergeBase
      ? checkCommit(query.mergeBase, 'mergeBase')
      : await findMergeBase(checkCommit(query.headCommit!, 'headCommit'), query.baseBranch);
    if (mergeBase === null) return { commits: [], mergeBase: null, note: `no merge base of ${short(query.headCommit!)} and ${query.baseBranch} was found` };
    await ensureCommit(mergeBase);
    const list = await text(['rev-list', '--first-parent', `--max-count=${options.searchDepth}`, mergeBase, '--']);
    return { commits: list.split('\n').filter(Boolean), mergeBase, note: `merge base ${short(mergeBase)}` };
  } catch (error: unknown) {
    if (error instanceof StoreError) throw error;
    return { commits: [], mergeBase: null, note: `the merge base could not be looked up (${(error as Error).message})` };
  }
}
