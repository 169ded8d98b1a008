import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fetchTip, openDataRepo } from '../baseline/data-repo.ts';
import { runGit, type GitRunner } from '../baseline/run-git.ts';

/** A temporary checkout of the data branch; `close` deletes it. */
export interface DataCheckout {
  folder: string;
  close: () => Promise<void>;
}

/** Where the data branch is. */
export interface DataBranchSource {
  /** The repository whose remote holds the data branch. */
  workspace: string;
  /** @default 'origin' */
  remote: string;
  /** @default 'benchgate-data' */
  dataBranch: string;
  /** A token for https remotes; null reuses the workspace's credentials (actions/checkout's header). @default null */
  token: string | null;
}

/**
 * Fetches the tip of the data branch from the workspace's remote (depth 1) into a new temporary
 * folder, through the store's temporary data repository (`openDataRepo`), so the credentials are
 * the store's and never written to disk. Nothing in the workspace changes.
 * @param source workspace, remote, data branch and token
 * @param git the git runner (the real CLI by default)
 * @returns the checkout; call `close` when done
 * @throws Error saying there is no data branch yet, or why git failed
 */
export async function checkoutDataBranch(source: Partial<DataBranchSource> & { workspace: string }, git: GitRunner = runGit): Promise<DataCheckout> {
  const remote = source.remote ?? 'origin';
  const dataBranch = source.dataBranch ?? 'benchgate-data';
  const repo = await openDataRepo(
    git,
    { workspace: path.resolve(source.workspace), remote, remoteUrl: null, token: source.token ?? null, tempDir: null, dataBranch },
    false,
  );
  try {
    let tip: string | null;
    try {
      tip = await fetchTip(repo, dataBranch);
    } catch (error: unknown) {
      throw new Error(`cannot fetch the data branch '${dataBranch}' from ${remote}: ${(error as Error).message}`);
    }
    if (tip === null) {
      const url = (await git(['remote', 'get-url', remote], { cwd: source.workspace })).toString('utf8').trim();
      throw new Error(`there is no data branch '${dataBranch}' on ${remote} (${url}) yet: nothing is stored`);
    }
    const folder = path.join(repo.dir, 'checkout');
    await mkdir(folder);
    await repo.run(['-c', 'core.bare=false', '--work-tree', folder, 'checkout', '--quiet', '-f', tip, '--', '.']);
    return { folder, close: repo.close };
  } catch (error: unknown) {
    await repo.close();
    throw error;
  }
}
