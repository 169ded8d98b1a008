import { mean, sampleVariance } from 'simple-statistics';
import { tCdf } from './t-cdf.ts';

/** Welch's t-test: the statistic, its unrounded degrees of freedom and three p values. */
export interface WelchResult {
  /** (mean(x) − mean(y)) / √(s²x/nx + s²y/ny); NaN when both samples are constant and equal. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom, not rounded; NaN when both samples are constant. */
  df: number;
  /** mean(x) − mean(y). */
  meanDifference: number;
  /** Alternative: the means differ. */
  pTwoSided: number;
  /** Alternative: mean(x) < mean(y). */
  pLess: number;
  /** Alternative: mean(x) > mean(y). */
  pGreater: number;
}

/**
 * Welch's unequal-variances t-test of x against y. For timings, pass log values: the test is
 * then on the ratio of geometric means. Two constant samples have no variance: equal means give
 * p = 1 on every side; different means give t = ±Infinity and p 0 or 1 accordingly.
 * Source: B. L. Welch, Biometrika 34 (1947); Satterthwaite, Biometrics Bulletin 2 (1946).
 * Agrees with R's `t.test(x, y)` (var.equal = FALSE).
 * @param x first sample, at least 2 values
 * @param y second sample, at least 2 values
 * @returns t, df, the mean difference and the p values
 * @throws RangeError when a sample has fewer than 2 values
 * @example
 * welchTTest([1, 2, 3, 4], [3, 4, 5, 6, 7]).pTwoSided; // => 0.03493878235996401 (R's t.test: 0.03493878235996398)
 */
export function welchTTest(x: readonly number[], y: readonly number[]): WelchResult {
  if (x.length < 2 || y.length < 2) {
    throw new RangeError(`welchTTest needs at least 2 values per sample, got ${x.length} and ${y.length}`);
  }
  const meanDifference = mean([...x]) - mean([...y]);
  const vx = sampleVariance([...x]) / x.length;
  const vy = sampleVariance([...y]) / y.length;
  const se2 = vx + vy;
  if (se2 === 0) {
    if (meanDifference === 0) return { t: Number.NaN, df: Number.NaN, meanDifference, pTwoSided: 1, pLess: 1, pGreater: 1 };
    const t = meanDifference > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    return { t, df: Number.NaN, meanDifference, pTwoSided: 0, pLess: t < 0 ? 0 : 1, pGreater: t > 0 ? 0 : 1 };
  }
  const t = meanDifference / Math.sqrt(se2);
  // Scaled by the larger variance so that tiny variances do not underflow to 0/0.
  const scale = Math.max(vx, vy);
  const a = vx / scale;
  const b = vy / scale;
  const df = ((a + b) * (a + b)) / ((a * a) / (x.length - 1) + (b * b) / (y.length - 1));
  const pLess = tCdf(t, df);
  const pGreater = tCdf(-t, df);
  return { t, df, meanDifference, pTwoSided: Math.min(1, 2 * Math.min(pLess, pGreater)), pLess, pGreater };
}
