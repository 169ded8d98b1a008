import { buildSeries } from './build-series.ts';
import { detectChangePoints } from './detect-change-points.ts';
import type { AnalyzedSeries, DetectOptions, StoredRun } from './types.ts';

/** The stored runs of one `<set>/<branch>` folder. */
export interface BranchHistory {
  benchmarkSet: string;
  branch: string;
  runs: StoredRun[];
}

/**
 * Builds every metric series of every given set and branch and finds their change points.
 * @param histories the folders' stored runs
 * @param options detection settings
 * @returns one analyzed series per benchmark metric, by set, branch, benchmark and metric
 */
export function analyzeHistory(histories: readonly BranchHistory[], options: Partial<DetectOptions> = {}): AnalyzedSeries[] {
  return histories.flatMap((history) => buildSeries(history.runs, history.benchmarkSet, history.branch).map((series) => detectChangePoints(series, options)));
}
