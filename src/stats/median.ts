/**
 * The median of a sample: its middle value after sorting, or the mean of the two middle values
 * for an even count (R's `median()`, the type-7 quantile at 0.5). The one median of benchgate:
 * a metric's center, a stored job's center and a folder's runs all use it.
 * Source: Hyndman & Fan (1996), "Sample quantiles in statistical packages", definition 7.
 * @param values the sample, at least one finite value; not modified
 * @returns the median
 * @throws RangeError for an empty sample
 * @example
 * median([3, 1, 2]); // => 2
 * median([3, 1, 2, 10]); // => 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: the sample is empty');
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
