import { midRanks } from './mid-ranks.ts';
import { normalQuantile } from './normal-quantile.ts';
import { signedRankDistribution } from './signed-rank-distribution.ts';
import { SIGNED_RANK_EXACT_LIMIT } from './wilcoxon-signed-rank.ts';

/** A one-sample Hodges–Lehmann estimate and its distribution-free confidence interval. */
export interface HodgesLehmannOneSampleResult {
  /** The median of the Walsh averages (x_i + x_j)/2, i ≤ j, of the non-zero values (R's "(pseudo)median"). */
  estimate: number;
  low: number;
  high: number;
  /** The requested confidence level. */
  confidence: number;
  /**
   * The coverage the interval really has: from the exact distribution when it is used (at least
   * `confidence` unless n is too small to reach it), else the level the normal approximation
   * targets, which R lowers (halving 1 − level repeatedly) when the values cannot reach it; 0 when
   * every non-zero value is the same (the interval is then that value).
   */
  achievedConfidence: number;
  /** Whether the interval comes from the exact signed-rank distribution. */
  exact: boolean;
  /** Values used: those not equal to 0. */
  n: number;
  /** Values equal to 0, dropped as R's `wilcox.test` drops them. */
  zeros: number;
}

function medianOfSorted(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The n(n + 1)/2 Walsh averages (x_i + x_j)/2, i ≤ j, sorted. */
function sortedWalshAverages(x: readonly number[]): Float64Array {
  const n = x.length;
  const averages = new Float64Array((n * (n + 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) averages[k++] = (x[i]! + x[j]!) / 2;
  return averages.sort();
}

/** Smallest q with P(V ≤ q) ≥ p under the exact null distribution (R's `qsignrank`). */
function exactLowerQuantile(p: number, distribution: Float64Array): number {
  let cumulative = 0;
  for (let q = 0; q < distribution.length; q++) {
    cumulative += distribution[q]!;
    // A hair of tolerance so that rounding in the sum does not skip an exact boundary.
    if (cumulative >= p * (1 - 64 * Number.EPSILON)) return q;
  }
  return distribution.length - 1;
}

/**
 * R's W(d): the continuity-corrected, tie-corrected signed-rank statistic of x − d (zeros
 * dropped), standardized; NaN or ±∞ when nothing but zeros or one tie group is left.
 */
function standardizedAt(x: readonly number[], d: number): number {
  const shifted = x.map((value) => value - d).filter((value) => value !== 0);
  const n = shifted.length;
  const { ranks, ties } = midRanks(shifted.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (shifted[i]! > 0) v += ranks[i]!;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - ties.reduce((sum, t) => sum + (t * t * t - t), 0) / 48);
  const centered = v - (n * (n + 1)) / 4;
  return (centered - 0.5 * Math.sign(centered)) / sigma;
}

/**
 * The normal-approximation limits as R's `wilcox.test` finds them: the points where the
 * continuity- and tie-corrected statistic of x − d crosses ±z. Between two neighbouring Walsh
 * averages no value of x − d is 0 and |x − d| ties only where x has ties, so σ is constant there,
 * V = #{Walsh averages > d}, and the statistic is a step function of d whose steps are the Walsh
 * averages: a limit is the first Walsh average after which the statistic is ≤ its quantile
 * (R finds the same step by `uniroot` to 1e-4).
 */
function approximateLimits(walsh: Float64Array, x: readonly number[], zLow: number, zHigh: number): [number, number] {
  const n = x.length;
  const total = walsh.length;
  const tieTerm = midRanks(x).ties.reduce((sum, t) => sum + (t * t * t - t), 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const standardized = (above: number) => {
    const centered = above - total / 2;
    return (centered - 0.5 * Math.sign(centered)) / sigma;
  };
  let low = Number.NaN;
  let high = Number.NaN;
  for (let k = 0; k < total; ) {
    const value = walsh[k]!;
    while (k < total && walsh[k] === value) k++;
    const statistic = standardized(total - k);
    if (Number.isNaN(low) && statistic <= zLow) low = value;
    if (statistic <= zHigh) {
      high = value;
      break;
    }
  }
  return [low, Number.isNaN(high) ? walsh[total - 1]! : high];
}

/**
 * The one-sample Hodges–Lehmann estimate of the center of a symmetric distribution, the median of
 * the Walsh averages (x_i + x_j)/2 for i ≤ j, with the confidence interval that inverts the
 * Wilcoxon signed-rank test. Applied to per-round log ratios log(head / base) of paired rounds,
 * exp(estimate) is the ratio head / base. Computed exactly as R's
 * `wilcox.test(x, mu = 0, conf.int = TRUE, exact = NULL, correct = TRUE)`:
 * - values equal to 0 are dropped first (R drops them before the estimate too);
 * - fewer than 50 values left, no ties, no zeros: the limits are the Walsh averages ranked
 *   q and n(n + 1)/2 + 1 − q, with q the exact α/2 quantile of V (at least 1);
 * - otherwise: the limits where the continuity- and tie-corrected normal statistic crosses
 *   ±z₁₋α/₂, halving the level's 1 − confidence until the statistic at min(x) and max(x) brackets
 *   it, as R does for samples too small for the level. R's estimate there is a root of a step
 *   function, anywhere in the flat step between the two middle Walsh averages; the median is
 *   returned.
 * Departures from R where R gives no answer: with every value 0 the estimate and both limits are
 * 0; with every non-zero value equal (R: NaN) they are that value, with `achievedConfidence` 0.
 * Memory and time grow as n²: 1,000 values make 500,500 averages (4 MB); fine up to a few thousand.
 * Source: Hodges & Lehmann, Ann. Math. Statist. 34 (1963); Hollander, Wolfe & Chicken,
 * Nonparametric Statistical Methods, 3rd ed., §3.2–3.3; R's `wilcox.test.default`.
 * @param x the values, at least 1, all finite
 * @param confidence two-sided level in (0, 1)
 * @returns the estimate, its interval, and the requested and achieved confidence
 * @throws RangeError when x is empty or not finite, or the level is outside (0, 1)
 * @example
 * hodgesLehmannOneSample([1.5, 2.5, -0.5, 3, 4, 2, 1]).estimate; // => 2
 * hodgesLehmannOneSample([1.5, 2.5, -0.5, 3, 4, 2, 1]).high; // => 3.25
 */
export function hodgesLehmannOneSample(x: readonly number[], confidence = 0.95): HodgesLehmannOneSampleResult {
  if (x.length < 1) throw new RangeError('hodgesLehmannOneSample needs at least 1 value, got 0');
  const bad = x.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw new RangeError(`hodgesLehmannOneSample needs finite values, got ${x[bad]} at index ${bad}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const values = x.filter((value) => value !== 0);
  const zeros = x.length - values.length;
  const n = values.length;
  if (n === 0) return { estimate: 0, low: 0, high: 0, confidence, achievedConfidence: 0, exact: false, n, zeros };
  const walsh = sortedWalshAverages(values);
  const estimate = medianOfSorted(walsh);
  const total = walsh.length;
  const alpha = 1 - confidence;
  const hasTies = midRanks(values.map(Math.abs)).ties.some((t) => t > 1);

  if (n < SIGNED_RANK_EXACT_LIMIT && !hasTies && zeros === 0) {
    const distribution = signedRankDistribution(n);
    const rank = Math.max(1, exactLowerQuantile(alpha / 2, distribution));
    // P(V ≤ rank − 1) falls outside on each side.
    let outside = 0;
    for (let v = 0; v < rank; v++) outside += distribution[v]!;
    const achievedConfidence = Math.max(0, 1 - 2 * outside);
    return { estimate, low: walsh[rank - 1]!, high: walsh[total - rank]!, confidence, achievedConfidence, exact: true, n, zeros };
  }

  const min = walsh[0]!;
  const max = walsh[total - 1]!;
  const atMin = standardizedAt(values, min);
  const atMax = standardizedAt(values, max);
  if (!Number.isFinite(atMin) || !Number.isFinite(atMax)) {
    return { estimate, low: min, high: max, confidence, achievedConfidence: 0, exact: false, n, zeros };
  }
  let level = alpha;
  while (level < 1 && (atMin - normalQuantile(1 - level / 2) < 0 || atMax - normalQuantile(level / 2) > 0)) level *= 2;
  if (level >= 1) {
    const middle = medianOfSorted(Float64Array.from(values).sort());
    return { estimate, low: middle, high: middle, confidence, achievedConfidence: 0, exact: false, n, zeros };
  }
  const [low, high] = approximateLimits(walsh, values, normalQuantile(1 - level / 2), normalQuantile(level / 2));
  return { estimate, low, high, confidence, achievedConfidence: 1 - level, exact: false, n, zeros };
}
