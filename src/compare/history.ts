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
  /** Sample standard deviation of the jobs' log centers. */
  sd: number;
  /** Jobs used. */
  jobs: number;
}

/**
 * Estimates job-to-job noise of one metric: the sample standard deviation of the natural log of
 * each stored job's center. Jobs without the key, or with a center ≤ 0, are left out.
 * @param history stored jobs
 * @param key `historyKey(id, metric)`
 * @param minJobs fewer usable jobs than this give null
 * @returns the spread, or null when there are too few jobs
 */
export function estimateJobNoise(history: readonly HistoryJob[], key: string, minJobs: number): JobNoise | null {
  const logs: number[] = [];
  for (const job of history) {
    const center = job.centers[key];
    if (center !== undefined && Number.isFinite(center) && center > 0) logs.push(Math.log(center));
  }
  if (logs.length < Math.max(2, minJobs)) return null;
  const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
  const variance = logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (logs.length - 1);
  return { sd: Math.sqrt(variance), jobs: logs.length };
}
