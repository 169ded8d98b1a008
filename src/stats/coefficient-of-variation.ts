import { mean, sampleStandardDeviation } from 'simple-statistics';

/**
 * The coefficient of variation: the sample standard deviation (n − 1) over the absolute mean.
 * A constant sample gives 0; fewer than 2 values, or a mean of 0, give NaN (no spread can be
 * estimated, or none relative to 0).
 * Source: the usual definition, e.g. Everitt, The Cambridge Dictionary of Statistics.
 * @param values the sample
 * @returns sd / |mean|
 * @example
 * coefficientOfVariation([9, 10, 11]); // => 0.1
 */
export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const center = mean([...values]);
  if (center === 0) return Number.NaN;
  return sampleStandardDeviation([...values]) / Math.abs(center);
}
