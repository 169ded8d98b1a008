import type { Direction } from '../results/schema.ts';
import type { TestedAnalysis } from './analyze-metric.ts';
import { smallestRankP } from './quality-flags.ts';
import type { ComparisonOf } from './schema.ts';
import { logThreshold } from './parse-threshold.ts';

/** The verdict of a tested comparison and its structured reason (the report writes the words). */
export type VerdictDecision =
  | Pick<ComparisonOf<'regressed'>, 'verdict' | 'reason'>
  | Pick<ComparisonOf<'improved'>, 'verdict' | 'reason'>
  | Pick<ComparisonOf<'unchanged'>, 'verdict' | 'reason'>
  | Pick<ComparisonOf<'inconclusive'>, 'verdict' | 'reason'>;

/** What the rule needs besides the analysis. */
export interface VerdictInput {
  analysis: TestedAnalysis;
  direction: Direction;
  threshold: number;
  alpha: number;
  /** Holm-adjusted one-sided p values, oriented. */
  worseAdjusted: number;
  betterAdjusted: number;
  /** Size of the Holm family this comparison belongs to. */
  family: number;
  n1: number;
  n2: number;
  /**
   * The smallest one-sided p the design's test can reach with n runs per side (or n paired
   * rounds), for the runs that would let an unreachable test reach alpha.
   * @default the rank-sum test's 1 / C(2n, n) (`smallestRankP(n, n)`)
   */
  separationP?: (runs: number) => number;
}

/** Runs per side beyond which `runsNeeded` is reported as null ("more runs will not settle it"). */
export const MAX_RUNS_NEEDED = 1000;

/** Smallest equal run count per side at which complete separation reaches `level`. */
function runsForSeparation(level: number, now: number, separationP: (runs: number) => number = (n) => smallestRankP(n, n)): number | null {
  for (let n = Math.max(2, now + 1); n <= MAX_RUNS_NEEDED; n++) if (separationP(n) < level) return n;
  return null;
}

/**
 * Runs per side that would shrink the within-job part of the interval's near end until it no
 * longer reaches `bound` (widths scale as √(1/n1 + 1/n2); the job-to-job part does not shrink).
 */
function runsForInterval(estimate: number, nearEnd: number, bound: number, jobHalfWidth: number, n1: number, n2: number): number | null {
  const distance = Math.abs(estimate - bound);
  const halfWidth = Math.abs(estimate - nearEnd);
  if (distance <= jobHalfWidth || distance < 1e-12) return null;
  const withinNow = Math.sqrt(Math.max(halfWidth ** 2 - jobHalfWidth ** 2, 0));
  const withinNeeded = Math.sqrt(distance ** 2 - jobHalfWidth ** 2);
  if (withinNow === 0) return null;
  const needed = Math.ceil(2 / ((1 / n1 + 1 / n2) * (withinNeeded / withinNow) ** 2));
  const runs = Math.max(needed, Math.max(n1, n2) + 1);
  return runs > MAX_RUNS_NEEDED ? null : runs;
}

/**
 * The decision rule (README "Statistics"). With w the change as an oriented log worsening
 * (log ratio for smaller-is-better, −log ratio for bigger-is-better), its interval [lo, hi], and
 * L = −log(1 − threshold) (a throughput loss of `threshold`):
 * - worse significant (Holm-adjusted p < alpha): `regressed` when lo ≥ L, `unchanged` when hi < L
 *   (real but smaller than the threshold), else `inconclusive` with the runs that would settle it;
 * - better significant: the mirror with −L (`improved` when hi ≤ −L);
 * - neither: `inconclusive` when the whole interval is beyond ±L (the runs are too few for the
 *   test to reach alpha), else `unchanged`.
 * A change from a constant 0 has no ratio: significant is enough.
 */
export function decideVerdict(input: VerdictInput): VerdictDecision {
  const { analysis, alpha } = input;
  const sign = input.direction === 'smaller' ? 1 : -1;
  const limit = logThreshold(input.threshold);
  const worseSignificant = input.worseAdjusted < alpha;
  const betterSignificant = input.betterAdjusted < alpha;
  const separation = () => runsForSeparation(alpha / Math.max(1, input.family), Math.max(input.n1, input.n2), input.separationP);

  if (analysis.ratio === null || analysis.interval === null) {
    if (analysis.fromZero && (sign > 0 ? worseSignificant : betterSignificant)) {
      return sign > 0 ? { verdict: 'regressed', reason: { cause: 'from-zero' } } : { verdict: 'improved', reason: { cause: 'from-zero' } };
    }
    if (analysis.fromZero && !worseSignificant && !betterSignificant) {
      return { verdict: 'inconclusive', reason: { cause: 'underpowered', fromZero: true, runsNeeded: separation() } };
    }
    if (worseSignificant || betterSignificant) {
      return { verdict: 'inconclusive', reason: { cause: 'no-relative-change', significant: worseSignificant ? 'worse' : 'better' } };
    }
    return { verdict: 'unchanged', reason: { cause: 'not-significant' } };
  }

  const estimate = sign * Math.log(analysis.ratio);
  const ends = [sign * Math.log(analysis.interval[0]), sign * Math.log(analysis.interval[1])];
  const low = Math.min(ends[0]!, ends[1]!);
  const high = Math.max(ends[0]!, ends[1]!);

  const settle = (bound: number): number | null => {
    if (analysis.exact) return null;
    const nearEnd = estimate >= bound ? low : high;
    // the job term's half-width on the near end's side, in the log ratio's own orientation
    const jobHalfWidth = analysis.jobHalfWidths[estimate >= bound === sign > 0 ? 0 : 1];
    return runsForInterval(estimate, nearEnd, bound, jobHalfWidth, input.n1, input.n2);
  };

  if (worseSignificant) {
    if (low >= limit) return { verdict: 'regressed', reason: { cause: 'beyond-threshold' } };
    if (high < limit) return { verdict: 'unchanged', reason: { cause: 'within-threshold', significant: 'worse' } };
    return { verdict: 'inconclusive', reason: { cause: 'straddles-threshold', significant: 'worse', runsNeeded: settle(limit) } };
  }
  if (betterSignificant) {
    if (high <= -limit) return { verdict: 'improved', reason: { cause: 'beyond-threshold' } };
    if (low > -limit) return { verdict: 'unchanged', reason: { cause: 'within-threshold', significant: 'better' } };
    return { verdict: 'inconclusive', reason: { cause: 'straddles-threshold', significant: 'better', runsNeeded: settle(-limit) } };
  }
  if (low >= limit || high <= -limit) {
    return { verdict: 'inconclusive', reason: { cause: 'underpowered', fromZero: false, runsNeeded: separation() } };
  }
  return { verdict: 'unchanged', reason: { cause: 'not-significant' } };
}
