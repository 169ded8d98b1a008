import type { Metric } from '../results/schema.ts';
import { hodgesLehmannOneSample, wilcoxonSignedRank } from '../stats/index.ts';
import { analyzeConstant, isConstant, type Analysis, type TestedAnalysis } from './analyze-metric.ts';

/** A paired analysis, with the level its interval really has. */
export interface PairedAnalysis {
  analysis: Analysis;
  /** The interval's coverage: the requested level, lower when the rounds are too few to reach it, 1 when exact. */
  intervalLevel: number;
  /** Per-round log ratios log(head / base), null when a value is ≤ 0. */
  logRatios: number[] | null;
  /** Rounds whose two values were equal, left out of the signed-rank test (R's rule for zeros). */
  droppedRounds: number;
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

/** A paired analysis: both sides come from one job, so no job-to-job term (`job: null`). */
function tested(fields: Omit<TestedAnalysis, 'kind' | 'jobHalfWidths' | 'exact' | 'fromZero' | 'job'> & Partial<TestedAnalysis>): TestedAnalysis {
  return { kind: 'tested', jobHalfWidths: [0, 0], exact: false, fromZero: false, job: null, ...fields };
}

/**
 * Tests one benchmark metric measured in paired rounds: runs[r] of the base and of the head were
 * measured in the same round r (whatever the metric's observation kind says).
 * - Every value > 0: the per-round log ratios log(head_r / base_r); the one-sample Wilcoxon
 *   signed-rank test of them (one-sided both ways) and the one-sample Hodges–Lehmann estimate
 *   and interval, so the change is exp(estimate) as head / base. Rounds whose two values are
 *   equal (log ratio 0) are dropped, as R's `wilcox.test` drops zeros, and counted.
 * - A value ≤ 0: the signed-rank test of the differences head_r − base_r; no relative change.
 * - Both sides constant: the exact change and the exact sign-flip tail 2⁻ⁿ.
 * - Fewer than 2 rounds: untestable.
 * Nothing here widens the interval for job-to-job noise: both sides ran in the same job, and the
 * seeded random order within each round makes a round's sign a coin flip when nothing changed.
 * @param base the base side's metric
 * @param head the head side's metric
 * @param confidence the interval level for this look
 * @returns the analysis, the level the interval has, the log ratios and the rounds left out
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
      analysis: { kind: 'untestable', ratio, oneValuePerJob: false },
      intervalLevel: confidence,
      logRatios,
      droppedRounds: 0,
    };
  }
  if (isConstant(base.runs) && isConstant(head.runs)) {
    return { analysis: analyzeConstant(base.runs[0]!, head.runs[0]!, smallestSignedRankP(rounds)), intervalLevel: 1, logRatios, droppedRounds: 0 };
  }
  const differences = logRatios ?? head.runs.map((v, r) => v - base.runs[r]!);
  const test = wilcoxonSignedRank(differences);
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
      }),
      intervalLevel: confidence,
      logRatios,
      droppedRounds: test.zeros,
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
    }),
    intervalLevel: test.n === 0 ? 1 : Math.min(confidence, hl.achievedConfidence),
    logRatios,
    droppedRounds: test.zeros,
  };
}
