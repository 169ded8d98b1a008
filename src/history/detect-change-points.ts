import { eDivisive } from '../stats/e-divisive.ts';
import { tQuantile } from '../stats/t-quantile.ts';
import { welchTTest } from '../stats/welch-t-test.ts';
import { describeEnvironmentChange } from './describe-environment-change.ts';
import { DEFAULT_DETECT_OPTIONS, type AnalyzedSeries, type DetectOptions, type HistoryChangePoint, type MetricSeries } from './types.ts';

/**
 * Finds the change points of one metric's history with E-divisive means (`eDivisive`) on the
 * log of the job centers (so a step is a ratio and the unit does not matter; plain values when a
 * center is ≤ 0), and describes each: its commit range, the step between the neighbouring
 * segments as a ratio of geometric means with a Welch confidence interval, whether the metric got
 * worse, and how the runner environment changed across it.
 * Noise model: jobs are exchangeable within a segment (each job is one observation of the
 * machine); the interval further assumes the segments' log centers are roughly normal.
 * @param series one metric's jobs, oldest first
 * @param options see `DetectOptions`; missing fields come from the defaults
 * @returns the change points in series order, and the jobs where the environment changed
 */
export function detectChangePoints(series: MetricSeries, options: Partial<DetectOptions> = {}): AnalyzedSeries {
  const settings = { ...DEFAULT_DETECT_OPTIONS, ...options };
  const { points } = series;
  const environmentChanges: number[] = [];
  for (let index = 1; index < points.length; index++) if (points[index]!.environment !== points[index - 1]!.environment) environmentChanges.push(index);
  const positive = points.every((point) => point.center > 0);
  const values = points.map((point) => (positive ? Math.log(point.center) : point.center));
  const found = eDivisive(values, { alpha: settings.alpha, permutations: settings.permutations, minSize: settings.minSize, seed: settings.seed });
  const bounds = [0, ...found.changePoints.map((point) => point.index), values.length];
  const changePoints = found.changePoints.map((point, order): HistoryChangePoint => {
    const before = values.slice(bounds[order]!, point.index);
    const after = values.slice(point.index, bounds[order + 2]!);
    const difference = mean(after) - mean(before);
    let interval: [number, number] | null = null;
    if (before.length >= 2 && after.length >= 2) {
      const welch = welchTTest(after, before);
      if (Number.isFinite(welch.t) && welch.t !== 0 && Number.isFinite(welch.df)) {
        const half = tQuantile(1 - (1 - settings.confidence) / 2, welch.df) * (difference / welch.t);
        interval = [difference - Math.abs(half), difference + Math.abs(half)];
      } else {
        interval = [difference, difference];
      }
    }
    const last = points[point.index - 1]!;
    const first = points[point.index]!;
    const worse = series.direction === 'smaller' ? difference > 0 : difference < 0;
    return {
      index: point.index,
      lastBefore: { commit: last.commit, createdAt: last.createdAt },
      firstAfter: { commit: first.commit, createdAt: first.createdAt },
      scale: positive ? 'ratio' : 'difference',
      step: positive ? Math.exp(difference) : difference,
      interval: interval === null ? null : positive ? [Math.exp(interval[0]), Math.exp(interval[1])] : interval,
      change: worse ? 'regressed' : 'improved',
      pValue: point.pValue,
      jobsBefore: before.length,
      jobsAfter: after.length,
      environmentChange: describeEnvironmentChange(series.environments[last.environment]!, series.environments[first.environment]!),
    };
  });
  return { series, changePoints, environmentChanges };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
