import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GitCommandError, runGit, type GitRunner } from '../baseline/run-git.ts';

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
}

/**
 * Fetches the tip of the data branch from the workspace's remote (depth 1, that branch only)
 * into a new temporary folder, with the workspace's git credentials (the same remote URL the
 * store uses). Nothing in the workspace changes.
 * @param source workspace, remote and data branch
 * @param git the git runner (the real CLI by default)
 * @returns the checkout; call `close` when done
 * @throws Error saying there is no data branch yet, or why git failed
 */
export async function checkoutDataBranch(source: Partial<DataBranchSource> & { workspace: string }, git: GitRunner = runGit): Promise<DataCheckout> {
  const remote = source.remote ?? 'origin';
  const dataBranch = source.dataBranch ?? 'benchgate-data';
  const url = (await git(['remote', 'get-url', remote], { cwd: source.workspace })).toString('utf8').trim();
  const parent = await mkdtemp(path.join(os.tmpdir(), 'benchgate-history-'));
  const close = () => rm(parent, { recursive: true, force: true });
  const folder = path.join(parent, 'data');
  try {
    await git(['clone', '--quiet', '--depth=1', '--single-branch', '--no-tags', '--branch', dataBranch, url, folder], { cwd: source.workspace });
  } catch (error: unknown) {
    await close();
    if (error instanceof GitCommandError && /not found in upstream|Remote branch .* not found/i.test(error.stderr)) {
      throw new Error(`there is no data branch '${dataBranch}' on ${remote} (${url}) yet: nothing is stored`);
    }
    throw new Error(`cannot fetch the data branch '${dataBranch}' from ${remote}: ${(error as Error).message}`);
  }
  return { folder, close };
}
