import type { Metric } from '../results/schema.ts';
import { tukeyFences } from '../stats/index.ts';
import type { QualityFlag, SideSummary } from './schema.ts';

type Side = 'baseline' | 'current';

function sideOf(sides: Side[]): QualityFlag['side'] | null {
  if (sides.length === 0) return null;
  return sides.length === 2 ? 'both' : sides[0]!;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
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
  fingerprint: string[];
}

/**
 * Quality flags of one comparison: high coefficient of variation, Tukey outliers, few runs,
 * differing fingerprints, within-process samples, single values. They never change a verdict
 * by themselves; the report shows them.
 */
export function collectFlags(input: FlagInput): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const sides: [Side, { metric: Metric; summary: SideSummary }][] = [
    ['baseline', input.baseline],
    ['current', input.current],
  ];

  const noisy = sides.filter(([, s]) => s.summary.cv !== null && s.summary.cv > input.threshold);
  const noisySide = sideOf(noisy.map(([side]) => side));
  if (noisySide) {
    const detail = noisy.map(([side, s]) => `${side} CV ${percent(s.summary.cv!)}`).join(', ');
    flags.push({
      kind: 'high-cv',
      side: noisySide,
      message: `runs vary more than the ${percent(input.threshold)} threshold (${detail}): this comparison cannot resolve it reliably`,
    });
  }

  const outlying: [Side, number][] = [];
  for (const [side, s] of sides) {
    if (s.metric.observation === 'process' && s.metric.runs.length >= 4) {
      const count = tukeyFences(s.metric.runs, input.outlierFence).outliers.length;
      if (count > 0) outlying.push([side, count]);
    }
  }
  const outlierSide = sideOf(outlying.map(([side]) => side));
  if (outlierSide) {
    flags.push({
      kind: 'outliers',
      side: outlierSide,
      message: `${outlying.map(([side, count]) => `${count} ${side} run(s)`).join(' and ')} outside Tukey's fences (k = ${input.outlierFence}); rank-based statistics limit their effect`,
    });
  }

  const n1 = input.baseline.metric.runs.length;
  const n2 = input.current.metric.runs.length;
  const processRuns = input.baseline.metric.observation === 'process' && input.current.metric.observation === 'process';
  const few = sides.filter(([, s]) => s.metric.runs.length < 2).map(([side]) => side);
  const fewSide = sideOf(few);
  if (fewSide) {
    flags.push({ kind: 'few-runs', side: fewSide, message: 'fewer than 2 runs: no test is possible on this side' });
  } else if (processRuns && smallestRankP(n1, n2) >= input.alpha) {
    flags.push({
      kind: 'few-runs',
      side: 'both',
      message: `with ${n1} and ${n2} runs the rank test can never reach alpha ${input.alpha}; use more runs`,
    });
  }

  if (input.fingerprint.length > 0) {
    flags.push({
      kind: 'fingerprint-mismatch',
      side: 'both',
      message: `measured on different machines: ${input.fingerprint.join(', ')}`,
    });
  }

  const samples = sideOf(sides.filter(([, s]) => s.metric.observation === 'sample').map(([side]) => side));
  if (samples) {
    flags.push({
      kind: 'not-independent',
      side: samples,
      message: 'within-process samples are not independent runs: compared as one job per side, widened by job-to-job noise',
    });
  }
  const singles = sideOf(
    sides.filter(([, s]) => s.metric.observation === 'single' || s.metric.observation === 'aggregate').map(([side]) => side),
  );
  if (singles) {
    flags.push({ kind: 'single-value', side: singles, message: 'the tool reported one value (or only summary statistics) per job' });
  }
  return flags;
}
