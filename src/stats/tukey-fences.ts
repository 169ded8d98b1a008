function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Tukey's fences and the values outside them. */
export interface TukeyFencesResult {
  /** Q1 − k·IQR. */
  low: number;
  /** Q3 + k·IQR. */
  high: number;
  /** The values below `low` or above `high`, in the input's order. */
  outliers: number[];
}

/**
 * Tukey's fences: values below Q1 − k·IQR or above Q3 + k·IQR are outliers. Quartiles are R's
 * default (type 7) quantiles. Used to flag a side whose runs hold outliers.
 * Source: J. W. Tukey, Exploratory Data Analysis (1977); Hyndman & Fan, Am. Stat. 50 (1996) for type 7.
 * @param values at least 1 value
 * @param k fence multiplier; 1.5 for "outside", 3 for "far out"
 * @returns the fences and the values outside them, in the input's order
 * @throws RangeError when there are no values
 * @example
 * tukeyFences([1, 2, 3, 4, 100]); // => { low: -1, high: 7, outliers: [100] }
 */
export function tukeyFences(values: readonly number[], k = 1.5): TukeyFencesResult {
  if (values.length === 0) throw new RangeError('tukeyFences needs at least 1 value');
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileType7(sorted, 0.25);
  const q3 = quantileType7(sorted, 0.75);
  const iqr = q3 - q1;
  const low = q1 - k * iqr;
  const high = q3 + k * iqr;
  return { low, high, outliers: values.filter((v) => v < low || v > high) };
}
