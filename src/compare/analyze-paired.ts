import type { Metric } from '../results/schema.ts';
import { hodgesLehmannOneSample, wilcoxonSignedRank } from '../stats/index.ts';
import type { Analysis, TestedAnalysis } from './analyze-metric.ts';

/** A paired analysis, with the level its interval really has. */
export interface PairedAnalysis {
  analysis: Analysis;
  /** The interval's coverage: the requested level, lower when the rounds are too few to reach it, 1 when exact. */
  intervalLevel: number;
  /** Per-round log ratios log(head / base), null when a value is ≤ 0. */
  logRatios: number[] | null;
}

/**
 * The smallest one-sided p of a sign-flip (signed-rank) test on n paired rounds: 2⁻ⁿ, when every
 * round moves the same way.
 * @example
 * smallestSignedRankP(10) // => 0.0009765625
 */
export function smallestSignedRankP(rounds: number): number {
  return 2 ** -rounds;
}

function isConstant(values: readonly number[]): boolean {
  return values.every((value) => value === values[0]);
}

function tested(fields: Omit<TestedAnalysis, 'kind' | 'jobHalfWidth' | 'exact' | 'fromZero' | 'historyJobs'> & Partial<TestedAnalysis>): TestedAnalysis {
  return { kind: 'tested', jobHalfWidth: 0, exact: false, fromZero: false, historyJobs: 0, ...fields };
}

/** Both sides constant: the change is exact; the sign-flip tail of n equal log ratios is 2⁻ⁿ. */
function analyzeConstantRounds(base: number, head: number, rounds: number): TestedAnalysis {
  if (base === head) {
    return tested({
      ratio: base > 0 ? 1 : null,
      interval: base > 0 ? [1, 1] : null,
      intervalMethod: 'exact',
      test: 'exact-permutation',
      pUp: 1,
      pDown: 1,
      pTwoSided: 1,
      exact: true,
      method: `every round is identical on both sides (${rounds} paired rounds)`,
    });
  }
  const tail = smallestSignedRankP(rounds);
  const up = head > base;
  const ratio = base > 0 && head > 0 ? head / base : null;
  return tested({
    ratio,
    interval: ratio === null ? null : [ratio, ratio],
    intervalMethod: 'exact',
    test: 'exact-permutation',
    pUp: up ? tail : 1,
    pDown: up ? 1 : tail,
    pTwoSided: Math.min(1, 2 * tail),
    exact: true,
    fromZero: base === 0 && head > 0,
    method: `the metric is deterministic (each side constant), exact sign-flip test on ${rounds} paired rounds`,
  });
}

/**
 * Tests one benchmark metric measured in paired rounds: runs[r] of the base and of the head were
 * measured in the same round r (whatever the metric's observation kind says).
 * - Every value > 0: the per-round log ratios log(head_r / base_r); the one-sample Wilcoxon
 *   signed-rank test of them (one-sided both ways) and the one-sample Hodges–Lehmann estimate
 *   and interval, so the change is exp(estimate) as head / base. Rounds whose two values are
 *   equal (log ratio 0) are dropped, as R's `wilcox.test` drops zeros, and the method says so.
 * - A value ≤ 0: the signed-rank test of the differences head_r − base_r; no relative change.
 * - Both sides constant: the exact change and the exact sign-flip tail 2⁻ⁿ.
 * - Fewer than 2 rounds: untestable.
 * Nothing here widens the interval for job-to-job noise: both sides ran in the same job, and the
 * seeded random order within each round makes a round's sign a coin flip when nothing changed.
 * @param base the base side's metric
 * @param head the head side's metric
 * @param confidence the interval level for this look
 * @returns the analysis, the level the interval has, and the log ratios
 * @throws RangeError when the two sides have different numbers of rounds
 */
export function analyzePaired(base: Metric, head: Metric, confidence: number): PairedAnalysis {
  const rounds = base.runs.length;
  if (head.runs.length !== rounds) {
    throw new RangeError(`paired rounds must line up: the base has ${rounds} runs of '${base.name}' and the head ${head.runs.length}`);
  }
  const positive = base.runs.every((v) => v > 0) && head.runs.every((v) => v > 0);
  const logRatios = positive ? head.runs.map((v, r) => Math.log(v / base.runs[r]!)) : null;
  if (rounds < 2) {
    const ratio = logRatios && rounds === 1 ? Math.exp(logRatios[0]!) : null;
    return {
      analysis: { kind: 'untestable', ratio, reason: `${rounds} paired round(s): a paired test needs at least 2 rounds; no rounds are invented` },
      intervalLevel: confidence,
      logRatios,
    };
  }
  if (isConstant(base.runs) && isConstant(head.runs)) {
    return { analysis: analyzeConstantRounds(base.runs[0]!, head.runs[0]!, rounds), intervalLevel: 1, logRatios };
  }
  const differences = logRatios ?? head.runs.map((v, r) => v - base.runs[r]!);
  const test = wilcoxonSignedRank(differences);
  const dropped = test.zeros > 0 ? `; ${test.zeros} round(s) with equal values on both sides left out, as R's wilcox.test does` : '';
  if (!logRatios) {
    return {
      analysis: tested({
        ratio: null,
        interval: null,
        intervalMethod: 'hodges-lehmann',
        test: 'signed-rank',
        pUp: test.pGreater,
        pDown: test.pLess,
        pTwoSided: test.pTwoSided,
        method: `Wilcoxon signed-rank on the differences of ${rounds} paired rounds (values ≤ 0: no relative change)${dropped}`,
      }),
      intervalLevel: confidence,
      logRatios,
    };
  }
  const hl = hodgesLehmannOneSample(logRatios, confidence);
  return {
    analysis: tested({
      ratio: Math.exp(hl.estimate),
      interval: [Math.exp(hl.low), Math.exp(hl.high)],
      intervalMethod: 'hodges-lehmann',
      test: 'signed-rank',
      pUp: test.pGreater,
      pDown: test.pLess,
      pTwoSided: test.pTwoSided,
      method: `Wilcoxon signed-rank on ${rounds} paired rounds${dropped}`,
    }),
    intervalLevel: test.n === 0 ? 1 : Math.min(confidence, hl.achievedConfidence),
    logRatios,
  };
}
