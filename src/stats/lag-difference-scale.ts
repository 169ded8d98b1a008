import { median } from './median.ts';

/**
 * A robust standard deviation of a series from the differences of nearby values: the median of
 * |x_j − x_i| over all pairs at most `maxLag` apart in order, times 1.4826 / √2. For independent
 * normal values each difference has standard deviation σ·√2 and its absolute value has median
 * 0.6745·σ·√2, so the result estimates σ (1.4826 = 1/0.6745, the MAD's consistency constant).
 *
 * Why differences of neighbours: a level shift in the series (a real change partway through a
 * branch's history) touches only the pairs that straddle it, and one odd value only the ≤ 2·maxLag
 * pairs it belongs to, so neither inflates the estimate as they inflate a sample standard
 * deviation. With maxLag = 2 its efficiency at the normal is about 45% of the sample standard
 * deviation's (simulated: the estimate behaves like a χ scale with 0.45·(n − 1) degrees of freedom),
 * and it is slightly biased upward in small series (about +7% at n = 8).
 * Source: the MAD of first differences as a noise scale robust to change points (P. Fryzlewicz,
 * Ann. Statist. 42 (2014), Wild Binary Segmentation, §3), extended to lags ≤ maxLag in the manner
 * of the Shamos / Hodges–Lehmann pairwise scale estimator (Rousseeuw & Croux, JASA 88 (1993)).
 * @param values the series, in order (e.g. newest job first)
 * @param maxLag pairs at most this many positions apart are used (≥ 1)
 * @returns the estimate of σ; NaN with fewer than 2 values
 * @throws RangeError when maxLag is not a whole number ≥ 1
 * @example
 * lagDifferenceScale([0, 1, 0, 1, 0]); // => 1.0483580825075305
 */
export function lagDifferenceScale(values: readonly number[], maxLag = 2): number {
  if (!Number.isInteger(maxLag) || maxLag < 1) throw new RangeError(`lagDifferenceScale: maxLag must be a whole number ≥ 1, got ${maxLag}`);
  if (values.length < 2) return Number.NaN;
  const differences: number[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length && j - i <= maxLag; j++) differences.push(Math.abs(values[j]! - values[i]!));
  }
  return (1.482602218505602 * median(differences)) / Math.SQRT2;
}
