import type { Metric } from '../results/schema.ts';
import { tukeyFences } from '../stats/index.ts';
import type { FingerprintDifference, QualityFlag, SideSummary } from './schema.ts';

type Side = 'baseline' | 'current';

function sideOf(sides: Side[]): QualityFlag['side'] | null {
  if (sides.length === 0) return null;
  return sides.length === 2 ? 'both' : sides[0]!;
}

/**
 * The smallest one-sided p a rank test can reach with these sizes: 1 / C(n1 + n2, n1), when the
 * two samples do not overlap at all.
 * @example
 * smallestRankP(3, 3) // => 0.05
 */
export function smallestRankP(n1: number, n2: number): number {
  let combinations = 1;
  for (let i = 1; i <= n1; i++) combinations = (combinations * (n2 + i)) / i;
  return 1 / combinations;
}

/** What `collectFlags` looks at. */
export interface FlagInput {
  baseline: { metric: Metric; summary: SideSummary };
  current: { metric: Metric; summary: SideSummary };
  threshold: number;
  alpha: number;
  outlierFence: number;
  /** Fingerprint differences; empty for none or when the mismatch mode is `ignore`. */
  fingerprint: FingerprintDifference[];
}

/**
 * Quality flags of one comparison: high coefficient of variation, Tukey outliers, few runs,
 * differing fingerprints, within-process samples, single values. They never change a verdict
 * by themselves; the report shows them. Data only: the report writes the words.
 */
export function collectFlags(input: FlagInput): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const sides: [Side, { metric: Metric; summary: SideSummary }][] = [
    ['baseline', input.baseline],
    ['current', input.current],
  ];

  const noisySide = sideOf(sides.filter(([, s]) => s.summary.cv !== null && s.summary.cv > input.threshold).map(([side]) => side));
  if (noisySide) flags.push({ kind: 'high-cv', side: noisySide });

  const outliers = { baseline: 0, current: 0 };
  for (const [side, s] of sides) {
    if (s.metric.observation === 'process' && s.metric.runs.length >= 4) {
      outliers[side] = tukeyFences(s.metric.runs, input.outlierFence).outliers.length;
    }
  }
  const outlierSide = sideOf(sides.filter(([side]) => outliers[side] > 0).map(([side]) => side));
  if (outlierSide) flags.push({ kind: 'outliers', side: outlierSide, ...outliers, fence: input.outlierFence });

  const n1 = input.baseline.metric.runs.length;
  const n2 = input.current.metric.runs.length;
  const processRuns = input.baseline.metric.observation === 'process' && input.current.metric.observation === 'process';
  const fewSide = sideOf(sides.filter(([, s]) => s.metric.runs.length < 2).map(([side]) => side));
  if (fewSide) flags.push({ kind: 'few-runs', side: fewSide, cause: 'below-two' });
  else if (processRuns && smallestRankP(n1, n2) >= input.alpha) flags.push({ kind: 'few-runs', side: 'both', cause: 'rank-floor' });

  if (input.fingerprint.length > 0) flags.push({ kind: 'fingerprint-mismatch', side: 'both', differences: input.fingerprint });

  const samples = sideOf(sides.filter(([, s]) => s.metric.observation === 'sample').map(([side]) => side));
  if (samples) flags.push({ kind: 'not-independent', side: samples });
  const singles = sideOf(sides.filter(([, s]) => s.metric.observation === 'single' || s.metric.observation === 'aggregate').map(([side]) => side));
  if (singles) flags.push({ kind: 'single-value', side: singles });
  return flags;
}
