import type { Comparison } from './schema.ts';
import { logThreshold } from './parse-threshold.ts';

/**
 * Whether more rounds are no longer needed for this comparison: it is `regressed` or `improved`;
 * or `unchanged` with its whole interval inside ±threshold (on the log scale: the log ratio's
 * interval inside (−L, L) with L = −log(1 − threshold), the same L as the decision rule), or with
 * no interval because no relative change exists (values ≤ 0); or more rounds cannot change it
 * (`new`, `missing`, `errored`, an `incomparable` unit or direction, or a significant change of
 * values ≤ 0 that has no ratio). Undecided: `inconclusive` because the interval straddles the
 * threshold, the test is underpowered, or there are fewer than 2 rounds; and `unchanged` whose
 * interval still reaches past the threshold.
 * @param comparison one comparison from `comparePaired`
 * @param threshold the throughput loss the interval must stay within; the comparison's own when omitted
 * @returns true when sampling may stop for this comparison
 * @example
 * // unchanged, interval of the ratio 0.99 … 1.02, threshold 5% (L = 0.0513): inside, so decided
 * isDecided(comparison) // => true
 */
export function isDecided(comparison: Comparison, threshold: number = comparison.threshold): boolean {
  switch (comparison.verdict) {
    case 'regressed':
    case 'improved':
    case 'new':
    case 'missing':
    case 'errored':
      return true;
    case 'inconclusive':
      return comparison.reason.cause === 'incomparable' || comparison.reason.cause === 'no-relative-change';
    case 'unchanged': {
      if (comparison.interval === null) return true;
      const limit = logThreshold(threshold);
      const [low, high] = comparison.interval.ratio;
      return Math.log(low) > -limit && Math.log(high) < limit;
    }
  }
}

/**
 * The ids of the gated benchmarks that still need rounds: those with at least one gated metric
 * not `isDecided`, in order, each once. Metrics that do not gate never keep the sampling going.
 * @param comparisons all comparisons of this look
 * @returns benchmark ids; empty when the adaptive loop may stop
 */
export function undecidedGatedIds(comparisons: readonly Comparison[]): string[] {
  const ids: string[] = [];
  for (const comparison of comparisons) if (comparison.gate && !isDecided(comparison) && !ids.includes(comparison.id)) ids.push(comparison.id);
  return ids;
}
