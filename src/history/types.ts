import type { Direction, Environment, Results } from '../results/schema.ts';

/** One stored results file of the data branch: one CI job. */
export interface StoredRun {
  /** `<set>/<branch>/<file>` inside the data branch, for messages. */
  path: string;
  commit: string;
  results: Results;
}

/** One job's value of one metric. */
export interface SeriesPoint {
  commit: string;
  /** When the job measured (the results file's `createdAt`). */
  createdAt: string;
  /** The job's center: the median of its runs, or the tool's reported mean. */
  center: number;
  /** The smallest and largest run of the job (both `center` when the job has one value). */
  low: number;
  high: number;
  /** Runs in the job. */
  runs: number;
  /** Index into `MetricSeries.environments`. */
  environment: number;
}

/** The jobs of one benchmark metric on one branch of one benchmark set, oldest first. */
export interface MetricSeries {
  benchmarkSet: string;
  branch: string;
  benchmark: string;
  metric: string;
  unit: string;
  direction: Direction;
  points: SeriesPoint[];
  /** Distinct runner environments, in order of first appearance. */
  environments: Environment[];
}

/** Settings of change-point detection on stored history. */
export interface DetectOptions {
  /** Permutation-test level of each change point. @default 0.01 */
  alpha: number;
  /** Permutations per test. @default 99 */
  permutations: number;
  /** Fewest jobs on each side of a change point. @default 3 */
  minSize: number;
  /** Seed of the permutations. @default 1 */
  seed: number;
  /** Confidence of the step's interval. @default 0.95 */
  confidence: number;
}

/** The defaults of `DetectOptions`. */
export const DEFAULT_DETECT_OPTIONS: DetectOptions = { alpha: 0.01, permutations: 99, minSize: 3, seed: 1, confidence: 0.95 };

/**
 * A change point in one metric's history. The change happened after `lastBefore` and is seen
 * from `firstAfter` on (its commit range is `lastBefore..firstAfter`).
 */
export interface HistoryChangePoint {
  /** Index of the first job after the change in `MetricSeries.points`. */
  index: number;
  lastBefore: { commit: string; createdAt: string };
  firstAfter: { commit: string; createdAt: string };
  /**
   * The step: after / before as a ratio of geometric means (`scale: 'ratio'`), or after − before
   * as a difference of means when a value ≤ 0 rules logs out (`scale: 'difference'`).
   */
  scale: 'ratio' | 'difference';
  step: number;
  /** The step's confidence interval (Welch), null when a side has fewer than 2 jobs. */
  interval: [number, number] | null;
  /** Whether the metric got worse, given its direction. */
  change: 'regressed' | 'improved';
  /** Permutation p value of the change point. */
  pValue: number;
  /** Jobs in the segments before and after. */
  jobsBefore: number;
  jobsAfter: number;
  /** How the runner environment differs between the last job before and the first job after; empty when it does not. */
  environmentChange: string[];
}

/** A metric's history with its change points. */
export interface AnalyzedSeries {
  series: MetricSeries;
  changePoints: HistoryChangePoint[];
  /** Job indexes where the runner environment differs from the job before. */
  environmentChanges: number[];
}
