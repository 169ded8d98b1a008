import { tukeyFences } from '../stats/index.ts';
import { smallestSignedRankP } from './analyze-paired.ts';
import type { QualityFlag } from './schema.ts';

/** What `collectPairedFlags` looks at. */
export interface PairedFlagInput {
  rounds: number;
  /** Per-round log ratios log(head / base), null when a value is ≤ 0. */
  logRatios: number[] | null;
  threshold: number;
  /** The level this look decides at. */
  alpha: number;
  outlierFence: number;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

/**
 * Quality flags of a paired comparison. In paired rounds the noise that matters is the spread of
 * the per-round head/base ratios, not of each side (load that slows both sides of a round
 * cancels), so `high-cv` and `outliers` look at the log ratios; `few-runs` says when the rounds
 * cannot reach this look's alpha at all (2⁻ⁿ ≥ alpha). There is no fingerprint check: both sides
 * ran on the same machine.
 * @param input the rounds, their log ratios and the settings
 * @returns the flags, possibly none
 */
export function collectPairedFlags(input: PairedFlagInput): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const ratios = input.logRatios;
  if (ratios && ratios.length >= 2) {
    const spread = standardDeviation(ratios);
    if (spread > input.threshold) {
      flags.push({
        kind: 'high-cv',
        side: 'both',
        message: `the per-round head/base ratios vary more than the ${percent(input.threshold)} threshold (log-ratio sd ${percent(spread)}): this comparison cannot resolve it reliably`,
      });
    }
  }
  if (ratios && ratios.length >= 4) {
    const count = tukeyFences(ratios, input.outlierFence).outliers.length;
    if (count > 0) {
      flags.push({
        kind: 'outliers',
        side: 'both',
        message: `${count} round(s) whose head/base ratio lies outside Tukey's fences (k = ${input.outlierFence}); the signed-rank statistics limit their effect`,
      });
    }
  }
  if (input.rounds < 2) {
    flags.push({ kind: 'few-runs', side: 'both', message: 'fewer than 2 paired rounds: no test is possible' });
  } else if (smallestSignedRankP(input.rounds) >= input.alpha) {
    flags.push({
      kind: 'few-runs',
      side: 'both',
      message: `with ${input.rounds} paired rounds the signed-rank test can never reach alpha ${input.alpha.toPrecision(2)}; use more rounds`,
    });
  }
  return flags;
}
