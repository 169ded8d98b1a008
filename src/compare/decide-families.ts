import { holm } from '../stats/index.ts';
import type { TestedAnalysis } from './analyze-metric.ts';
import { decideVerdict } from './decide-verdict.ts';
import type { Comparison } from './schema.ts';

/** A comparison on its way to a verdict: its tested analysis (null when untestable) and oriented p values. */
export interface PendingComparison {
  comparison: Comparison;
  analysis: TestedAnalysis | null;
  /** One-sided p that the metric got worse. */
  worse: number;
  /** One-sided p that the metric got better. */
  better: number;
}

/** What differs between the designs when the families are decided; both fields are optional. */
export interface DecideFamiliesOptions {
  /** The significance level a comparison is decided at. @default its own `alpha` */
  alphaOf?: (comparison: Comparison) => number;
  /** The smallest one-sided p the design's test can reach with n runs (rounds). @default the rank-sum test's 1 / C(2n, n) */
  separationP?: (runs: number) => number;
}

/**
 * Holm-adjusts and decides every tested comparison in place. Two families are adjusted
 * separately: the gated comparisons (those that can fail the gate) and the rest; within each,
 * the "worse" and the "better" one-sided p values are adjusted as two families. Each comparison
 * then gets its `p`, and its verdict, reason and `runsNeeded` from `decideVerdict`.
 * @param pending every comparison with its analysis; those without one are left as they are
 * @param options the level each comparison is decided at, and the design's best reachable p
 */
export function decideFamilies(pending: readonly PendingComparison[], options: DecideFamiliesOptions = {}): void {
  for (const gated of [true, false]) {
    const family = pending.filter((entry) => entry.analysis !== null && entry.comparison.gate === gated);
    if (family.length === 0) continue;
    const worseAdjusted = holm(family.map((entry) => entry.worse));
    const betterAdjusted = holm(family.map((entry) => entry.better));
    family.forEach((entry, index) => {
      const analysis = entry.analysis!;
      const comparison = entry.comparison;
      comparison.p = {
        test: analysis.test,
        twoSided: analysis.pTwoSided,
        worse: entry.worse,
        better: entry.better,
        worseAdjusted: worseAdjusted[index]!,
        betterAdjusted: betterAdjusted[index]!,
      };
      const decision = decideVerdict({
        analysis,
        direction: comparison.direction,
        threshold: comparison.threshold,
        alpha: options.alphaOf ? options.alphaOf(comparison) : comparison.alpha,
        worseAdjusted: worseAdjusted[index]!,
        betterAdjusted: betterAdjusted[index]!,
        family: family.length,
        n1: comparison.baseline!.runs,
        n2: comparison.current!.runs,
        ...(options.separationP ? { separationP: options.separationP } : {}),
      });
      comparison.verdict = decision.verdict;
      comparison.reason = decision.reason;
      comparison.runsNeeded = decision.runsNeeded;
    });
  }
}
