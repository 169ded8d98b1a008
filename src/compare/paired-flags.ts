import type { Metric } from '../results/schema.ts';
import { tukeyFences } from '../stats/index.ts';
import { smallestSignedRankP } from './analyze-paired.ts';
import type { QualityFlag } from './schema.ts';

/** What `collectPairedFlags` looks at. */
export interface PairedFlagInput {
  base: Metric;
  head: Metric;
  /** Per-round log ratios log(head / base), null when a value is ≤ 0. */
  logRatios: number[] | null;
  threshold: number;
  /** The level this look decides at. */
  alpha: number;
  outlierFence: number;
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

/**
 * Quality flags of a paired comparison. In paired rounds the noise that matters is the spread of
 * the per-round head/base ratios, not of each side (load that slows both sides of a round
 * cancels), so `high-cv` (side `both`) means the standard deviation of the log ratios exceeds the
 * threshold; `outliers` counts each side's rounds outside Tukey's fences; `few-runs` is
 * `below-two` with fewer than 2 rounds and `rank-floor` when the signed-rank test cannot reach
 * this look's alpha at all (2⁻ⁿ ≥ alpha). There is no fingerprint check: both sides ran on the
 * same machine. Data only: the report writes the words.
 * @param input both sides, their log ratios and the settings
 * @returns the flags, possibly none
 */
export function collectPairedFlags(input: PairedFlagInput): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const rounds = input.base.runs.length;
  const ratios = input.logRatios;
  if (ratios && ratios.length >= 2 && standardDeviation(ratios) > input.threshold) flags.push({ kind: 'high-cv', side: 'both' });
  const count = (metric: Metric) => (metric.runs.length >= 4 ? tukeyFences(metric.runs, input.outlierFence).outliers.length : 0);
  const outliers = { baseline: count(input.base), current: count(input.head) };
  if (outliers.baseline > 0 || outliers.current > 0) {
    const side = outliers.baseline > 0 && outliers.current > 0 ? 'both' : outliers.baseline > 0 ? 'baseline' : 'current';
    flags.push({ kind: 'outliers', side, ...outliers, fence: input.outlierFence });
  }
  if (rounds < 2) flags.push({ kind: 'few-runs', side: 'both', cause: 'below-two' });
  else if (smallestSignedRankP(rounds) >= input.alpha) flags.push({ kind: 'few-runs', side: 'both', cause: 'rank-floor' });
  return flags;
}
