import { holm } from '../stats/index.ts';
import type { TestedAnalysis } from './analyze-metric.ts';
import { decideVerdict } from './decide-verdict.ts';
import type { Comparison, ComparisonOf, PValues } from './schema.ts';

/** A comparison that ran a test and awaits its Holm adjustment and verdict. */
export interface PendingComparison {
  fields: Omit<ComparisonOf<'unchanged'>, 'verdict' | 'reason' | 'p'>;
  analysis: TestedAnalysis;
  /** One-sided p that the metric got worse. */
  worse: number;
  /** One-sided p that the metric got better. */
  better: number;
  /** Extra p-value data of the design (paired: rounds dropped from the signed-rank test). */
  extraP?: Pick<PValues, 'droppedRounds'>;
}

/** What differs between the designs when the families are decided; both fields are optional. */
export interface DecideFamiliesOptions {
  /** The significance level a comparison is decided at. @default its own `alpha` */
  alphaOf?: (fields: PendingComparison['fields']) => number;
  /** The smallest one-sided p the design's test can reach with n runs (rounds). @default the rank-sum test's 1 / C(2n, n) */
  separationP?: (runs: number) => number;
}

/**
 * Whether a comparison was settled without a test: a deterministic metric with the same value on
 * both sides (`analyzeConstant`: p = 1 both ways). It cannot be a false alarm whatever the
 * machine does, so it takes no share of the family's alpha.
 */
function settledExactly(entry: PendingComparison): boolean {
  return entry.analysis.exact && entry.worse === 1 && entry.better === 1;
}

/**
 * Holm-adjusts and decides every tested comparison. Two families are adjusted separately: the
 * gated comparisons (those that can fail the gate) and the rest; within each, the "worse" and the
 * "better" one-sided p values are adjusted as two families. A deterministic metric that is equal
 * on both sides is settled exactly (p = 1, never a false alarm) and is not counted in its
 * family: Holm's bound only needs the comparisons whose null can be rejected by chance. Each
 * comparison then gets its `p`, and its verdict and reason from `decideVerdict`.
 * @param pending every tested comparison
 * @param options the level each comparison is decided at, and the design's best reachable p
 * @returns the finished comparison of each pending one
 */
export function decideFamilies(pending: readonly PendingComparison[], options: DecideFamiliesOptions = {}): Map<PendingComparison, Comparison> {
  const finished = new Map<PendingComparison, Comparison>();
  for (const gated of [true, false]) {
    const members = pending.filter((entry) => entry.fields.gate === gated);
    const family = members.filter((entry) => !settledExactly(entry));
    const worseHolm = holm(family.map((entry) => entry.worse));
    const betterHolm = holm(family.map((entry) => entry.better));
    // each member's adjusted p: its family member's, or 1 when it was settled exactly
    const worseAdjusted: number[] = [];
    const betterAdjusted: number[] = [];
    let next = 0;
    for (const entry of members) {
      const tested = family[next] === entry;
      worseAdjusted.push(tested ? worseHolm[next]! : 1);
      betterAdjusted.push(tested ? betterHolm[next]! : 1);
      if (tested) next++;
    }
    members.forEach((entry, index) => {
      const { analysis, fields } = entry;
      const p: PValues = {
        test: analysis.test,
        twoSided: analysis.pTwoSided,
        worse: entry.worse,
        better: entry.better,
        worseAdjusted: worseAdjusted[index]!,
        betterAdjusted: betterAdjusted[index]!,
        ...entry.extraP,
      };
      const decision = decideVerdict({
        analysis,
        direction: fields.direction,
        threshold: fields.threshold,
        alpha: options.alphaOf ? options.alphaOf(fields) : fields.alpha,
        worseAdjusted: p.worseAdjusted,
        betterAdjusted: p.betterAdjusted,
        family: Math.max(1, family.length),
        n1: fields.baseline.runs,
        n2: fields.current.runs,
        ...(options.separationP ? { separationP: options.separationP } : {}),
      });
      finished.set(entry, { ...fields, p, ...decision } as Comparison);
    });
  }
  return finished;
}
