import { midRanks } from './mid-ranks.ts';
import { normalCdf } from './normal-cdf.ts';
import { signedRankDistribution } from './signed-rank-distribution.ts';

/** The one-sample Wilcoxon signed-rank test of x against 0. */
export interface WilcoxonSignedRankResult {
  /** V: the sum of the mid-ranks of |x| over the positive values, after zeros are dropped. */
  v: number;
  /** Values used: those not equal to 0. */
  n: number;
  /** Values equal to 0, dropped before ranking (R's rule). */
  zeros: number;
  /** Whether the p values are exact (fewer than 50 non-zero values, no ties among |x|, no zeros). */
  exact: boolean;
  /** The continuity-corrected z of the two-sided test, null when exact (0 when no value is left). */
  z: number | null;
  /** Alternative: the distribution of x is not symmetric about 0 (twice the smaller tail, at most 1). */
  pTwoSided: number;
  /** Alternative: x tends to be below 0. */
  pLess: number;
  /** Alternative: x tends to be above 0. */
  pGreater: number;
}

/** The exact distribution is used when fewer than this many non-zero values remain (R's default). */
export const SIGNED_RANK_EXACT_LIMIT = 50;

/**
 * The one-sample Wilcoxon signed-rank test of whether x is centered on 0, exactly as R's
 * `wilcox.test(x, mu = 0, exact = NULL, correct = TRUE)` computes it:
 * - values equal to 0 are dropped (Wilcoxon's original rule), and |x| of the rest is mid-ranked;
 *   V is the sum of the ranks of the positive values;
 * - exact p values from the null distribution of V when fewer than 50 values remain and there
 *   are neither ties among |x| nor zeros;
 * - otherwise the normal approximation: mean n(n + 1)/4, variance
 *   n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48 over the tie groups t, and a continuity correction of ½
 *   toward the mean (for the two-sided test, ½ toward the mean on the observed side).
 * When every value is 0 there is no evidence either way: all p values are 1 (R gives NaN).
 * SciPy's `wilcoxon(x, zero_method = 'wilcox', correction = True, method = 'approx')` agrees with
 * the normal approximation; SciPy's defaults differ (no continuity correction, and `method =
 * 'auto'` is exact only up to 50 values without ties, and falls back to the approximation with zeros).
 * Source: Wilcoxon, Biometrics Bulletin 1 (1945); Hollander, Wolfe & Chicken, Nonparametric
 * Statistical Methods, 3rd ed., §3.1; R's `wilcox.test.default`.
 * @param x the values, for paired rounds the per-round differences (for timings, log ratios
 *   log(head / base)); at least 1
 * @returns V, the counts, and the p values
 * @throws RangeError when x is empty or holds a value that is not finite
 * @example
 * wilcoxonSignedRank([0.1, 0.25, -0.05, 0.3, 0.2]).pGreater; // => 0.0625 (2 of the 32 sign patterns)
 */
export function wilcoxonSignedRank(x: readonly number[]): WilcoxonSignedRankResult {
  if (x.length < 1) throw new RangeError('wilcoxonSignedRank needs at least 1 value, got 0');
  const bad = x.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw new RangeError(`wilcoxonSignedRank needs finite values, got ${x[bad]} at index ${bad}`);
  const nonZero = x.filter((value) => value !== 0);
  const zeros = x.length - nonZero.length;
  const n = nonZero.length;
  const { ranks, ties } = midRanks(nonZero.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (nonZero[i]! > 0) v += ranks[i]!;
  const hasTies = ties.some((t) => t > 1);
  const mean = (n * (n + 1)) / 4;

  if (n < SIGNED_RANK_EXACT_LIMIT && !hasTies && zeros === 0) {
    const distribution = signedRankDistribution(n);
    let pLess = 0;
    for (let k = 0; k <= v; k++) pLess += distribution[k]!;
    let pGreater = 0;
    for (let k = v; k < distribution.length; k++) pGreater += distribution[k]!;
    pLess = Math.min(1, pLess);
    pGreater = Math.min(1, pGreater);
    const pTwoSided = Math.min(1, 2 * (v > mean ? pGreater : pLess));
    return { v, n, zeros, exact: true, z: null, pTwoSided, pLess, pGreater };
  }

  const tieTerm = ties.reduce((sum, t) => sum + (t * t * t - t), 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  if (n === 0 || sigma === 0) return { v, n, zeros, exact: false, z: 0, pTwoSided: 1, pLess: 1, pGreater: 1 };
  const centered = v - mean;
  const z = (centered - Math.sign(centered) * 0.5) / sigma;
  const pLess = normalCdf((centered + 0.5) / sigma);
  const pGreater = normalCdf(-(centered - 0.5) / sigma);
  const pTwoSided = Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
  return { v, n, zeros, exact: false, z, pTwoSided, pLess, pGreater };
}
