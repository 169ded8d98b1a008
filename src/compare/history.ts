import { lagDifferenceRms, median } from '../stats/index.ts';

/**
 * One stored past job on the base branch, reduced to the center (`centerOf`: the median of the
 * runs, or an aggregate's mean) of each metric. The baseline store fills these
 * (`summarizeJob`); compare uses their spread as job-to-job noise. The one declaration: the
 * store re-exports it.
 */
export interface HistoryJob {
  commit: string;
  /** Keyed by `historyKey(id, metric)`. */
  centers: Record<string, number>;
}

/**
 * The key of one benchmark metric in `HistoryJob.centers`.
 * @param id the benchmark id
 * @param metric the metric name
 * @example
 * historyKey('layout/ddsplit', 'latency-p50') // => 'layout/ddsplit::latency-p50'
 */
export function historyKey(id: string, metric: string): string {
  return `${id}::${metric}`;
}

/** The job-to-job spread of one metric estimated from stored jobs. */
export interface JobNoise {
  /**
   * σ_job: the robust standard deviation of the jobs' natural-log centers
   * (`lagDifferenceRms` with lag ≤ 2, in the history's order, newest first).
   */
  sd: number;
  /** Jobs used. */
  jobs: number;
  /**
   * Degrees of freedom of the t reference for a test that uses `sd`: 0.75·(jobs kept − 1), the
   * χ-equivalent degrees of freedom of the lag-difference RMS at the normal (simulated:
   * test/stats/reference/make-lag-difference-rms-reference.py).
   */
  df: number;
  /** Median of the jobs' log centers: where a typical stored job lies. */
  logCenter: number;
  /** Each job's log center minus `logCenter`, in the history's order. */
  deviations: number[];
}

/** The MAD's consistency constant at the normal, 1 / Φ⁻¹(0.75). */
const MAD_TO_SD = 1.482602218505602;
/** Stored jobs further than this many robust σ (MAD of the centers) from their median are left out of σ_job. */
const ODD_JOB_REJECTION = 3;

/** Degrees of freedom per job of the lag-difference RMS (see `JobNoise.df`). */
export const JOB_NOISE_DF_PER_JOB = 0.75;

/**
 * Estimates the job-to-job noise of one metric from stored jobs: a robust standard deviation of
 * the natural log of each job's center, from the differences between jobs at most two apart in
 * the history's order (newest first), those beyond three robust scales left out
 * (`lagDifferenceRms`), after leaving out the jobs further than three robust σ (the MAD of the
 * centers) from their median. Odd jobs, even several (a machine that sometimes runs whole jobs
 * 4× slower), are left out, and a real level shift on the branch touches only the few differences
 * that straddle it, so neither inflates the estimate (which would hide a regression) as a sample
 * standard deviation is inflated. Jobs
 * without the key, or with a center ≤ 0 or not finite, are left out.
 * @param history stored jobs, newest first
 * @param key `historyKey(id, metric)`
 * @param minJobs fewer usable jobs than this (or than 2) give null
 * @returns the spread, or null when there are too few jobs
 */
export function estimateJobNoise(history: readonly HistoryJob[], key: string, minJobs: number): JobNoise | null {
  const logs: number[] = [];
  for (const job of history) {
    const center = job.centers[key];
    if (center !== undefined && Number.isFinite(center) && center > 0) logs.push(Math.log(center));
  }
  if (logs.length < Math.max(2, minJobs)) return null;
  const logCenter = median(logs);
  const deviations = logs.map((log) => log - logCenter);
  // odd jobs out first (beyond 3 robust σ of the centers), so that several of them cannot take
  // over the differences between neighbours; then the robust RMS of those differences
  const mad = MAD_TO_SD * median(deviations.map(Math.abs));
  const kept = mad > 0 ? logs.filter((_, i) => Math.abs(deviations[i]!) <= ODD_JOB_REJECTION * mad) : logs;
  return {
    sd: lagDifferenceRms(kept, 2),
    jobs: logs.length,
    df: Math.max(1, JOB_NOISE_DF_PER_JOB * (kept.length - 1)),
    logCenter,
    deviations,
  };
}
