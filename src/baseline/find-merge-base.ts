import type { GitRunner } from './run-git.ts';

/** Where `findMergeBase` looks and what it tells the log. */
export interface MergeBaseOptions {
  /** The checked-out repository. */
  workspace: string;
  /** The remote whose branch is the base. @default 'origin' */
  remote: string;
  log: { info(message: string): void };
}

/**
 * Makes sure a commit is in the repository, fetching it from the remote when it is not
 * (a shallow checkout of a pull request may lack it).
 * @param git the git runner
 * @param options the workspace and remote
 * @param commit the full commit id
 */
export async function ensureCommit(git: GitRunner, options: Pick<MergeBaseOptions, 'workspace' | 'remote'>, commit: string): Promise<void> {
  try {
    await git(['cat-file', '-e', `${commit}^{commit}`], { cwd: options.workspace });
  } catch {
    await git(['fetch', '--quiet', '--no-tags', options.remote, commit], { cwd: options.workspace });
  }
}

/**
 * The merge base of a head commit and `<remote>/<baseBranch>`, fetched into
 * `refs/remotes/<remote>/<baseBranch>`. A shallow workspace is deepened (`--deepen=100`, then
 * `--deepen=1000`, then `--unshallow`) until the merge base is found; each step is logged.
 * @param git the git runner
 * @param options the workspace, remote and log
 * @param head the head commit
 * @param baseBranch the base branch's name, e.g. `main`
 * @returns the merge base's commit id, or null when the histories share none
 * @throws GitCommandError when the base branch cannot be fetched
 */
export async function findMergeBase(git: GitRunner, options: MergeBaseOptions, head: string, baseBranch: string): Promise<string | null> {
  const { workspace, remote } = options;
  const text = async (args: string[]) => (await git(args, { cwd: workspace })).toString('utf8').trim();
  const baseRef = `refs/remotes/${remote}/${baseBranch}`;
  await ensureCommit(git, options, head);
  const fetchBase = (...extra: string[]) =>
    git(['fetch', '--quiet', '--no-tags', ...extra, remote, `+refs/heads/${baseBranch}:${baseRef}`], { cwd: workspace });
  await fetchBase();
  const tryMergeBase = async () => {
    try {
      return await text(['merge-base', head, baseRef]);
    } catch {
      return null;
    }
  };
  let found = await tryMergeBase();
  for (const deepen of ['--deepen=100', '--deepen=1000', '--unshallow']) {
    if (found !== null) break;
    if ((await text(['rev-parse', '--is-shallow-repository'])) !== 'true') break;
    options.log.info(`the workspace is a shallow clone: fetching more history (${deepen}) to find the merge base`);
    await fetchBase(deepen);
    found = await tryMergeBase();
  }
  return found;
}
