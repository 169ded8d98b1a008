import { mannWhitneyDistribution } from './mann-whitney-distribution.ts';
import { midRanks } from './mid-ranks.ts';
import { normalCdf } from './normal-cdf.ts';

/** The Mann–Whitney U test of x against y. */
export interface MannWhitneyResult {
  /** U of x: the number of pairs with x_i > y_j, ties counting ½. */
  u: number;
  /** Whether the p values are exact (both n ≤ 50, no ties) or from the normal approximation. */
  exact: boolean;
  /** The continuity-corrected z of the two-sided test, null when exact. */
  z: number | null;
  /** Alternative: one sample tends to be larger than the other (twice the smaller tail, at most 1). */
  pTwoSided: number;
  /** Alternative: x tends to be smaller than y. */
  pLess: number;
  /** Alternative: x tends to be larger than y. */
  pGreater: number;
}

/** Largest sample size for which the exact distribution is used. */
export const MANN_WHITNEY_EXACT_LIMIT = 50;

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test with mid-ranks. Exact p values from the null
 * distribution when both samples have at most 50 values and there are no ties; otherwise the
 * normal approximation with the tie-corrected variance and a continuity correction of ½.
 * When every value is tied there is no evidence either way: all p values are 1.
 * Source: Mann & Whitney (1947); Hollander, Wolfe & Chicken §4.1. Agrees with R's
 * `wilcox.test(x, y, exact = ...)` given the same choice (`correct = TRUE` when approximate; R's
 * own default is exact only below 50 per side) and with SciPy's
 * `mannwhitneyu(x, y, method = 'asymptotic', use_continuity = True)` when approximate.
 * @param x first sample, at least 1 value
 * @param y second sample, at least 1 value
 * @returns U and the p values
 * @throws RangeError when a sample is empty
 * @example
 * mannWhitneyU([1, 2, 3], [4, 5, 6, 7]).pLess; // => 0.02857142857142857 (1 / 35)
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const m = x.length;
  const n = y.length;
  if (m < 1 || n < 1) throw new RangeError(`mannWhitneyU needs at least 1 value per sample, got ${m} and ${n}`);
  const { ranks, ties } = midRanks([...x, ...y]);
  let rankSum = 0;
  for (let i = 0; i < m; i++) rankSum += ranks[i]!;
  const u = rankSum - (m * (m + 1)) / 2;
  const hasTies = ties.some((t) => t > 1);
  if (!hasTies && m <= MANN_WHITNEY_EXACT_LIMIT && n <= MANN_WHITNEY_EXACT_LIMIT) {
    const distribution = mannWhitneyDistribution(m, n);
    let pLess = 0;
    for (let k = 0; k <= u; k++) pLess += distribution[k]!;
    let pGreater = 0;
    for (let k = u; k <= m * n; k++) pGreater += distribution[k]!;
    pLess = Math.min(1, pLess);
    pGreater = Math.min(1, pGreater);
    const pTwoSided = Math.min(1, 2 * (u > (m * n) / 2 ? pGreater : pLess));
    return { u, exact: true, z: null, pTwoSided, pLess, pGreater };
  }
  const total = m + n;
  const tieTerm = ties.reduce((sum, t) => sum + (t * t * t - t), 0);
  const sigma = Math.sqrt(((m * n) / 12) * (total + 1 - tieTerm / (total * (total - 1))));
  if (sigma === 0) return { u, exact: false, z: 0, pTwoSided: 1, pLess: 1, pGreater: 1 };
  const centered = u - (m * n) / 2;
  const z = (centered - Math.sign(centered) * 0.5) / sigma;
  const pLess = normalCdf((centered + 0.5) / sigma);
  const pGreater = normalCdf(-(centered - 0.5) / sigma);
  const pTwoSided = Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
  return { u, exact: false, z, pTwoSided, pLess, pGreater };
}
