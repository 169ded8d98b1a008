import { mannWhitneyDistribution } from './mann-whitney-distribution.ts';
import { MANN_WHITNEY_EXACT_LIMIT } from './mann-whitney-u.ts';
import { midRanks } from './mid-ranks.ts';
import { normalQuantile } from './normal-quantile.ts';

/** A Hodges–Lehmann shift estimate and its distribution-free confidence interval. */
export interface HodgesLehmannResult {
  /** The median of all pairwise differences y_j − x_i. */
  shift: number;
  low: number;
  high: number;
  /** The requested confidence level. */
  confidence: number;
}

function sortedDifferences(x: readonly number[], y: readonly number[]): Float64Array {
  const differences = new Float64Array(x.length * y.length);
  let k = 0;
  for (const yj of y) for (const xi of x) differences[k++] = yj - xi;
  return differences.sort();
}

function medianOfSorted(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Smallest q with P(U ≤ q) ≥ p under the exact null distribution (R's `qwilcox`). */
function exactLowerQuantile(p: number, m: number, n: number): number {
  const distribution = mannWhitneyDistribution(m, n);
  let cumulative = 0;
  for (let q = 0; q < distribution.length; q++) {
    cumulative += distribution[q]!;
    // A hair of tolerance so that rounding in the sum does not skip an exact boundary.
    if (cumulative >= p * (1 - 64 * Number.EPSILON)) return q;
  }
  return distribution.length - 1;
}

/**
 * The Hodges–Lehmann estimate of the shift of y relative to x (the median of the m·n pairwise
 * differences y_j − x_i) with its distribution-free confidence interval from order statistics of
 * those differences. With both samples ≤ 50 and no ties the interval's ranks come from the exact
 * Mann–Whitney distribution, exactly as R's `wilcox.test(y, x, conf.int = TRUE)`; otherwise from
 * the normal approximation C = round(m·n/2 − z·σ) with the tie-corrected σ (Hollander, Wolfe &
 * Chicken eq. 4.41), which R does not use (it inverts the test by root finding) and so can differ
 * by one order statistic. For timings pass log values and report exp(shift) as a ratio.
 * Source: Hodges & Lehmann, Ann. Math. Statist. 34 (1963); Bauer, JASA 67 (1972).
 * @param x baseline sample, at least 1 value
 * @param y current sample, at least 1 value
 * @param confidence two-sided level in (0, 1)
 * @returns the shift and its interval
 * @throws RangeError when a sample is empty or the level is outside (0, 1)
 * @example
 * hodgesLehmann([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]); // => { shift: 2.5, low: 0, high: 5, confidence: 0.95 }
 */
export function hodgesLehmann(x: readonly number[], y: readonly number[], confidence = 0.95): HodgesLehmannResult {
  const m = x.length;
  const n = y.length;
  if (m < 1 || n < 1) throw new RangeError(`hodgesLehmann needs at least 1 value per sample, got ${m} and ${n}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const differences = sortedDifferences(x, y);
  const shift = medianOfSorted(differences);
  const total = m * n;
  const alpha = 1 - confidence;
  const { ties } = midRanks([...x, ...y]);
  const hasTies = ties.some((t) => t > 1);
  let lowRank: number;
  if (!hasTies && m <= MANN_WHITNEY_EXACT_LIMIT && n <= MANN_WHITNEY_EXACT_LIMIT) {
    lowRank = Math.max(1, exactLowerQuantile(alpha / 2, m, n));
  } else {
    const size = m + n;
    const tieTerm = ties.reduce((sum, t) => sum + (t * t * t - t), 0);
    const sigma = Math.sqrt(((m * n) / 12) * (size + 1 - tieTerm / (size * (size - 1))));
    lowRank = Math.max(1, Math.round(total / 2 - normalQuantile(1 - alpha / 2) * sigma));
  }
  const highRank = Math.min(total, total - lowRank + 1);
  return { shift, low: differences[lowRank - 1]!, high: differences[highRank - 1]!, confidence };
}
