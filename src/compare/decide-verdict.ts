import type { Direction } from '../results/schema.ts';
import type { TestedAnalysis } from './analyze-metric.ts';
import { smallestRankP } from './quality-flags.ts';
import type { Verdict } from './schema.ts';

/** The verdict of a tested comparison, why, and the runs that would settle an inconclusive one. */
export interface VerdictDecision {
  verdict: Verdict;
  reason: string;
  runsNeeded: number | null;
}

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

function percent(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)}%`;
}

/** Throughput change of an oriented log worsening w: throughput × e^(−w). */
function throughputText(worse: number): string {
  return `throughput ${percent(Math.exp(-worse) - 1)}`;
}

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
  const limit = -Math.log(1 - input.threshold);
  const worseSignificant = input.worseAdjusted < alpha;
  const betterSignificant = input.betterAdjusted < alpha;
  const pText = (p: number) => `Holm-adjusted p = ${p.toPrecision(2)}`;
  const thresholdText = `${(input.threshold * 100).toFixed(1)}%`;
  const how = analysis.method;

  if (analysis.ratio === null || analysis.interval === null) {
    if (analysis.fromZero && (sign > 0 ? worseSignificant : betterSignificant)) {
      const verdict = sign > 0 ? 'regressed' : 'improved';
      return { verdict, reason: `the baseline is constantly 0 and the current side is above it (${how}): any rise exceeds the threshold`, runsNeeded: null };
    }
    if (analysis.fromZero && !worseSignificant && !betterSignificant) {
      const runs = runsForSeparation(alpha / Math.max(1, input.family), Math.max(input.n1, input.n2), input.separationP);
      return {
        verdict: 'inconclusive',
        reason: `the baseline is constantly 0 and the current side is above it, but ${input.n1} and ${input.n2} runs cannot reach alpha ${alpha}; ${runs === null ? 'more runs will not settle it' : `${runs} runs per side could`}`,
        runsNeeded: runs,
      };
    }
    if (worseSignificant || betterSignificant) {
      return {
        verdict: 'inconclusive',
        reason: `significantly ${worseSignificant ? 'worse' : 'better'} (${pText(worseSignificant ? input.worseAdjusted : input.betterAdjusted)}; ${how}), but values ≤ 0 give no relative change to hold against the threshold`,
        runsNeeded: null,
      };
    }
    return { verdict: 'unchanged', reason: `no significant change (${how})`, runsNeeded: null };
  }

  const estimate = sign * Math.log(analysis.ratio);
  const ends = [sign * Math.log(analysis.interval[0]), sign * Math.log(analysis.interval[1])];
  const low = Math.min(ends[0]!, ends[1]!);
  const high = Math.max(ends[0]!, ends[1]!);
  const range = `${throughputText(estimate)} (interval ${percent(Math.exp(-high) - 1)} … ${percent(Math.exp(-low) - 1)})`;

  const settle = (bound: number): number | null => {
    if (analysis.exact) return null;
    const nearEnd = estimate >= bound ? low : high;
    return runsForInterval(estimate, nearEnd, bound, analysis.jobHalfWidth, input.n1, input.n2);
  };

  if (worseSignificant) {
    const p = pText(input.worseAdjusted);
    if (low >= limit) return { verdict: 'regressed', reason: `${range}: worse beyond the ${thresholdText} threshold (${p}; ${how})`, runsNeeded: null };
    if (high < limit) return { verdict: 'unchanged', reason: `${range}: significantly worse (${p}) but within the ${thresholdText} threshold`, runsNeeded: null };
    const runs = settle(limit);
    return {
      verdict: 'inconclusive',
      reason: `${range}: significantly worse (${p}) but the interval straddles the ${thresholdText} threshold; ${runs === null ? 'more runs per job will not settle it' : `about ${runs} runs per side would settle it`}`,
      runsNeeded: runs,
    };
  }
  if (betterSignificant) {
    const p = pText(input.betterAdjusted);
    if (high <= -limit) return { verdict: 'improved', reason: `${range}: better beyond the ${thresholdText} threshold (${p}; ${how})`, runsNeeded: null };
    if (low > -limit) return { verdict: 'unchanged', reason: `${range}: significantly better (${p}) but within the ${thresholdText} threshold`, runsNeeded: null };
    const runs = settle(-limit);
    return {
      verdict: 'inconclusive',
      reason: `${range}: significantly better (${p}) but the interval straddles the ${thresholdText} threshold; ${runs === null ? 'more runs per job will not settle it' : `about ${runs} runs per side would settle it`}`,
      runsNeeded: runs,
    };
  }
  if (low >= limit || high <= -limit) {
    const runs = runsForSeparation(alpha / Math.max(1, input.family), Math.max(input.n1, input.n2), input.separationP);
    return {
      verdict: 'inconclusive',
      reason: `${range}: beyond the ${thresholdText} threshold but not significant at alpha ${alpha} (${how}); ${runs === null ? 'more runs will not settle it' : `${runs} runs per side could reach it`}`,
      runsNeeded: runs,
    };
  }
  return { verdict: 'unchanged', reason: `${range}: no significant change (${how})`, runsNeeded: null };
}
