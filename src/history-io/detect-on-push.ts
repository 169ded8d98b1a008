import type { GitRunner } from '../baseline/run-git.ts';
import { buildSeries, DEFAULT_DETECT_OPTIONS, findNewChangePoints, type DetectOptions, type NewChangePoint } from '../history/index.ts';
import { checkoutDataBranch } from './checkout-data-branch.ts';
import { readDataFolder } from './read-data-folder.ts';

/** What the action asks after a push stored its run. */
export interface DetectOnPushOptions {
  workspace: string;
  /** @default 'benchgate-data' */
  dataBranch: string;
  benchmarkSet: string;
  /** The pushed branch, e.g. `main`. */
  branch: string;
  /** The pushed commit, whose run was just stored. */
  commit: string;
  /** @default DEFAULT_DETECT_OPTIONS */
  detection: DetectOptions;
}

/**
 * After a push to the default branch stored its run: reads that set and branch from the data
 * branch and returns the change points the new run revealed (`findNewChangePoints`).
 * @param options where the history is and which commit was stored
 * @param git the git runner
 * @returns the new change points (regressions first) and skipped-file warnings
 */
export async function detectOnPush(
  options: Partial<DetectOnPushOptions> & Pick<DetectOnPushOptions, 'workspace' | 'benchmarkSet' | 'branch' | 'commit'>,
  git?: GitRunner,
): Promise<{ found: NewChangePoint[]; warnings: string[] }> {
  const checkout = await checkoutDataBranch({ workspace: options.workspace, dataBranch: options.dataBranch ?? 'benchgate-data' }, git);
  try {
    const { histories, warnings } = await readDataFolder(checkout.folder, { benchmarkSet: options.benchmarkSet, branch: options.branch });
    const series = histories.flatMap((history) => buildSeries(history.runs, history.benchmarkSet, history.branch));
    return { found: findNewChangePoints(series, options.commit, options.detection ?? DEFAULT_DETECT_OPTIONS), warnings };
  } finally {
    await checkout.close();
  }
}
