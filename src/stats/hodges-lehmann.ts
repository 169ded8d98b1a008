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
  /**
   * The coverage the interval really has: from the exact distribution when it is used (at least
   * `confidence`, except for samples too small to reach it: 2 vs 2 runs reach only 2/3), else the
   * requested level, which the normal approximation targets.
   */
  achievedConfidence: number;
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

/** Whether any value occurs twice in x and y together. */
function hasTies(x: readonly number[], y: readonly number[]): boolean {
  const all = new Float64Array(x.length + y.length);
  all.set(x);
  all.set(y, x.length);
  all.sort();
  for (let i = 1; i < all.length; i++) if (all[i] === all[i - 1]) return true;
  return false;
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

/** Σ (t³ − t) over the tie groups of one sample. */
function tieTerm(values: readonly number[]): number {
  return midRanks(values).ties.reduce((sum, t) => sum + (t * t * t - t), 0);
}

/**
 * The normal-approximation limits, found as R's `wilcox.test` finds them: the interval ends where
 * the continuity-corrected, tie-corrected statistic of (y − d, x) crosses ±z. Between two
 * distinct differences only the ties inside each sample remain, so σ is constant there and the
 * statistic is a step function of d whose steps are the differences: the limit is the first
 * distinct difference after which (dz − ½·sign(dz))/σ ≤ zq, with dz = #{D > d} − m·n/2.
 */
function approximateLimits(differences: Float64Array, x: readonly number[], y: readonly number[], z: number): [number, number] {
  const m = x.length;
  const n = y.length;
  const size = m + n;
  const total = m * n;
  const sigma = Math.sqrt((total / 12) * (size + 1 - (tieTerm(x) + tieTerm(y)) / (size * (size - 1))));
  const standardized = (above: number) => {
    const dz = above - total / 2;
    return (dz - 0.5 * Math.sign(dz)) / sigma;
  };
  let low = Number.NaN;
  let high = Number.NaN;
  for (let k = 0; k < total; ) {
    const value = differences[k]!;
    while (k < total && differences[k] === value) k++;
    const statistic = standardized(total - k);
    if (Number.isNaN(low) && statistic <= z) low = value;
    if (statistic <= -z) {
      high = value;
      break;
    }
  }
  return [low, Number.isNaN(high) ? differences[total - 1]! : high];
}

/**
 * The Hodges–Lehmann estimate of the shift of y relative to x, the median of the m·n pairwise
 * differences y_j − x_i, with its distribution-free confidence interval from order statistics of
 * those differences. The sign convention is R's `wilcox.test(y, x, conf.int = TRUE)`: a positive
 * shift means y is larger. For timings, pass log values and report exp(shift) as a ratio
 * current / baseline.
 * - Both samples ≤ 50 and no ties: the limits are the differences ranked by the exact
 *   Mann–Whitney quantile, exactly as R with `exact = TRUE`. (R's own default is exact only
 *   below 50 per side.)
 * - Otherwise: the limits where the continuity- and tie-corrected normal statistic crosses ±z,
 *   as R with `exact = FALSE` (R finds them by `uniroot` to 1e-4; these are the differences it
 *   converges to). R's estimate in this case is a root of a step function that is flat between
 *   the two middle differences, so it can lie anywhere between them; the median is returned here.
 * Source: Hodges & Lehmann, Ann. Math. Statist. 34 (1963); Bauer, JASA 67 (1972); R's
 * `wilcox.test.default`.
 * @param x baseline sample, at least 1 value
 * @param y current sample, at least 1 value
 * @param confidence two-sided level in (0, 1)
 * @returns the shift, its interval, and the requested and achieved confidence
 * @throws RangeError when a sample is empty or the level is outside (0, 1)
 * @example
 * hodgesLehmann([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]); // => { shift: 2.5, low: 0, high: 5, confidence: 0.95, achievedConfidence: 0.95 }
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
  if (!hasTies(x, y) && m <= MANN_WHITNEY_EXACT_LIMIT && n <= MANN_WHITNEY_EXACT_LIMIT) {
    const lowRank = Math.max(1, exactLowerQuantile(alpha / 2, m, n));
    const distribution = mannWhitneyDistribution(m, n);
    let outside = 0;
    for (let u = 0; u < lowRank; u++) outside += distribution[u]!;
    const achievedConfidence = Math.max(0, 1 - 2 * outside);
    return { shift, low: differences[lowRank - 1]!, high: differences[total - lowRank]!, confidence, achievedConfidence };
  }
  const [low, high] = approximateLimits(differences, x, y, normalQuantile(1 - alpha / 2));
  return { shift, low, high, confidence, achievedConfidence: confidence };
}
