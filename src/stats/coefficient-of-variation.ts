import { mean, sampleStandardDeviation } from 'simple-statistics';

/**
 * The coefficient of variation: the sample standard deviation (n − 1) over the absolute mean.
 * A constant (non-zero) sample gives exactly 0; fewer than 2 values, or a mean of 0, give NaN (no
 * spread can be estimated, or none relative to 0).
 * Source: the usual definition, e.g. Everitt, The Cambridge Dictionary of Statistics.
 * @param values the sample
 * @returns sd / |mean|
 * @example
 * coefficientOfVariation([9, 10, 11]); // => 0.1
 */
export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  // Exactly 0 for a constant sample, where rounding in the mean would leave a spread of ~1e-17.
  if (values.every((v) => v === values[0])) return Number.isFinite(values[0]) && values[0] !== 0 ? 0 : Number.NaN;
  const center = mean([...values]);
  if (center === 0) return Number.NaN;
  return sampleStandardDeviation([...values]) / Math.abs(center);
}
